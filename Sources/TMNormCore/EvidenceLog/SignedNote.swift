import Crypto
import Foundation

/// C2SP `signed-note` with Ed25519 keys: a text ending in a newline, a blank line, then one line per
/// signature `— <name> <base64(4-byte key id ‖ signature)>`.
public struct SignedNote: Equatable, Sendable {
    /// One signature line.
    public struct Signature: Equatable, Sendable {
        public let name: String
        public let keyID: [UInt8]
        public let signature: [UInt8]

        public init(name: String, keyID: [UInt8], signature: [UInt8]) {
            self.name = name
            self.keyID = keyID
            self.signature = signature
        }
    }

    /// The signed text, ending in a newline.
    public let text: String
    public let signatures: [Signature]

    /// The largest note parsed: checkpoints are a few hundred bytes.
    public static let maxBytes = 64 * 1024

    /// Why a note or key was refused.
    public enum Problem: Error, Equatable, Sendable {
        case tooLarge
        case malformed(String)
        case unknownKey
        case badSignature
    }

    /// The note as text (text, blank line, signature lines).
    public var encoded: String {
        text + "\n" + signatures.map { "\u{2014} \($0.name) \(Data($0.keyID + $0.signature).base64EncodedString())\n" }.joined()
    }

    /// Parses a note; never traps. The text must be UTF-8 without control characters other than newlines.
    public static func parse(_ bytes: some Collection<UInt8>) -> Result<SignedNote, Problem> {
        guard bytes.count <= maxBytes else { return .failure(.tooLarge) }
        let all = Array(bytes)
        guard let whole = String(validating: all, as: UTF8.self) else { return .failure(.malformed("not UTF-8")) }
        for scalar in whole.unicodeScalars where scalar.value < 0x20 && scalar != "\n" {
            return .failure(.malformed("control character"))
        }
        // The last blank line separates text from signatures.
        var split: Int?
        if all.count >= 2 {
            for i in stride(from: all.count - 2, through: 0, by: -1) where all[i] == 0x0A && all[i + 1] == 0x0A {
                split = i
                break
            }
        }
        guard let split else { return .failure(.malformed("no blank line before the signatures")) }
        let text = String(decoding: all[0...split], as: UTF8.self)
        let rest = all[(split + 2)...]
        guard !rest.isEmpty, rest.last == 0x0A else { return .failure(.malformed("no signature lines")) }
        var signatures: [Signature] = []
        for line in rest.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false) {
            let dash: [UInt8] = [0xE2, 0x80, 0x94, 0x20]
            guard line.count > dash.count, Array(line.prefix(4)) == dash else {
                return .failure(.malformed("signature line does not start with an em dash"))
            }
            let parts = line.dropFirst(4).split(separator: 0x20, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty,
                let raw = Base64.decode(parts[1]), raw.count > 4
            else { return .failure(.malformed("signature line")) }
            signatures.append(
                Signature(
                    name: String(decoding: parts[0], as: UTF8.self), keyID: Array(raw.prefix(4)),
                    signature: Array(raw.dropFirst(4))))
        }
        return .success(SignedNote(text: text, signatures: signatures))
    }

    public init(text: String, signatures: [Signature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Checks the note carries a valid signature by `verifier`.
    public func verify(_ verifier: NoteVerifier) -> Result<Void, Problem> {
        guard let sig = signatures.first(where: { $0.name == verifier.name && $0.keyID == verifier.keyID }) else {
            return .failure(.unknownKey)
        }
        return verifier.publicKey.isValidSignature(sig.signature, for: Array(text.utf8))
            ? .success(()) : .failure(.badSignature)
    }
}

/// Standard base64 with padding, refusing anything not canonical (so one value has one spelling).
public enum Base64 {
    /// The bytes, or nil when the text is not canonical padded base64.
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard text.count % 4 == 0, text.count <= 1 << 20 else { return nil }
        guard let data = Data(base64Encoded: Data(text)) else { return nil }
        let bytes = Array(data)
        guard Array(Data(bytes).base64EncodedString().utf8).elementsEqual(text) else { return nil }
        return bytes
    }

    /// Base64 text of bytes.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String { Data(bytes).base64EncodedString() }
}

/// Key names: no spaces, no plus signs, printable.
func isValidKeyName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 256
        && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "+" && $0.value != 0x7F && $0 != "\u{2014}" }
}

/// The key id of an Ed25519 note key: the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
public func noteKeyID(name: String, publicKey: [UInt8]) -> [UInt8] {
    Array(SHA256.hash(data: Array(name.utf8) + [0x0A, 0x01] + publicKey).prefix(4))
}

