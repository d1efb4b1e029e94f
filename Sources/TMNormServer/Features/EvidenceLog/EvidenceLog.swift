import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import TMNormCore
import Vapor

/// What a feature puts in the log: the leaf and the event it records (to show the leaf's index beside it).
struct EvidenceLogItem: Sendable {
    let leaf: EvidenceLeaf
    /// "sale", "wash", "decision" …
    let subjectKind: String
    let subjectID: UUID?
    let subjectSequence: Int?
}

/// The evidence transparency log (docs/evidence-log.md). Features queue leaves inside their own
/// transactions (`enqueue`); the sequencer moves queued leaves into the tree in batches, storing each
/// perfect subtree's hash as it completes, so heads and proofs are answered from stored hashes and the
/// right edge of the tree kept in memory, never by rereading the leaves.
final class EvidenceLog: Sendable {
    /// The signing key of checkpoints; its name is the log's origin line.
    let signer: NoteSigner
    /// The tree's right edge as last written by this process; nil until loaded (or after a lost race).
    private let frontier = NIOLockedValueBox<MerkleFrontier?>(nil)
    /// Concurrent flushes share one write.
    private let commit = GroupCommit<Int, UInt64>()
    /// Leaves moved per transaction.
    static let batchSize = 2000

    init(signer: NoteSigner) {
        self.signer = signer
    }

    /// The signer from `TMNORM_EVIDENCE_KEY`, else (demo, tests, development) one derived from the secret.
    static func signer(config: AppConfig, keys: ServerKeys) -> NoteSigner {
        if let text = config.evidenceKey, case .success(let signer) = NoteSigner.parse(text) { return signer }
        let host = URLComponents(string: config.publicBaseURL)?.host ?? "localhost"
        let name = "\(host)/tmnorm-evidence"
        return NoteSigner(name: name, seed: keys.bytes("evidence-log-signing"))
            ?? NoteSigner(name: "localhost/tmnorm-evidence", seed: keys.bytes("evidence-log-signing"))
            ?? Self.unreachableSigner()
    }

    private static func unreachableSigner() -> NoteSigner {
        // A 32-byte seed and a fixed valid name always make a signer.
        preconditionFailure("the evidence log's fallback key could not be made")
    }

    // MARK: Appending

    /// Queues leaves in the caller's transaction (one INSERT); the sequencer logs them within seconds.
    static func enqueue(_ items: [EvidenceLogItem], at now: Date, on sql: any SQLDatabase) async throws {
        guard !items.isEmpty else { return }
        let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        // 6 binds a row: 1 000 rows stay under SQLite's and PostgreSQL's bind limits.
        for start in stride(from: 0, to: items.count, by: 1000) {
            let insert = sql.insert(into: "evidence_log_queue")
                .columns("id", "queued_ms", "leaf_json", "subject_kind", "subject_id", "subject_seq")
            for item in items[start..<min(start + 1000, items.count)] {
                insert.values(
                    UUID(), milliseconds, String(decoding: item.leaf.bytes, as: UTF8.self), item.subjectKind, item.subjectID,
                    item.subjectSequence)
            }
            try await insert.run()
        }
    }

    /// Queues leaves on a Fluent database (the caller's transaction, when it has one).
    static func enqueue(_ items: [EvidenceLogItem], at now: Date, on db: any Database) async throws {
        try await enqueue(items, at: now, on: sql(db))
    }

    /// Moves every queued leaf into the tree; returns the tree size. Concurrent callers share the write.
    @discardableResult
    func flush(on db: any Database, now: Date) async throws -> UInt64 {
        try await commit.submit(0) { items in
            let size = try await self.sequenceAll(on: db, now: now)
            return items.map { _ in .success(size) }
        }
    }

    private func sequenceAll(on db: any Database, now: Date) async throws -> UInt64 {
        while true {
            let (size, moved) = try await sequenceBatch(on: db, now: now)
            if moved < Self.batchSize { return size }
        }
    }

