/// Which network addresses the server may send a client's webhook to: public unicast only. Loopback,
/// private, link-local, unique-local, carrier-grade NAT, multicast and unspecified addresses reach the
/// server's own network (SSRF), so they are refused. Works on the address bytes (4 or 16).
public enum NetworkAddressPolicy {
    /// Why an address is not public, or nil when it is.
    public static func nonPublicReason(_ bytes: [UInt8]) -> String? {
        switch bytes.count {
        case 4: return v4Reason(bytes[0], bytes[1], bytes[2], bytes[3])
        case 16: return v6Reason(bytes)
        default: return "not an IP address"
        }
    }

    private static func v4Reason(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> String? {
        switch (a, b) {
        case (0, _): return "unspecified (0.0.0.0/8)"
        case (127, _): return "loopback (127.0.0.0/8)"
        case (10, _): return "private (10.0.0.0/8)"
        case (172, 16...31): return "private (172.16.0.0/12)"
        case (192, 168): return "private (192.168.0.0/16)"
        case (169, 254): return "link-local (169.254.0.0/16)"
        case (100, 64...127): return "shared address space (100.64.0.0/10)"
        case (192, 0) where c == 0: return "IETF protocol assignments (192.0.0.0/24)"
        case (198, 18...19): return "benchmarking (198.18.0.0/15)"
        case (224...239, _): return "multicast (224.0.0.0/4)"
        case (240...255, _): return "reserved (240.0.0.0/4)"
        default: return nil
        }
    }

    private static func v6Reason(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 == 0 }) { return "unspecified (::)" }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "loopback (::1)" }
        // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) carry an IPv4 address.
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && ((bytes[10] == 0xFF && bytes[11] == 0xFF) || (bytes[10] == 0 && bytes[11] == 0)) {
            return v4Reason(bytes[12], bytes[13], bytes[14], bytes[15]).map { "IPv4 in IPv6: " + $0 }
        }
        // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address.
        if bytes[0] == 0x00, bytes[1] == 0x64, bytes[2] == 0xFF, bytes[3] == 0x9B, bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return v4Reason(bytes[12], bytes[13], bytes[14], bytes[15]).map { "NAT64: " + $0 }
        }
        if bytes[0] & 0xFE == 0xFC { return "unique-local (fc00::/7)" }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return "link-local (fe80::/10)" }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return "site-local (fec0::/10)" }
        if bytes[0] == 0xFF { return "multicast (ff00::/8)" }
        return nil
    }
}
