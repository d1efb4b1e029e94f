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
/// One transaction per burst holds each sale's guarded update, one INSERT for all evidence links, one
/// UPDATE for all cancelled reminders and one INSERT for all receipts and webhooks. Each caller learns
/// whether its own update won. A batch that fails is written again one answer at a time, so one bad
/// answer fails alone.
final class SaleAnswerWriter: Sendable {
    private let commit = GroupCommit<SaleAnswerWrite, Bool>()

    /// Stores the answer; false when another change to the sale came first (nothing of it is stored).
    func store(_ write: SaleAnswerWrite, on db: any Database) async throws -> Bool {
        try await commit.submit(write) { writes in
            do {
                return try await Self.write(writes, on: db).map { .success($0) }
            } catch where writes.count > 1 {
                var results: [Result<Bool, any Error>] = []
                for write in writes {
                    do { results.append(.success(try await Self.write([write], on: db)[0])) } catch { results.append(.failure(error)) }
                }
                return results
            }
        }
    }

    /// One transaction for the batch; which answers won, in order.
    static func write(_ writes: [SaleAnswerWrite], on db: any Database) async throws -> [Bool] {
        try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "sales need an SQL database") }
            var won: [Bool] = []
            won.reserveCapacity(writes.count)
            for write in writes {
                // The guard: only if nobody changed the sale since it was read (PostgreSQL waits on the row lock here).
                let updated = try await sql.raw("""
                    UPDATE sales SET state = \(bind: write.state.rawValue), lifecycle_json = \(bind: write.lifecycleJSON), \
                    evidence_head = \(bind: write.head), updated_at = \(bind: write.at) \
                    WHERE id = \(bind: write.saleID) AND evidence_head = \(bind: write.expectedHead) RETURNING id
                    """).all()
                won.append(!updated.isEmpty)
            }
            let winners = zip(writes, won).filter(\.1).map(\.0)
            let entries = winners.compactMap { write in write.entry.map { (write.saleID, $0) } }
            if !entries.isEmpty { try await SaleService.insertEvidence(entries, on: sql) }
            let cancelled = winners.filter { !$0.cancelKeys.isEmpty }
            for reason in Set(cancelled.map(\.cancelReason)).sorted() {
                try await Messaging.cancel(on: db, idempotencyKeys: cancelled.filter { $0.cancelReason == reason }.flatMap(\.cancelKeys), reason: reason)
            }
            try await Messaging.queue(on: db, winners.flatMap(\.messages))
            return won
        }
    }
}

extension Application {
    private struct SaleAnswerWriterKey: StorageKey { typealias Value = SaleAnswerWriter }

    /// The process's answer writer (created at boot, before requests arrive).
    var saleAnswerWriter: SaleAnswerWriter {
        get { storage[SaleAnswerWriterKey.self] ?? SaleAnswerWriter() }
        set { storage[SaleAnswerWriterKey.self] = newValue }
    }
}