    /// One transaction: lock the head, take the oldest queued leaves, store leaves, completed nodes and the
    /// new head, delete them from the queue.
    private func sequenceBatch(on db: any Database, now: Date) async throws -> (UInt64, Int) {
        do {
            return try await db.writeTransaction { db in
                let sql = try Self.sql(db)
                // Locks the head row (PostgreSQL) so two processes sequence one after the other.
                guard
                    let locked = try await sql.raw("UPDATE evidence_log_head SET tree_size = tree_size WHERE id = 1 RETURNING tree_size")
                        .first()?.decode(column: "tree_size", as: Int64.self)
                else { throw Abort(.internalServerError, reason: "the evidence log has no head row") }
                let size = UInt64(locked)
                var cached = self.frontier.withLockedValue { $0 }
                if cached?.size != size { cached = try await Self.loadFrontier(size: size, on: sql) }
                guard var edge = cached else { throw Abort(.internalServerError, reason: "the evidence log's stored edge is incomplete") }
                let rows = try await sql.raw(
                    """
                    SELECT id, leaf_json, subject_kind, subject_id, subject_seq FROM evidence_log_queue \
                    ORDER BY queued_ms, subject_seq, id LIMIT \(unsafeRaw: String(Self.batchSize))
                    """
                ).all()
                guard !rows.isEmpty else {
                    self.frontier.withLockedValue { $0 = edge }
                    return (size, 0)
                }
                let leafInsert = sql.insert(into: "evidence_log_leaves")
                    .columns("leaf_index", "leaf_json", "subject_kind", "subject_id", "subject_seq", "logged_at")
                let nodeInsert = sql.insert(into: "evidence_log_nodes").columns("level", "node_index", "hash")
                var ids: [UUID] = []
                for row in rows {
                    let json = try row.decode(column: "leaf_json", as: String.self)
                    let index = edge.size
                    for (node, hash) in edge.append(leafHash: MerkleTree.leafHash(Array(json.utf8))) {
                        nodeInsert.values(node.level, Int64(node.index), Hex.encode(hash))
                    }
                    leafInsert.values(
                        Int64(index), json, try row.decode(column: "subject_kind", as: String.self),
                        try row.decode(column: "subject_id", as: UUID?.self), try row.decode(column: "subject_seq", as: Int?.self), now)
                    ids.append(try row.decode(column: "id", as: UUID.self))
                }
                try await leafInsert.run()
                try await nodeInsert.run()
                try await sql.delete(from: "evidence_log_queue").where("id", .in, ids).run()
                try await sql.raw(
                    "UPDATE evidence_log_head SET tree_size = \(bind: Int64(edge.size)), root = \(bind: Hex.encode(edge.root)) WHERE id = 1"
                ).run()
                self.frontier.withLockedValue { $0 = edge }
                return (edge.size, rows.count)
            }
        } catch {
            // The transaction rolled back: the cached edge may be ahead of what is stored.
            frontier.withLockedValue { $0 = nil }
            throw error
        }
    }

    static func loadFrontier(size: UInt64, on sql: any SQLDatabase) async throws -> MerkleFrontier? {
        let needed = MerkleTree.perfectNodes(covering: 0..<size)
        let hashes = try await nodes(Set(needed), on: sql)
        let ordered = needed.compactMap { hashes[$0] }
        guard ordered.count == needed.count else { return nil }
        return MerkleFrontier(size: size, nodes: ordered)
    }

    // MARK: Reading

    /// The current head: the tree size and root as last sequenced.
    static func head(on db: any Database) async throws -> (size: UInt64, root: LogHash) {
        guard let row = try await sql(db).raw("SELECT tree_size, root FROM evidence_log_head WHERE id = 1").first() else {
            return (0, MerkleTree.emptyRoot)
        }
        let size = try row.decode(column: "tree_size", as: Int64.self)
        let root = HexBytes.decode(Array(try row.decode(column: "root", as: String.self).utf8)) ?? []
        return (UInt64(max(0, size)), root)
    }

