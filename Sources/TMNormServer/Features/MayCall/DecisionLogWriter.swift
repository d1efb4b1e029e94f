import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// One may-call decision as it is written to `may_call_decisions` (see `DecisionModel` for reading).
/// A plain value: building a Fluent model per answer and letting the ORM reflect over it cost more than
/// the decision itself.
struct DecisionRecord: Sendable {
    let id: UUID
    let campaignID: UUID
    let callCentreID: UUID
    let clientID: UUID
    let numberHash: String
    let allowed: Bool
    /// Comma-separated reason codes.
    let reasons: String
    let registerSnapshotID: String?
    let ruleSet: String
    let askedAt: Date
    let decidedAt: Date
    let askedBy: String

    static let columns = [
        "id", "campaign_id", "call_centre_id", "client_id", "number_hash", "allowed", "reasons", "register_snapshot_id",
        "rule_set", "asked_at", "decided_at", "asked_by",
    ]

    var values: [any Encodable & Sendable] {
        [id, campaignID, callCentreID, clientID, numberHash, allowed, reasons, registerSnapshotID, ruleSet, askedAt, decidedAt, askedBy]
    }

    /// Inserts rows in statements of at most `rowsPerStatement` rows (bind limits: 12 columns × 500 rows).
    static func insert(_ rows: [DecisionRecord], on db: any Database, rowsPerStatement: Int = 500) async throws {
        guard let sql = db as? any SQLDatabase else { throw MayCallLookupError.noSQLDatabase }
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let insert = sql.insert(into: DecisionModel.schema).columns(columns)
            for row in rows[start..<min(start + rowsPerStatement, rows.count)] {
                insert.values(row.values)
            }
            try await insert.run()
        }
    }
}

/// Writes may-call decisions with group commit: requests that arrive while a write is running are
/// written together by the next one, in one multi-row INSERT. Every caller still returns only after its
/// own rows are stored ("an answer that is not on record is never given"), but under load the database
/// sees one statement per burst instead of one per answer.
///
/// No background task: the first waiting request leads a write; when it is done it hands the lead to
/// the oldest request still waiting, which writes everything queued meanwhile.
final class DecisionLogWriter: Sendable {
    private enum Turn { case written, lead }
    private struct Waiter {
        let rows: [DecisionRecord]
        let continuation: CheckedContinuation<Turn, any Error>
    }
    private struct State {
        var queue: [Waiter] = []
        var writing = false
    }
    private let state = NIOLockedValueBox(State())

    /// Stores `rows`, sharing the write with concurrent callers; throws if the write failed.
    func record(_ rows: [DecisionRecord], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let leadNow = state.withLockedValue { state -> Bool in
            if state.writing { return false }
            state.writing = true
            return true
        }
        if leadNow {
            try await lead(own: rows, on: db)
            return
        }
        let turn = try await withCheckedThrowingContinuation { continuation in
            let leadInstead = state.withLockedValue { state -> Bool in
                // The writer may have finished between the two locks; then this caller writes itself.
                if !state.writing {
                    state.writing = true
                    return true
                }
                state.queue.append(Waiter(rows: rows, continuation: continuation))
                return false
            }
            if leadInstead { continuation.resume(returning: .lead) }
        }
        if case .lead = turn { try await lead(own: rows, on: db) }
    }

    /// Writes the own rows plus everything queued, then passes the lead on or ends the write.
    private func lead(own rows: [DecisionRecord], on db: any Database) async throws {
        let waiters = state.withLockedValue { state -> [Waiter] in
            defer { state.queue.removeAll() }
            return state.queue
        }
        let all = rows + waiters.flatMap(\.rows)
        var failure: (any Error)?
        do {
            try await DecisionRecord.insert(all, on: db)
        } catch {
            failure = error
        }
        for waiter in waiters {
            if let failure { waiter.continuation.resume(throwing: failure) } else { waiter.continuation.resume(returning: .written) }
        }
        let next = state.withLockedValue { state -> Waiter? in
            guard !state.queue.isEmpty else {
                state.writing = false
                return nil
            }
            return state.queue.removeFirst()
        }
        // The next leader writes its own rows and whatever queued up behind it.
        next?.continuation.resume(returning: .lead)
        if let failure { throw failure }
    }
}

extension Application {
    private struct DecisionLogWriterKey: StorageKey { typealias Value = DecisionLogWriter }

    /// The process's decision writer (created at boot, before requests arrive).
    var decisionLogWriter: DecisionLogWriter {
        get { storage[DecisionLogWriterKey.self] ?? DecisionLogWriter() }
        set { storage[DecisionLogWriterKey.self] = newValue }
    }
}
