import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// `tmnorm evidence audit`: recomputes the whole tree from the stored leaves, compares every stored hash
/// and the head with it, and checks every stored checkpoint's signature and root.
public struct EvidenceLogAuditReport: Sendable {
    public var leaves: UInt64 = 0
    public var nodesChecked = 0
    public var checkpointsChecked = 0
    /// What does not hold, one line each; empty when the log is sound.
    public var problems: [String] = []

    public var isSound: Bool { problems.isEmpty }
}

enum EvidenceLogAudit {
    /// Leaves read per query.
    static let chunk = 5000

    static func run(on db: any Database, verifier: NoteVerifier) async throws -> EvidenceLogAuditReport {
        let sql = try EvidenceLog.sql(db)
        var report = EvidenceLogAuditReport()
        // Checkpoints first: the roots to expect at their sizes.
        var checkpoints: [UInt64: LogHash] = [:]
        for row in try await sql.raw("SELECT tree_size, note FROM evidence_log_checkpoints ORDER BY tree_size").all() {
            let size = try row.decode(column: "tree_size", as: Int64.self)
            let note = try row.decode(column: "note", as: String.self)
            switch Checkpoint.verify(note: Array(note.utf8), verifier: verifier) {
            case .failure(let problem):
                report.problems.append("checkpoint at size \(size): \(problem)")
            case .success(let (_, checkpoint)):
                if checkpoint.size != UInt64(max(0, size)) {
                    report.problems.append("checkpoint stored at size \(size) says size \(checkpoint.size)")
                }
                checkpoints[checkpoint.size] = checkpoint.root
            }
        }
        var frontier = MerkleFrontier()
        var seen = Set<UInt64>()
        func checkHead() {
            guard let expected = checkpoints[frontier.size] else { return }
            seen.insert(frontier.size)
            report.checkpointsChecked += 1
            if expected != frontier.root {
                report.problems.append("checkpoint at size \(frontier.size) does not match the tree recomputed from the leaves")
            }
        }
        checkHead()
        var next: Int64 = 0
        while true {
            let rows = try await sql.raw(
                """
                SELECT leaf_index, leaf_json FROM evidence_log_leaves WHERE leaf_index >= \(bind: next) \
                ORDER BY leaf_index LIMIT \(unsafeRaw: String(chunk))
                """
            ).all()
            if rows.isEmpty { break }
            var computed: [LogNodeID: LogHash] = [:]
            for row in rows {
                let index = try row.decode(column: "leaf_index", as: Int64.self)
                guard index == Int64(frontier.size) else {
                    report.problems.append("leaf \(frontier.size) is missing (next stored is \(index))")
                    return report
                }
                let json = try row.decode(column: "leaf_json", as: String.self)
                for (node, hash) in frontier.append(leafHash: MerkleTree.leafHash(Array(json.utf8))) { computed[node] = hash }
                checkHead()
                next = index + 1
            }
            // Every node this chunk completed is compared with the stored one.
            let stored = try await EvidenceLog.nodes(Set(computed.keys), on: sql)
            for (node, hash) in computed.sorted(by: { $0.key < $1.key }) {
                report.nodesChecked += 1
                if stored[node] != hash {
                    report.problems.append(
                        "stored hash of leaves \(node.leaves.lowerBound)..<\(node.leaves.upperBound) (level \(node.level)) "
                            + (stored[node] == nil ? "is missing" : "differs from the recomputed one"))
                }
            }
        }
        report.leaves = frontier.size
        let head = try await EvidenceLog.head(on: db)
        if head.size != frontier.size || head.root != frontier.root {
            report.problems.append("the stored head (size \(head.size)) does not match the recomputed tree (size \(frontier.size))")
        }
        for size in checkpoints.keys.sorted() where !seen.contains(size) {
            report.problems.append("checkpoint at size \(size) is beyond the \(frontier.size) stored leaves (a rolled-back log)")
        }
        return report
    }
}

/// What the `tmnorm evidence` commands call.
public enum EvidenceLogTools {
    /// A new signing key (`PRIVATE+KEY+…`, a secret) and its verifier key; nil for a name that cannot be a key name.
    public static func keygen(name: String) -> (signer: String, verifier: String, cosignature: String)? {
        var generator = SystemRandomNumberGenerator()
        let seed = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard let signer = NoteSigner(name: name, seed: seed) else { return nil }
        return (signer.encoded, signer.verifier.encoded, signer.cosignatureVerifierKey)
    }

    /// Audits the log of `app`'s database against `verifierKey` (default: the configured key's verifier).
    public static func audit(_ app: Application, verifierKey: String?) async throws -> EvidenceLogAuditReport {
        var verifier = app.evidenceLog.signer.verifier
        if let verifierKey {
            switch NoteVerifier.parse(verifierKey) {
            case .success(let parsed): verifier = parsed
            case .failure(let problem): throw Abort(.badRequest, reason: "the verifier key is not usable: \(problem)")
            }
        }
        return try await EvidenceLogAudit.run(on: app.db, verifier: verifier)
    }

    /// The verifier key of `app`'s configured signing key.
    public static func verifierKey(_ app: Application) -> String { app.evidenceLog.signer.verifier.encoded }
}
