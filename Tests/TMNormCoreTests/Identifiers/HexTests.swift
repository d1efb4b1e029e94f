import Testing

@testable import TMNormCore

@Suite("Hex encoding")
struct HexTests {
    @Test("bytes become two lower-case digits each, in order; no bytes give an empty text")
    func encode() {
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode([0x00, 0x0f, 0x10, 0xab, 0xff]) == "000f10abff")
        #expect(Hex.encode(Array(0...255).map(UInt8.init)).count == 512)
    }

    @Test("encoding and decoding are inverse over every byte value")
    func roundTrip() {
        let all = (0...255).map(UInt8.init)
        #expect(ConfirmationHashing.bytes(fromHex: Hex.encode(all)) == all)
    }
}
