import Foundation

/// The secrets of one offer as generated: give `token` and `code` to the consumer, store only the hashes.
public struct OfferSecrets: Sendable, Hashable {
    /// URL-safe link token (base64url without padding), e.g. for `/t/TOKEN`.
    public let token: String
    /// Lower-case hex SHA-256 of the token: what the database keeps and looks up.
    public let tokenHash: String
    /// Short reply code from the unambiguous alphabet, e.g. "K7M2QX".
    public let code: String
    /// Keyed hash of the code (HMAC-SHA256 with the server's code key): 30 bits of code would fall to
    /// brute force if stored under a plain hash.
    public let codeHash: String
}

/// Generates link tokens, reply codes and receipt references from an injected random number generator.
public enum OfferSecretGenerator {
    /// 32 symbols (5 bits each) without the look-alikes 0/O and 1/I, so a code survives being retyped.
    public static let codeAlphabet: [Character] = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    /// The fewest random bytes a link token may have (128 bits).
    public static let minimumTokenBytes = 16

    /// A token of `bytes` random bytes (at least 16), base64url-encoded without padding.
    public static func token<R: RandomNumberGenerator>(bytes: Int = 18, using rng: inout R) -> String {
        let count = max(bytes, minimumTokenBytes)
        var raw: [UInt8] = []
        raw.reserveCapacity(count + 7)
        // Eight bytes per call: the system generator costs a system call each time.
        while raw.count < count {
            let word = rng.next()
            for shift in stride(from: 0, to: 64, by: 8) { raw.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return base64URL(Array(raw.prefix(count)))
    }

    /// A code of `length` symbols, each uniform over `codeAlphabet`.
    public static func code<R: RandomNumberGenerator>(length: Int = 6, using rng: inout R) -> String {
        String((0..<max(length, 1)).map { _ in codeAlphabet[Int(rng.next(upperBound: UInt64(codeAlphabet.count)))] })
    }

    /// A receipt reference such as "TM-7Q4K-9XRA" (not secret; it only names the agreement).
    public static func reference<R: RandomNumberGenerator>(using rng: inout R) -> String {
        let symbols = code(length: 8, using: &rng)
        return "TM-\(symbols.prefix(4))-\(symbols.suffix(4))"
    }

    /// Token, code and their storage hashes, sized by the policy.
    public static func make<R: RandomNumberGenerator>(
        policy: ConfirmationPolicy = .standard, codeKey: some Sequence<UInt8>, using rng: inout R
    ) -> OfferSecrets {
        let token = token(bytes: policy.tokenBytes, using: &rng)
        let code = code(length: policy.codeLength, using: &rng)
        return OfferSecrets(token: token, tokenHash: hashToken(token), code: code, codeHash: hashCode(code, key: codeKey))
    }

    /// SHA-256 hex of a token as presented (tokens are case-sensitive).
    public static func hashToken(_ token: String) -> String { ConfirmationHashing.sha256Hex(token) }

    /// HMAC-SHA256 hex of a normalised code under the server's code key.
    public static func hashCode(_ code: String, key: some Sequence<UInt8>) -> String {
        ConfirmationHashing.hmacSHA256Hex(key: key, message: Array((normalizedCode(code) ?? code).utf8))
    }

    /// Whether a text can be a token at all (length and alphabet), checked before any database lookup.
    public static func isWellFormedToken(_ text: String, bytes: Int = 18) -> Bool {
        let expected = (max(bytes, minimumTokenBytes) * 4 + 2) / 3
        return text.utf8.count == expected
            && text.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F
            }
    }

    /// A typed code in canonical form: upper case, spaces and dashes removed, every symbol in the
    /// alphabet (and `length` long when given); nil otherwise.
    public static func normalizedCode(_ text: String, length: Int? = nil) -> String? {
        let compact = text.uppercased().filter { $0 != " " && $0 != "-" }
        guard !compact.isEmpty, compact.allSatisfy(codeAlphabet.contains) else { return nil }
        if let length, compact.count != length { return nil }
        return compact
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
