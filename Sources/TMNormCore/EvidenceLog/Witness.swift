import Crypto
import Foundation

/// What a witness outside the operator decides about a log's new checkpoint, given the one it saw last:
/// the log may only grow, and the new tree must extend the old one (a consistency proof).
public enum Witness {
    /// Why a new checkpoint is refused.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// The log is smaller than the witness saw: it was rolled back.
        case rollback(seen: UInt64, now: UInt64)
        /// Same size, other root, or a tree that does not extend the one seen: the log forked.
        case fork(seen: UInt64, now: UInt64, MerkleProof.Failure?)
        case otherLog(String)

        public var description: String {
            switch self {
            case .rollback(let seen, let now): return "rollback: the log had \(seen) entries and now claims \(now)"
            case .fork(let seen, let now, let failure):
                return "fork: the tree of \(now) entries does not extend the one of \(seen) seen before"
                    + (failure.map { " (\($0))" } ?? "")
            case .otherLog(let origin): return "the checkpoint is of another log (\(origin))"
            }
        }
    }

    /// Accepts `new` after `seen` (nil the first time) when `proof` shows `new` extends `seen`.
    public static func check(seen: Checkpoint?, new: Checkpoint, proof: [LogHash]) -> Result<Void, Refusal> {
        guard let seen else { return .success(()) }
        guard seen.origin == new.origin else { return .failure(.otherLog(new.origin)) }
        if new.size < seen.size { return .failure(.rollback(seen: seen.size, now: new.size)) }
        switch MerkleProof.verifyConsistency(from: seen.size, to: new.size, fromRoot: seen.root, toRoot: new.root, proof: proof) {
        case .success: return .success(())
        case .failure(let failure): return .failure(.fork(seen: seen.size, now: new.size, failure))
        }
    }
}

extension NoteSigner {
    /// The key id of this key as a C2SP `tlog-cosignature` witness key: SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4].
    public var cosignatureKeyID: [UInt8] {
        Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x04] + Array(privateKey.publicKey.rawRepresentation)).prefix(4))
    }

    /// The witness's verifier key for cosignatures: `<name>+<hex key id>+<base64(0x04 ‖ key)>`.
    public var cosignatureVerifierKey: String {
        "\(name)+\(Hex.encode(cosignatureKeyID))+\(Base64.encode([0x04] + Array(privateKey.publicKey.rawRepresentation)))"
    }

    /// A C2SP `tlog-cosignature/v1` over a checkpoint at `time` (seconds since 1970): Ed25519 over
    /// "cosignature/v1\ntime <time>\n" followed by the checkpoint text; the signature line carries
    /// key id ‖ time (8 bytes, big-endian) ‖ signature.
    public func cosign(_ checkpoint: Checkpoint, time: UInt64) throws -> SignedNote.Signature {
        let message = "cosignature/v1\ntime \(time)\n" + checkpoint.text
        let signature = try privateKey.signature(for: Array(message.utf8))
        let timeBytes = (0..<8).map { UInt8(truncatingIfNeeded: time >> (56 - 8 * UInt64($0))) }
        return SignedNote.Signature(name: name, keyID: cosignatureKeyID, signature: timeBytes + Array(signature))
    }
}

/// A witness's cosignature key as the log checks it (C2SP `tlog-cosignature`):
/// `<name>+<hex key id>+<base64(0x04 ‖ Ed25519 public key)>`, key id = SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4].
public struct CosignatureVerifier: Sendable {
    public let name: String
    public let keyID: [UInt8]
    public let publicKey: Curve25519.Signing.PublicKey

    /// Parses the key text, checking the key id matches; never traps.
    public static func parse(_ text: String) -> Result<CosignatureVerifier, SignedNote.Problem> {
        let bytes = Array(text.utf8)
        guard bytes.count <= 1024 else { return .failure(.tooLarge) }
        let parts = bytes.split(separator: UInt8(ascii: "+"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(.malformed("a cosignature key is name+keyid+key")) }
        guard let id = HexBytes.decode(parts[1]), id.count == 4 else { return .failure(.malformed("key id")) }
        guard let raw = Base64.decode(parts[2]), raw.count == 33, raw[0] == 0x04,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: Array(raw.dropFirst()))
        else { return .failure(.malformed("not an Ed25519 cosignature key")) }
        let name = String(decoding: parts[0], as: UTF8.self)
        guard isValidKeyName(name) else { return .failure(.malformed("key name")) }
        let expected = Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x04] + Array(key.rawRepresentation)).prefix(4))
        guard expected == id else { return .failure(.malformed("key id does not match the key")) }
        return .success(CosignatureVerifier(name: name, keyID: id, publicKey: key))
    }

    /// The key text.
    public var encoded: String {
        "\(name)+\(Hex.encode(keyID))+\(Base64.encode([0x04] + Array(publicKey.rawRepresentation)))"
    }

    /// The time (seconds since 1970) of `signature` when it is this witness's valid cosignature of the
    /// checkpoint `text`; nil otherwise.
    public func time(of signature: SignedNote.Signature, over text: String) -> UInt64? {
        guard signature.name == name, signature.keyID == keyID, signature.signature.count == 8 + 64 else { return nil }
        let time = signature.signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let message = "cosignature/v1\ntime \(time)\n" + text
        guard publicKey.isValidSignature(Array(signature.signature.dropFirst(8)), for: Array(message.utf8)) else { return nil }
        return time
    }
}
