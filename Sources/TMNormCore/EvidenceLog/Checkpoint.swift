/// A C2SP `tlog-checkpoint` body: origin line, tree size in decimal, root hash in base64, each ending in a
/// newline (extension lines after them are kept but not interpreted).
public struct Checkpoint: Equatable, Sendable {
    public let origin: String
    public let size: UInt64
    public let root: LogHash
    public let extensions: [String]

    public init(origin: String, size: UInt64, root: LogHash, extensions: [String] = []) {
        self.origin = origin
        self.size = size
        self.root = root
        self.extensions = extensions
    }

    /// The note text.
    public var text: String {
        "\(origin)\n\(size)\n\(Base64.encode(root))\n" + extensions.map { $0 + "\n" }.joined()
    }

    /// Parses a checkpoint body (the text of a signed note); never traps.
    public static func parse(_ text: String) -> Result<Checkpoint, SignedNote.Problem> {
        let bytes = Array(text.utf8)
        guard bytes.count <= SignedNote.maxBytes else { return .failure(.tooLarge) }
        guard bytes.last == 0x0A else { return .failure(.malformed("checkpoint does not end in a newline")) }
        let lines = bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 3 else { return .failure(.malformed("checkpoint needs origin, size and root lines")) }
        guard !lines[0].isEmpty else { return .failure(.malformed("empty origin")) }
        guard let size = decimal(lines[1]) else { return .failure(.malformed("size is not a decimal number")) }
        guard let root = Base64.decode(lines[2]), root.count == 32 else {
            return .failure(.malformed("root is not a base64 SHA-256 hash"))
        }
        let extensions = lines.dropFirst(3).map { String(decoding: $0, as: UTF8.self) }
        guard extensions.allSatisfy({ !$0.isEmpty }) else { return .failure(.malformed("empty extension line")) }
        return .success(
            Checkpoint(origin: String(decoding: lines[0], as: UTF8.self), size: size, root: root, extensions: extensions))
    }

    /// An unsigned decimal without leading zeros (up to 19 digits, so it cannot overflow).
    static func decimal(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 19, bytes.allSatisfy(ASCII.isDigit) else { return nil }
        guard bytes.count == 1 || bytes.first != 0x30 else { return nil }
        return bytes.reduce(0) { $0 * 10 + UInt64($1 - 0x30) }
    }

    /// Parses a signed checkpoint and checks its signature by `verifier`.
    public static func verify(note bytes: some Collection<UInt8>, verifier: NoteVerifier) -> Result<
        (SignedNote, Checkpoint), SignedNote.Problem
    > {
        switch SignedNote.parse(bytes) {
        case .failure(let problem): return .failure(problem)
        case .success(let note):
            if case .failure(let problem) = note.verify(verifier) { return .failure(problem) }
            guard case .success(let checkpoint) = parse(note.text) else { return .failure(.malformed("checkpoint")) }
            guard checkpoint.origin == verifier.name else { return .failure(.malformed("origin is not the key name")) }
            return .success((note, checkpoint))
        }
    }
}

/// A receipt anyone can check offline, one text file in the spirit of C2SP `tlog-proof`:
///
///     tmnorm.no/evidence-proof@v1
///     leaf <base64 of the leaf bytes>
///     index <decimal>
///     <base64 proof hash>            (one line each, nearest the leaf first)
///
///     <signed checkpoint note>
public struct ProofBundle: Equatable, Sendable {
    public static let header = "tmnorm.no/evidence-proof@v1"
    /// Bundles are small: a leaf of a few hundred bytes, at most 64 hashes, one checkpoint.
    public static let maxBytes = 64 * 1024

    public let leaf: [UInt8]
    public let index: UInt64
    public let proof: [LogHash]
    public let checkpoint: SignedNote

    public init(leaf: [UInt8], index: UInt64, proof: [LogHash], checkpoint: SignedNote) {
        self.leaf = leaf
        self.index = index
        self.proof = proof
        self.checkpoint = checkpoint
    }

    /// The bundle as text.
    public var encoded: String {
        "\(Self.header)\nleaf \(Base64.encode(leaf))\nindex \(index)\n" + proof.map { Base64.encode($0) + "\n" }.joined()
            + "\n" + checkpoint.encoded
    }

