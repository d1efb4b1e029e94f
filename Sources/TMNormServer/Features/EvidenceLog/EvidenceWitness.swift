import Foundation
import TMNormCore

/// `tmnorm evidence witness`: run by the consumer authority or the board on their own machine. Fetches the
/// log's latest checkpoint, checks its signature and that it extends the checkpoint seen last (kept in the
/// state directory), refuses a fork or a rollback, and cosigns it (C2SP `tlog-cosignature`) when given a key.
public enum EvidenceWitness {
    /// What a run found; `refused` runs leave the state as it was.
    public enum Outcome: Sendable, Equatable {
        case accepted(size: UInt64, cosignedNote: String?)
        case refused(String)
    }

    /// One observation. `fetch` GETs a path of the log (`/api/v1/evidence/…`) and returns status and body.
    public static func observe(
        verifierKey: String, stateDirectory: String, witnessKey: String?, now: Date,
        fetch: (String) async throws -> (status: Int, body: [UInt8])
    ) async throws -> Outcome {
        let verifier: NoteVerifier
        switch NoteVerifier.parse(verifierKey.trimmingCharacters(in: .whitespacesAndNewlines)) {
        case .success(let parsed): verifier = parsed
        case .failure(let problem): return .refused("the log's verifier key is not usable: \(problem)")
        }
        var signer: NoteSigner?
        if let witnessKey {
            guard case .success(let parsed) = NoteSigner.parse(witnessKey.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                return .refused("the witness key is not a signing key (make one with `tmnorm evidence keygen`)")
            }
            signer = parsed
        }
        let latest = try await fetch("/api/v1/evidence/checkpoint")
        guard latest.status == 200 else { return .refused("the log answered \(latest.status) for its checkpoint") }
        let new: Checkpoint
        let note: SignedNote
        switch Checkpoint.verify(note: latest.body, verifier: verifier) {
        case .failure(let problem): return .refused("the log's checkpoint does not verify: \(problem)")
        case .success(let (parsedNote, checkpoint)):
            note = parsedNote
            new = checkpoint
        }
        let stateFile = URL(fileURLWithPath: stateDirectory).appendingPathComponent("checkpoint")
        var seen: Checkpoint?
        if let stored = FileManager.default.contents(atPath: stateFile.path) {
            guard case .success(let (_, checkpoint)) = Checkpoint.verify(note: Array(stored), verifier: verifier) else {
                return .refused("the stored state \(stateFile.path) is not a checkpoint signed by this log's key")
            }
            seen = checkpoint
        }
        var proof: [LogHash] = []
        if let seen, seen.size > 0, new.size > seen.size {
            let answer = try await fetch("/api/v1/evidence/proof/consistency?from=\(seen.size)&to=\(new.size)")
            guard answer.status == 200,
                let json = try? JSONDecoder().decode(ConsistencyProofDTO.self, from: Data(answer.body)),
                json.from == seen.size, json.to == new.size
            else { return .refused("the log gave no consistency proof from \(seen.size) to \(new.size) (status \(answer.status))") }
            var hashes: [LogHash] = []
            for text in json.hashes {
                guard let hash = Base64.decode(Array(text.utf8)), hash.count == 32 else {
                    return .refused("the consistency proof holds a malformed hash")
                }
                hashes.append(hash)
            }
            proof = hashes
        }
        if case .failure(let refusal) = Witness.check(seen: seen, new: new, proof: proof) { return .refused(refusal.description) }
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        try Data(note.encoded.utf8).write(to: stateFile)
        guard let signer else { return .accepted(size: new.size, cosignedNote: nil) }
        let cosignature = try signer.cosign(new, time: UInt64(max(0, now.timeIntervalSince1970)))
        let cosigned = SignedNote(text: note.text, signatures: note.signatures + [cosignature]).encoded
        try Data(cosigned.utf8).write(to: URL(fileURLWithPath: stateDirectory).appendingPathComponent("cosigned-checkpoint"))
        return .accepted(size: new.size, cosignedNote: cosigned)
    }
}
