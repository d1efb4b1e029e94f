import Foundation
import Testing
@testable import TMNormCore

@Suite("Tokens, codes and hashes")
struct OfferSecretTests {
    static let key = Array("code-key-for-tests".utf8)

    @Test("a token has at least 128 random bits, URL-safe, no padding", arguments: [16, 18, 32, 8])
    func tokenShape(_ bytes: Int) {
        var rng = SeededGenerator(seed: 1)
        let token = OfferSecretGenerator.token(bytes: bytes, using: &rng)
        let effective = max(bytes, 16)
        #expect(token.utf8.count == (effective * 4 + 2) / 3)
        #expect(!token.contains("+") && !token.contains("/") && !token.contains("="))
        #expect(OfferSecretGenerator.isWellFormedToken(token, bytes: bytes))
    }

    @Test("tokens come from the injected generator: same seed, same token; different seeds differ")
    func tokenDeterminism() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        #expect(OfferSecretGenerator.token(using: &a) == OfferSecretGenerator.token(using: &b))
        #expect(OfferSecretGenerator.token(using: &a) != OfferSecretGenerator.token(using: &c))
        var zeros = ConstantGenerator(value: 0)
        #expect(OfferSecretGenerator.token(bytes: 18, using: &zeros) == String(repeating: "A", count: 24))
    }

    @Test("a thousand tokens from a real generator are distinct")
    func tokenUniqueness() {
        var rng = SystemRandomNumberGenerator()
        #expect(Set((0..<1_000).map { _ in OfferSecretGenerator.token(using: &rng) }).count == 1_000)
    }

    @Test("codes use only the 32-symbol alphabet without 0, O, 1 and I, roughly uniformly")
    func codeAlphabet() {
        #expect(OfferSecretGenerator.codeAlphabet.count == 32)
        #expect(!OfferSecretGenerator.codeAlphabet.contains { "0O1I".contains($0) })
        var rng = SeededGenerator(seed: 7)
        var counts: [Character: Int] = [:]
        for _ in 0..<3_200 {
            let code = OfferSecretGenerator.code(using: &rng)
            #expect(code.count == 6)
            for c in code { counts[c, default: 0] += 1 }
        }
        #expect(counts.count == 32)
        #expect(counts.values.allSatisfy { (450...750).contains($0) })
    }

    @Test("the reference has the form TM-XXXX-XXXX")
    func reference() {
        var rng = SeededGenerator(seed: 3)
        let reference = OfferSecretGenerator.reference(using: &rng)
        #expect(reference.count == 12 && reference.hasPrefix("TM-") && Array(reference)[7] == "-")
    }

    @Test("stored hashes: SHA-256 of the token, keyed HMAC of the normalised code")
    func hashes() {
        var rng = SeededGenerator(seed: 9)
        let secrets = OfferSecretGenerator.make(codeKey: Self.key, using: &rng)
        #expect(secrets.tokenHash == ConfirmationHashing.sha256Hex(secrets.token))
        #expect(secrets.codeHash == OfferSecretGenerator.hashCode(secrets.code.lowercased(), key: Self.key))
        #expect(secrets.codeHash != OfferSecretGenerator.hashCode(secrets.code, key: Array("other".utf8)))
        #expect(secrets.codeHash != ConfirmationHashing.sha256Hex(secrets.code))
        #expect(secrets.tokenHash.count == 64)
    }

    static let codes: [(String, String?)] = [
        ("K7M2QX", "K7M2QX"), ("k7m2qx", "K7M2QX"), ("K7M 2QX", "K7M2QX"), ("k7m-2qx", "K7M2QX"),
        ("K0M2QX", nil), ("KIM2QX", nil), ("K7M2Q", nil), ("", nil), ("K7M2QXZ", nil),
    ]

    @Test("typed codes are normalised or refused", arguments: codes)
    func normalise(_ row: (String, String?)) {
        #expect(OfferSecretGenerator.normalizedCode(row.0, length: 6) == row.1)
    }

    @Test(
        "malformed tokens are refused before any lookup",
        arguments: ["", "short", String(repeating: "A", count: 23), String(repeating: "A", count: 23) + "!", String(repeating: "A", count: 25)])
    func malformedToken(_ token: String) {
        #expect(!OfferSecretGenerator.isWellFormedToken(token))
    }

    @Test("constant-time comparison is plain equality in result")
    func constantTime() {
        #expect(ConfirmationHashing.constantTimeEquals("abc", "abc"))
        #expect(!ConfirmationHashing.constantTimeEquals("abc", "abd"))
        #expect(!ConfirmationHashing.constantTimeEquals("abc", "abcd"))
        #expect(ConfirmationHashing.constantTimeEquals([UInt8](), [UInt8]()))
    }

    @Test("the link authorizes only with the token whose hash is stored")
    func linkAuthorization() {
        var rng = SeededGenerator(seed: 11)
        let secrets = OfferSecretGenerator.make(codeKey: Self.key, using: &rng)
        let auth = ConsumerAuthorizer.viaLink(token: secrets.token, storedTokenHash: secrets.tokenHash)
        #expect(auth?.channel == .link)
        #expect(auth?.secretHash == secrets.tokenHash)
        #expect(ConsumerAuthorizer.viaLink(token: secrets.token, storedTokenHash: secrets.tokenHash.uppercased()) != nil)
        #expect(ConsumerAuthorizer.viaLink(token: secrets.token + "x", storedTokenHash: secrets.tokenHash) == nil)
        #expect(ConsumerAuthorizer.viaLink(token: secrets.tokenHash, storedTokenHash: secrets.tokenHash) == nil)
    }
}