    /// Parses a bundle; never traps.
    public static func parse(_ input: some Collection<UInt8>) -> Result<ProofBundle, SignedNote.Problem> {
        guard input.count <= maxBytes else { return .failure(.tooLarge) }
        let bytes = Array(input)
        // The header part ends at the first blank line; the checkpoint note follows.
        var cut: Int?
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
                cut = i
                break
            }
            i += 1
        }
        guard let cut else { return .failure(.malformed("no blank line before the checkpoint")) }
        let lines = bytes[0..<cut].split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count >= 3, Array(lines[0]) == Array(header.utf8) else {
            return .failure(.malformed("not a \(header) file"))
        }
        let leafPrefix = Array("leaf ".utf8)
        let indexPrefix = Array("index ".utf8)
        guard Array(lines[1].prefix(leafPrefix.count)) == leafPrefix,
            let leaf = Base64.decode(lines[1].dropFirst(leafPrefix.count))
        else { return .failure(.malformed("leaf line")) }
        guard Array(lines[2].prefix(indexPrefix.count)) == indexPrefix,
            let index = Checkpoint.decimal(lines[2].dropFirst(indexPrefix.count))
        else { return .failure(.malformed("index line")) }
        var proof: [LogHash] = []
        for line in lines.dropFirst(3) {
            guard let hash = Base64.decode(line), hash.count == 32 else { return .failure(.malformed("proof hash")) }
            proof.append(hash)
        }
        guard proof.count <= 64 else { return .failure(.malformed("too many proof hashes")) }
        switch SignedNote.parse(bytes[(cut + 2)...]) {
        case .failure(let problem): return .failure(problem)
        case .success(let note): return .success(ProofBundle(leaf: leaf, index: index, proof: proof, checkpoint: note))
        }
    }

    /// What a bundle check found.
    public enum Failure: Error, Equatable, Sendable {
        case checkpoint(SignedNote.Problem)
        case proof(MerkleProof.Failure)
    }

    /// Checks the checkpoint's signature and that the leaf is in the tree it commits to.
    public func verify(_ verifier: NoteVerifier) -> Result<Checkpoint, Failure> {
        let head: Checkpoint
        switch Checkpoint.verify(note: Array(checkpoint.encoded.utf8), verifier: verifier) {
        case .failure(let problem): return .failure(.checkpoint(problem))
        case .success(let signed): head = signed.1
        }
        switch MerkleProof.verifyInclusion(
            index: index, size: head.size, leafHash: MerkleTree.leafHash(leaf), proof: proof, root: head.root)
        {
        case .failure(let failure): return .failure(.proof(failure))
        case .success: return .success(head)
        }
    }
}

extension ProofBundle {
    /// `tmnorm evidence verify-proof`: checks a bundle file against a verifier key; the line to print either way.
    public static func check(file: [UInt8], verifierKey: String) -> Result<String, ProofCheckError> {
        let verifier: NoteVerifier
        switch NoteVerifier.parse(verifierKey.trimmingSuffixNewlines()) {
        case .failure(let problem): return .failure(ProofCheckError("the verifier key is not usable: \(problem)"))
        case .success(let parsed): verifier = parsed
        }
        let bundle: ProofBundle
        switch parse(file) {
        case .failure(let problem): return .failure(ProofCheckError("the proof file is malformed: \(problem)"))
        case .success(let parsed): bundle = parsed
        }
        switch bundle.verify(verifier) {
        case .failure(.checkpoint(let problem)):
            return .failure(ProofCheckError("the checkpoint is not signed by \(verifier.name): \(problem)"))
        case .failure(.proof(let failure)):
            return .failure(ProofCheckError("leaf \(bundle.index) is not in the tree of the checkpoint: \(failure)"))
        case .success(let head):
            return .success(
                "ok: leaf \(bundle.index) is in the log \(head.origin) of \(head.size) entries (root \(Base64.encode(head.root)))")
        }
    }
}

/// Why `verify-proof` refused, in words.
public struct ProofCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    func trimmingSuffixNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
