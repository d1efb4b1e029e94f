import Crypto
import Foundation
import NIOConcurrencyHelpers
import TMNormCore

/// Keys derived from the server secret (`TMNORM_SECRET`), one per purpose, with HKDF-SHA256 (RFC 5869):
/// the secret is the input key material, the purpose label the `info`. A key for one purpose tells nothing
/// about another, and no feature hashes the secret its own way. Labels are fixed strings owned by the
/// feature that uses them ("may-call-number", "offer-code"); changing one changes every hash made with it.
final class ServerKeys: Sendable {
    private let secret: SymmetricKey
    private let derived = NIOLockedValueBox<[String: SymmetricKey]>([:])
    /// The secret itself, only to recompute hashes made before the HKDF keys (`legacy…` functions).
    let secretForLegacyHashes: String

    init(secret: String) {
        self.secret = SymmetricKey(data: Data(secret.utf8))
        secretForLegacyHashes = secret
    }

    /// The 256-bit key for `purpose`.
    func key(_ purpose: String) -> SymmetricKey {
        if let key = derived.withLockedValue({ $0[purpose] }) { return key }
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: secret, salt: Data("tmnorm".utf8), info: Data(purpose.utf8), outputByteCount: 32)
        derived.withLockedValue { $0[purpose] = key }
        return key
    }

    /// The key for `purpose` as bytes (for the core's functions, which take bytes).
    func bytes(_ purpose: String) -> [UInt8] {
        key(purpose).withUnsafeBytes { Array($0) }
    }

    /// Hex HMAC-SHA256 of `message` under the key for `purpose`.
    func mac(_ message: String, purpose: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key(purpose)))
    }
}
