import Testing

@testable import TMNormCore

@Suite("Webhook targets: public unicast addresses only (no SSRF into the server's own network)")
struct NetworkAddressPolicyTests {
    @Test(
        "loopback, private, link-local, unique-local and friends are refused",
        arguments: [
            [127, 0, 0, 1], [10, 1, 2, 3], [172, 16, 0, 1], [172, 31, 255, 255], [192, 168, 1, 1], [169, 254, 169, 254],
            [0, 0, 0, 0], [100, 64, 0, 1], [224, 0, 0, 1], [255, 255, 255, 255],
        ] as [[UInt8]])
    func refusedV4(_ bytes: [UInt8]) {
        #expect(NetworkAddressPolicy.nonPublicReason(bytes) != nil)
    }

    @Test("public IPv4 addresses pass", arguments: [[8, 8, 8, 8], [172, 32, 0, 1], [193, 69, 0, 1], [100, 128, 0, 1]] as [[UInt8]])
    func publicV4(_ bytes: [UInt8]) {
        #expect(NetworkAddressPolicy.nonPublicReason(bytes) == nil)
    }

    @Test("IPv6: ::1, ::, fe80::, fc00::/7, mapped and NAT64 private IPv4 are refused; global unicast passes")
    func v6() {
        func v6(_ head: [UInt8], tail: [UInt8] = []) -> [UInt8] { head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail }
        #expect(NetworkAddressPolicy.nonPublicReason(v6([], tail: [1])) != nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([])) != nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([0xFE, 0x80])) != nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([0xFD, 0x12])) != nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([], tail: [0xFF, 0xFF, 127, 0, 0, 1])) != nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([0x00, 0x64, 0xFF, 0x9B], tail: [10, 0, 0, 1])) != nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([0x2A, 0x00, 0x14, 0x50], tail: [1])) == nil)
        #expect(NetworkAddressPolicy.nonPublicReason(v6([], tail: [0xFF, 0xFF, 8, 8, 8, 8])) == nil)
    }

    @Test("anything that is not 4 or 16 bytes is refused")
    func malformed() {
        #expect(NetworkAddressPolicy.nonPublicReason([1, 2, 3]) != nil)
    }
}
