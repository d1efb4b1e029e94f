import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// Cosignatures from the witnesses the installation names (`TMNORM_EVIDENCE_WITNESSES`): a witness runs
/// `tmnorm evidence witness` on its own machine and delivers its cosignature of a checkpoint it checked;
/// the log keeps each witness's latest and shows it beside the checkpoint (docs/evidence-log.md).
enum EvidenceCosignatures {
    /// One witness's latest cosignature.
    struct Stored: Sendable {
        let witnessName: String
        let size: UInt64
        let signatureLine: String
        let cosignedAt: Date
        let receivedAt: Date
    }

    /// Why a delivered cosignature was not taken.
    enum Refusal: Error, Equatable {
        case malformed
        case unknownCheckpoint
        case noKnownWitness
    }

    /// The configured witnesses' keys; an unparsable entry is left out (the server's start-up check names it).
    static func witnesses(_ config: AppConfig) -> [CosignatureVerifier] {
        config.evidenceWitnesses.compactMap { if case .success(let key) = CosignatureVerifier.parse($0) { key } else { nil } }
    }

    /// Takes every valid cosignature by a configured witness in `body` (a checkpoint note as the log signed
    /// it, with the witnesses' lines added); returns the witnesses' names and the size cosigned.
    static func receive(_ body: [UInt8], app: Application, on db: any Database, now: Date) async throws -> Result<
        (names: [String], size: UInt64), Refusal
    > {
        guard case .success(let note) = SignedNote.parse(body), case .success(let checkpoint) = Checkpoint.parse(note.text) else {
            return .failure(.malformed)
        }
        let sql = try EvidenceLog.sql(db)
        guard
            let stored = try await sql.raw("SELECT note FROM evidence_log_checkpoints WHERE tree_size = \(bind: Int64(checkpoint.size))")
                .first()?.decode(column: "note", as: String.self),
            case .success(let ours) = SignedNote.parse(Array(stored.utf8)), ours.text == note.text
        else { return .failure(.unknownCheckpoint) }
        var names: [String] = []
        for witness in witnesses(app.config) {
            for signature in note.signatures {
                guard let time = witness.time(of: signature, over: note.text) else { continue }
                let line = SignedNote(text: "", signatures: [signature]).encoded.dropFirst()
                try await upsert(
                    witness: witness, size: checkpoint.size, line: String(line.dropLast()),
                    cosignedAt: Date(timeIntervalSince1970: TimeInterval(time)), now: now, on: sql)
                names.append(witness.name)
            }
        }
        return names.isEmpty ? .failure(.noKnownWitness) : .success((names, checkpoint.size))
    }

    /// Keeps the newer of the stored and the delivered cosignature (a witness never moves the log back).
    private static func upsert(
        witness: CosignatureVerifier, size: UInt64, line: String, cosignedAt: Date, now: Date, on sql: any SQLDatabase
    ) async throws {
        let key = witness.encoded
        if let row = try await sql.raw("SELECT tree_size FROM evidence_log_cosignatures WHERE witness_key = \(bind: key)").first() {
            guard try row.decode(column: "tree_size", as: Int64.self) <= Int64(size) else { return }
            try await sql.raw(
                """
                UPDATE evidence_log_cosignatures SET tree_size = \(bind: Int64(size)), signature_line = \(bind: line), \
                cosigned_at = \(bind: cosignedAt), received_at = \(bind: now), witness_name = \(bind: witness.name) \
                WHERE witness_key = \(bind: key)
                """
            ).run()
        } else {
            try await sql.insert(into: "evidence_log_cosignatures")
                .columns("witness_key", "witness_name", "tree_size", "signature_line", "cosigned_at", "received_at")
                .values(key, witness.name, Int64(size), line, cosignedAt, now)
                .ignoringConflicts(with: ["witness_key"]).run()
        }
    }

    /// The latest cosignature of each configured witness (witnesses no longer configured are not shown).
    static func latest(app: Application, on db: any Database) async throws -> [Stored] {
        let keys = Set(witnesses(app.config).map(\.encoded))
        guard !keys.isEmpty else { return [] }
        return try await EvidenceLog.sql(db).raw(
            "SELECT witness_key, witness_name, tree_size, signature_line, cosigned_at, received_at FROM evidence_log_cosignatures"
        ).all().compactMap { row in
            guard keys.contains(try row.decode(column: "witness_key", as: String.self)) else { return nil }
            return Stored(
                witnessName: try row.decode(column: "witness_name", as: String.self),
                size: UInt64(max(0, try row.decode(column: "tree_size", as: Int64.self))),
                signatureLine: try row.decode(column: "signature_line", as: String.self),
                cosignedAt: try row.decode(column: "cosigned_at", as: Date.self),
                receivedAt: try row.decode(column: "received_at", as: Date.self))
        }.sorted { $0.witnessName < $1.witnessName }
    }

    /// The checkpoint note of `size` with the cosignature lines of that size added after the log's own.
    static func cosigned(note: String, size: UInt64, latest: [Stored]) -> String {
        let lines = latest.filter { $0.size == size }.map { $0.signatureLine + "\n" }
        return note + lines.joined()
    }

    /// The stored checkpoint note of a size.
    static func checkpoint(size: UInt64, on db: any Database) async throws -> String? {
        try await EvidenceLog.sql(db).raw("SELECT note FROM evidence_log_checkpoints WHERE tree_size = \(bind: Int64(size))").first()?
            .decode(column: "note", as: String.self)
    }
}
