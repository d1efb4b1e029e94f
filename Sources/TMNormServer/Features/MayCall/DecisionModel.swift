import Fluent
import SQLKit
import Foundation

/// One may-call answer, kept so the board can later see what the system said. The number is stored
/// only as a keyed hash: the log can be searched by number without holding the numbers.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class DecisionModel: Model, @unchecked Sendable {
    static let schema = "may_call_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "call_centre_id") var callCentreID: UUID
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "number_hash") var numberHash: String
    @Field(key: "allowed") var allowed: Bool
    /// Comma-separated reason codes.
    @Field(key: "reasons") var reasons: String
    @OptionalField(key: "register_snapshot_id") var registerSnapshotID: String?
    @Field(key: "rule_set") var ruleSet: String
    @Field(key: "asked_at") var askedAt: Date
    @Field(key: "decided_at") var decidedAt: Date
    /// "api-key:<id>" or "user:<id>".
    @Field(key: "asked_by") var askedBy: String

    init() {}
}

/// Creates `may_call_decisions` and the indexes that keep may-call lookups fast.
struct CreateDecisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionModel.schema)
            .id()
            .field("campaign_id", .uuid, .required)
            .field("call_centre_id", .uuid, .required)
            .field("client_id", .uuid, .required)
            .field("number_hash", .string, .required)
            .field("allowed", .bool, .required)
            .field("reasons", .string, .required)
            .field("register_snapshot_id", .string)
            .field("rule_set", .string, .required)
            .field("asked_at", .datetime, .required)
            .field("decided_at", .datetime, .required)
            .field("asked_by", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The same statements on SQLite and PostgreSQL.
        for statement in [
            "CREATE INDEX idx_decisions_centre_time ON may_call_decisions (call_centre_id, decided_at)",
            "CREATE INDEX idx_decisions_number ON may_call_decisions (number_hash)",
            // The exemption tables' indexes are made by their own feature (`AddExemptionIndexes`); this
            // migration used to make them, so databases made before then have them already.
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DecisionModel.schema).delete()
    }
}