    /// Stored perfect-node hashes, in one query.
    static func nodes(_ ids: Set<LogNodeID>, on sql: any SQLDatabase) async throws -> [LogNodeID: LogHash] {
        guard !ids.isEmpty else { return [:] }
        var query: SQLQueryString = "SELECT level, node_index, hash FROM evidence_log_nodes WHERE "
        for (position, id) in ids.sorted().enumerated() {
            if position > 0 { query += " OR " }
            query += "(level = \(bind: id.level) AND node_index = \(bind: Int64(id.index)))"
        }
        var found: [LogNodeID: LogHash] = [:]
        for row in try await sql.raw(query).all() {
            let id = LogNodeID(
                level: try row.decode(column: "level", as: Int.self),
                index: UInt64(max(0, try row.decode(column: "node_index", as: Int64.self))))
            found[id] = HexBytes.decode(Array(try row.decode(column: "hash", as: String.self).utf8))
        }
        return found
    }

    /// The hashes of the given subtrees from stored nodes; nil when a node is missing.
    static func hashes(of ranges: [Range<UInt64>], on sql: any SQLDatabase) async throws -> [LogHash]? {
        let stored = try await nodes(MerkleProof.nodesNeeded(for: ranges), on: sql)
        var out: [LogHash] = []
        for range in ranges {
            guard let hash = MerkleTree.foldPerfect(MerkleTree.perfectNodes(covering: range).compactMap({ stored[$0] })),
                MerkleTree.perfectNodes(covering: range).allSatisfy({ stored[$0] != nil })
            else { return nil }
            out.append(hash)
        }
        return out
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves (both checked by the caller).
    static func inclusionProof(index: UInt64, size: UInt64, on db: any Database) async throws -> [LogHash]? {
        guard let ranges = MerkleTree.inclusionRanges(index: index, size: size) else { return nil }
        return try await hashes(of: ranges, on: sql(db))
    }

    /// The consistency proof between two sizes (checked by the caller).
    static func consistencyProof(from: UInt64, to: UInt64, on db: any Database) async throws -> [LogHash]? {
        guard let ranges = MerkleTree.consistencyRanges(from: from, to: to) else { return nil }
        return try await hashes(of: ranges, on: sql(db))
    }

    /// The leaf bytes at `index`.
    static func leaf(at index: UInt64, on db: any Database) async throws -> [UInt8]? {
        try await sql(db).raw("SELECT leaf_json FROM evidence_log_leaves WHERE leaf_index = \(bind: Int64(index))").first()
            .map { Array(try $0.decode(column: "leaf_json", as: String.self).utf8) }
    }

    /// The leaf index of each logged event of a subject, by its sequence number (the lookup other features use).
    static func leafIndexes(subject: UUID, on db: any Database) async throws -> [Int: UInt64] {
        var out: [Int: UInt64] = [:]
        for row in try await sql(db).raw(
            "SELECT leaf_index, subject_seq FROM evidence_log_leaves WHERE subject_id = \(bind: subject)"
        ).all() {
            let index = try row.decode(column: "leaf_index", as: Int64.self)
            out[try row.decode(column: "subject_seq", as: Int?.self) ?? -1] = UInt64(max(0, index))
        }
        return out
    }

    /// Whether a subject has leaves still waiting for the sequencer.
    static func isQueued(subject: UUID, on db: any Database) async throws -> Bool {
        try await sql(db).raw("SELECT 1 AS one FROM evidence_log_queue WHERE subject_id = \(bind: subject) LIMIT 1").first() != nil
    }

    /// A proof bundle of the leaf at `index` (checked below the tree size by the caller): the leaf, its
    /// inclusion proof and the latest checkpoint, one being signed now when the leaf is not yet under one.
    static func bundle(index: UInt64, app: Application, on db: any Database, now: Date) async throws -> String {
        guard let leaf = try await leaf(at: index, on: db) else { throw AppError.notFound() }
        let text = try await app.evidenceLog.signCheckpoint(on: db, now: now)
        guard case .success(let note) = SignedNote.parse(Array(text.utf8)), case .success(let checkpoint) = Checkpoint.parse(note.text),
            index < checkpoint.size,
            let proof = try await inclusionProof(index: index, size: checkpoint.size, on: db)
        else { throw Abort(.internalServerError, reason: "the evidence log's checkpoint or a stored hash is unusable") }
        return ProofBundle(leaf: leaf, index: index, proof: proof, checkpoint: note).encoded
    }

    /// The leaf index of the (first) logged event of each subject, in one query (a page's list).
    static func leafIndexes(subjects: [UUID], on db: any Database) async throws -> [UUID: UInt64] {
        guard !subjects.isEmpty else { return [:] }
        var out: [UUID: UInt64] = [:]
        for start in stride(from: 0, to: subjects.count, by: 500) {
            let chunk = subjects[start..<min(start + 500, subjects.count)]
            var query: SQLQueryString = "SELECT leaf_index, subject_id FROM evidence_log_leaves WHERE subject_id IN ("
            for (position, id) in chunk.enumerated() { query += position == 0 ? "\(bind: id)" : ", \(bind: id)" }
            query += ")"
            for row in try await sql(db).raw(query).all() {
                guard let subject = try row.decode(column: "subject_id", as: UUID?.self) else { continue }
                let index = UInt64(max(0, try row.decode(column: "leaf_index", as: Int64.self)))
                out[subject] = min(out[subject] ?? index, index)
            }
        }
        return out
    }

    // MARK: Checkpoints

    /// The latest stored checkpoint note, if any.
    static func latestCheckpoint(on db: any Database) async throws -> (size: UInt64, note: String)? {
        try await sql(db).raw("SELECT tree_size, note FROM evidence_log_checkpoints ORDER BY tree_size DESC LIMIT 1").first().map {
            (size: UInt64(max(0, try $0.decode(column: "tree_size", as: Int64.self))), note: try $0.decode(column: "note", as: String.self))
        }
    }

    /// When the latest checkpoint was signed.
    static func latestCheckpointTime(on db: any Database) async throws -> Date? {
        try await sql(db).raw("SELECT signed_at FROM evidence_log_checkpoints ORDER BY tree_size DESC LIMIT 1").first()?
            .decode(column: "signed_at", as: Date.self)
    }

    /// Signs and stores a checkpoint of the current head unless one of that size exists; returns the latest note.
    @discardableResult
    func signCheckpoint(on db: any Database, now: Date) async throws -> String {
        let head = try await Self.head(on: db)
        if let latest = try await Self.latestCheckpoint(on: db), latest.size >= head.size { return latest.note }
        let note = try signer.sign(Checkpoint(origin: signer.name, size: head.size, root: head.root).text).encoded
        // Another process may have signed the same size first; its note stands.
        try await db.writeTransaction { db in
            try await Self.sql(db).insert(into: "evidence_log_checkpoints").columns("tree_size", "note", "signed_at")
                .values(Int64(head.size), note, now).ignoringConflicts(with: ["tree_size"]).run()
        }
        return try await Self.latestCheckpoint(on: db)?.note ?? note
    }

    /// Every few seconds: sequence what is queued, and sign a checkpoint when the tree grew.
    static let job = JobDefinition(
        name: "evidence-log",
        summary: Phrase(
            nb: "Fører nye bevis inn i bevisloggen og signerer et nytt kontrollpunkt når loggen har vokst.",
            en: "Moves new evidence into the evidence log and signs a checkpoint when the log has grown."),
        schedule: .every(seconds: 5),
        retry: RetrySchedule(initialDelay: 5, multiplier: 2, maximumDelay: 60, maximumAttempts: 5),
        lease: 120
    ) { context in
        let log = context.app.evidenceLog
        let before = try await EvidenceLog.latestCheckpoint(on: context.app.db)?.size
        let size = try await log.flush(on: context.app.db, now: context.now)
        guard before.map({ $0 < size }) ?? true else { return nil }
        try await log.signCheckpoint(on: context.app.db, now: context.now)
        return "checkpoint at \(size)"
    }

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "the evidence log needs an SQL database")
        }
        return sql
    }
}

extension Application {
    /// The evidence log of this process.
    var evidenceLog: EvidenceLog { services.evidenceLog }
}