/// An Ed25519 verifier key, written `<name>+<hex key id>+<base64(0x01 ‖ public key)>`.
public struct NoteVerifier: Sendable {
    public let name: String
    public let keyID: [UInt8]
    public let publicKey: Curve25519.Signing.PublicKey

    public init?(name: String, publicKey: [UInt8]) {
        guard isValidKeyName(name), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else {
            return nil
        }
        self.name = name
        self.publicKey = key
        keyID = noteKeyID(name: name, publicKey: publicKey)
    }

    /// Parses `<name>+<hex key id>+<base64(0x01 ‖ key)>`, checking the key id matches; never traps.
    public static func parse(_ text: String) -> Result<NoteVerifier, SignedNote.Problem> {
        let bytes = Array(text.utf8)
        guard bytes.count <= 1024 else { return .failure(.tooLarge) }
        // Only the first two plus signs separate: base64 holds plus signs of its own.
        let parts = bytes.split(separator: UInt8(ascii: "+"), maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(.malformed("a verifier key is name+keyid+key")) }
        guard let id = HexBytes.decode(parts[1]), id.count == 4 else { return .failure(.malformed("key id")) }
        guard let raw = Base64.decode(parts[2]), raw.count == 33, raw[0] == 0x01 else {
            return .failure(.malformed("not an Ed25519 key"))
        }
        guard let verifier = NoteVerifier(name: String(decoding: parts[0], as: UTF8.self), publicKey: Array(raw.dropFirst()))
        else { return .failure(.malformed("key name or key")) }
        guard verifier.keyID == id else { return .failure(.malformed("key id does not match the key")) }
        return .success(verifier)
    }

    /// The verifier key text.
    public var encoded: String {
        "\(name)+\(Hex.encode(keyID))+\(Base64.encode([0x01] + Array(publicKey.rawRepresentation)))"
    }
}

/// An Ed25519 signing key for notes, written (as Go's `note` package does)
/// `PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ‖ 32-byte seed)>`.
public struct NoteSigner: Sendable {
    public let name: String
    let privateKey: Curve25519.Signing.PrivateKey
    /// The matching verifier.
    public let verifier: NoteVerifier

    /// A signer from a 32-byte seed.
    public init?(name: String, seed: [UInt8]) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed),
            let verifier = NoteVerifier(name: name, publicKey: Array(key.publicKey.rawRepresentation))
        else { return nil }
        self.name = name
        privateKey = key
        self.verifier = verifier
    }

    /// Parses the signer key text; never traps.
    public static func parse(_ text: String) -> Result<NoteSigner, SignedNote.Problem> {
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let bytes = Array(trimmed.utf8)
        guard bytes.count <= 1024 else { return .failure(.tooLarge) }
        let parts = bytes.split(separator: UInt8(ascii: "+"), maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, Array(parts[0]) == Array("PRIVATE".utf8), Array(parts[1]) == Array("KEY".utf8) else {
            return .failure(.malformed("a signer key is PRIVATE+KEY+name+keyid+key"))
        }
        guard let id = HexBytes.decode(parts[3]), id.count == 4 else { return .failure(.malformed("key id")) }
        guard let raw = Base64.decode(parts[4]), raw.count == 33, raw[0] == 0x01 else {
            return .failure(.malformed("not an Ed25519 key"))
        }
        guard let signer = NoteSigner(name: String(decoding: parts[2], as: UTF8.self), seed: Array(raw.dropFirst())) else {
            return .failure(.malformed("key name or key"))
        }
        guard signer.verifier.keyID == id else { return .failure(.malformed("key id does not match the key")) }
        return .success(signer)
    }

    /// The signer key text (a secret).
    public var encoded: String {
        let id = verifier.keyID
        return "PRIVATE+KEY+\(name)+\(Hex.encode(id))+\(Base64.encode([0x01] + Array(privateKey.rawRepresentation)))"
    }

    /// Signs `text` (which must end in a newline) as a note with one signature.
    public func sign(_ text: String) throws -> SignedNote {
        let signature = try privateKey.signature(for: Array(text.utf8))
        return SignedNote(
            text: text, signatures: [.init(name: name, keyID: verifier.keyID, signature: Array(signature))])
    }
}

/// Hex text to bytes (either case); nil when not hex.
public enum HexBytes {
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 2)
        var high: UInt8?
        for byte in text {
            let value: UInt8
            switch byte {
            case 0x30...0x39: value = byte - 0x30
            case 0x61...0x66: value = byte - 0x61 + 10
            case 0x41...0x46: value = byte - 0x41 + 10
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return out
    }
}
