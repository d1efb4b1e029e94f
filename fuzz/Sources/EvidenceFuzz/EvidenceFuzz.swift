import FuzzSupport
import TMNormCore

/// The evidence log's parsers: signed notes, checkpoints, proof bundles and verifier keys.
///
/// Input: one selector byte, then the text. Properties:
/// - no parser traps, whatever the bytes;
/// - what parses re-encodes to text that parses to the same value (one spelling per value);
/// - a parsed bundle's proof checks (against a fixed key) without trapping, and a proof for a tree that
///   does not hold the index is refused.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let input = Array(bytes(data + 1, size - 1))
    switch data[0] % 4 {
    case 0:
        if case .success(let note) = SignedNote.parse(input) {
            let again = SignedNote.parse(Array(note.encoded.utf8))
            require(again == .success(note), "note does not round-trip: \(show(String(decoding: input, as: UTF8.self)))")
        }
    case 1:
        let text = String(decoding: input, as: UTF8.self)
        if case .success(let checkpoint) = Checkpoint.parse(text) {
            require(Checkpoint.parse(checkpoint.text) == .success(checkpoint), "checkpoint does not round-trip: \(show(text))")
            require(checkpoint.root.count == 32, "root of \(checkpoint.root.count) bytes")
        }
    case 2:
        if case .success(let bundle) = ProofBundle.parse(input) {
            require(ProofBundle.parse(Array(bundle.encoded.utf8)) == .success(bundle), "bundle does not round-trip")
            if let signer = NoteSigner(name: "fuzz/log", seed: Array(repeating: 1, count: 32)) {
                _ = bundle.verify(signer.verifier)
            }
            if case .success = MerkleProof.verifyInclusion(
                index: bundle.index, size: bundle.index, leafHash: MerkleTree.leafHash(bundle.leaf), proof: bundle.proof,
                root: MerkleTree.emptyRoot)
            {
                require(false, "an index not below the size was accepted")
            }
        }
    default:
        let text = String(decoding: input, as: UTF8.self)
        if case .success(let verifier) = NoteVerifier.parse(text) {
            let again = try? NoteVerifier.parse(verifier.encoded).get()
            require(again?.encoded == verifier.encoded && again?.keyID == verifier.keyID, "verifier key does not round-trip: \(show(text))")
        }
        _ = NoteSigner.parse(text)
        if case .success(let witness) = CosignatureVerifier.parse(text) {
            let again = try? CosignatureVerifier.parse(witness.encoded).get()
            require(again?.encoded == witness.encoded, "cosignature key does not round-trip: \(show(text))")
            // A signature line made of the input never verifies by accident, and never traps.
            let line = SignedNote.Signature(name: witness.name, keyID: witness.keyID, signature: Array(input.prefix(72)))
            require(witness.time(of: line, over: text) == nil, "an arbitrary cosignature verified: \(show(text))")
        }
    }
    return 0
}
