import Crypto
import Foundation

/// SHA-256, HMAC-SHA256, hex and constant-time comparison: the hashing every confirmation feature shares.
public enum ConfirmationHashing {
    /// Lower-case hex SHA-256 of the UTF-8 bytes of a text.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(bytes: Array(text.utf8)) }

    /// Lower-case hex SHA-256 of bytes.
    public static func sha256Hex(bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// Lower-case hex HMAC-SHA256 of a message under a key.
    public static func hmacSHA256Hex(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> String {
        hex(hmacSHA256(key: key, message: message))
    }

    /// The raw HMAC-SHA256 bytes.
    public static func hmacSHA256(key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> [UInt8] {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(message), using: SymmetricKey(data: Array(key)))
        return Array(mac)
    }

    /// Whether a hex signature is the HMAC-SHA256 of the message, compared in constant time.
    /// Upper- or lower-case hex is accepted; anything that is not 64 hex digits is simply wrong.
    public static func isValidHMACSHA256(hexSignature: String, key: some Sequence<UInt8>, message: some Sequence<UInt8>) -> Bool {
        guard let provided = bytes(fromHex: hexSignature), provided.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(provided, authenticating: Array(message), using: SymmetricKey(data: Array(key)))
    }

    /// Compares two byte strings in time that depends only on their lengths (not on where they differ).
    public static func constantTimeEquals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// Compares two texts (e.g. stored and computed hex hashes) in constant time over their UTF-8 bytes.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        constantTimeEquals(Array(a.utf8), Array(b.utf8))
    }

    /// Lower-case hex of bytes.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        Hex.encode(bytes)
    }

    /// Bytes from hex (either case); nil for odd length or a non-hex character.
    public static func bytes(fromHex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
