import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import TMNormCore
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
        guard let sql = db as? any SQLDatabase else { throw DecisionLogError.noSQLDatabase }
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let insert = sql.insert(into: DecisionModel.schema).columns(columns)
            for row in rows[start..<min(start + rowsPerStatement, rows.count)] {
                insert.values(row.values)
            }
            try await insert.run()
        }
        // Their evidence-log leaves go with the same batch, as one more multi-row INSERT (docs/evidence-log.md).
        try await EvidenceLog.enqueue(rows.map(\.evidenceItem), at: rows.map(\.decidedAt).max() ?? .distantPast, on: sql)
    }

    /// The decision's leaf: ids, the keyed number hash, the verdict and its codes — no number in clear.
    var evidenceItem: EvidenceLogItem {
        EvidenceLogItem(
            leaf: .mayCall(
                decision: id, campaign: campaignID, numberKey: numberHash, allowed: allowed,
                reasons: reasons.split(separator: ",").map(String.init), ruleSet: ruleSet.split(separator: "+").map(String.init),
                registerSnapshot: registerSnapshotID, at: decidedAt),
            subjectKind: "decision", subjectID: id, subjectSequence: nil)
    }
}

/// Writes may-call decisions with group commit (see `GroupCommit`): requests that arrive while a write is
/// running are written together by the next one, in one multi-row INSERT. Every caller still returns only
/// after its own rows are stored ("an answer that is not on record is never given"), but under load the
/// database sees one statement per burst instead of one per answer.
final class DecisionLogWriter: Sendable {
    private let commit = GroupCommit<[DecisionRecord], Void>()

    /// Stores `rows`, sharing the write with concurrent callers; throws if the write failed. Inside a
    /// transaction the rows are written on it, so they commit or roll back with the caller's work.
    func record(_ rows: [DecisionRecord], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        if db.inTransaction { return try await DecisionRecord.insert(rows, on: db) }
        try await commit.submit(rows) { batches in
            // One transaction: the decisions and their evidence-log leaves are stored together or not at all.
            let rows = batches.flatMap { $0 }
            try await db.writeTransaction { db in try await DecisionRecord.insert(rows, on: db) }
            return batches.map { _ in .success(()) }
        }
    }
}

/// The decision log could not be written (no SQL database behind Fluent).
enum DecisionLogError: Error {
    case noSQLDatabase
}
