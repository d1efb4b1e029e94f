import Crypto
import Foundation
import TMNormCore
import Vapor

/// Random tokens and their hashes; injected so tests can make them predictable.
struct TokenGenerator: Sendable {
    let randomBytes: @Sendable (Int) -> [UInt8]

    init(randomBytes: @escaping @Sendable (Int) -> [UInt8]) {
        self.randomBytes = randomBytes
    }

    /// Cryptographically secure randomness from the system.
    static let system = TokenGenerator { count in
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Lowercase hex of `bytes` random bytes.
    func hex(bytes: Int) -> String {
        Hex.encode(randomBytes(bytes))
    }

    /// URL-safe base64 without padding of `bytes` random bytes.
    func urlSafe(bytes: Int) -> String {
        Data(randomBytes(bytes)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 hex of a token: what is stored at rest instead of the token itself.
    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}

extension Application {
    private struct TokensKey: StorageKey { typealias Value = TokenGenerator }

    /// Source of random tokens: the system's unless a test set a predictable one.
    var tokens: TokenGenerator {
        get { storage[TokensKey.self] ?? .system }
        set { storage[TokensKey.self] = newValue }
    }
}
