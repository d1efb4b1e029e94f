import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// One answer's change to a sale, prepared outside the lock: the guarded update of the sale row, the
/// evidence link that follows the head it was computed from, the reminders it cancels and the messages
/// (receipts, webhook) it queues.
struct SaleAnswerWrite: Sendable {
    let saleID: UUID
    /// The head the change was computed from; the row is updated only if it is still the head.
    let expectedHead: String
    let state: OfferState
    let lifecycleJSON: String
    let entry: EvidenceEntry?
    let cancelKeys: [String]
    let cancelReason: String
    let messages: [Messaging.Outgoing]
    let at: Date

    var head: String { entry?.entryHash ?? expectedHead }
}

/// Writes answers with group commit: the answers that arrive while one transaction runs share the next.
/// One transaction per burst holds one guarded UPDATE for all its sales, one INSERT for all evidence
/// links, one UPDATE for all cancelled reminders and one INSERT for all receipts and webhooks. Each caller learns
/// whether its own update won. A batch that fails is written again one answer at a time, so one bad
/// answer fails alone.
final class SaleAnswerWriter: Sendable {
    private let commit = GroupCommit<SaleAnswerWrite, Bool>()

    /// Stores the answer; false when another change to the sale came first (nothing of it is stored).
    /// Inside a transaction the answer is written on it, alone, so it commits or rolls back with the
    /// caller's work; otherwise it shares a batch with concurrent answers.
    func store(_ write: SaleAnswerWrite, on db: any Database) async throws -> Bool {
        if db.inTransaction { return try await Self.write([write], on: db)[0] }
        return try await commit.submit(write) { writes in try await Self.writeBatch(writes, on: db) }
    }

    /// The batch in one transaction; if that fails, each answer in one of its own.
    static func writeBatch(_ writes: [SaleAnswerWrite], on db: any Database) async throws -> [Result<Bool, any Error>] {
        do {
            return try await write(writes, on: db).map { .success($0) }
        } catch  where writes.count > 1 {
            var results: [Result<Bool, any Error>] = []
            for write in writes {
                do { results.append(.success(try await Self.write([write], on: db)[0])) } catch { results.append(.failure(error)) }
            }
            return results
        }
    }

    /// One transaction for the batch; which answers won, in order.
    static func write(_ writes: [SaleAnswerWrite], on db: any Database) async throws -> [Bool] {
        // Two answers to one sale in one batch: only the first is tried; the others lose and are judged
        // again on the state it leaves (an update joined to two rows would apply one of them, unknown which).
        var seen = Set<UUID>()
        let tried = writes.map { seen.insert($0.saleID).inserted }
        let candidates = zip(writes, tried).filter(\.1).map(\.0)
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "sales need an SQL database") }
            let updated = try await sql.raw(guardedUpdate(candidates)).all().map { try $0.decode(column: "id", as: UUID.self) }
            let winnerIDs = Set(updated)
            let won = zip(writes, tried).map { write, tried in tried && winnerIDs.contains(write.saleID) }
            let winners = zip(writes, won).filter(\.1).map(\.0)
            let entries = winners.compactMap { write in write.entry.map { (write.saleID, $0) } }
            if !entries.isEmpty { try await SaleService.insertEvidence(entries, on: sql) }
            let cancelled = winners.filter { !$0.cancelKeys.isEmpty }
            for reason in Set(cancelled.map(\.cancelReason)).sorted() {
                try await Messaging.cancel(
                    on: db, idempotencyKeys: cancelled.filter { $0.cancelReason == reason }.flatMap(\.cancelKeys), reason: reason)
            }
            try await Messaging.queue(on: db, winners.flatMap(\.messages))
            return won
        }
    }

    /// One statement for every sale of the batch (SQLite and PostgreSQL both take this form): each row is
    /// updated only if its evidence head is still the one its change was computed from (PostgreSQL waits
    /// on the row lock here). Returns the ids that were updated.
    static func guardedUpdate(_ writes: [SaleAnswerWrite]) -> SQLQueryString {
        var rows: [SQLQueryString] = []
        for write in writes {
            rows.append(
                "(\(bind: write.saleID), \(bind: write.expectedHead), \(bind: write.state.rawValue), \(bind: write.lifecycleJSON), \(bind: write.head), \(bind: write.at))"
            )
        }
        var query: SQLQueryString = "WITH answer (id, expected_head, state, lifecycle_json, head, at) AS (VALUES "
        for (index, row) in rows.enumerated() {
            if index > 0 { query += ", " }
            query += row
        }
        query += """
            ) UPDATE sales SET state = answer.state, lifecycle_json = answer.lifecycle_json, evidence_head = answer.head, \
            updated_at = answer.at FROM answer WHERE sales.id = answer.id AND sales.evidence_head = answer.expected_head RETURNING sales.id
            """
        return query
    }
}
