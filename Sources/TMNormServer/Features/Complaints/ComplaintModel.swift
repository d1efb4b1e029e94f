import Fluent
import Foundation
import SQLKit
import TMNormCore

/// A consumer's complaint about a call or a sale, and the facts the platform found about it at intake.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class ComplaintModel: Model, @unchecked Sendable {
    static let schema = "complaints"

    @ID(key: .id) var id: UUID?
    /// What the consumer and the companies quote ("K-2026-7KQ2MX").
    @Field(key: "reference") var reference: String
    @Field(key: "state") var stateRaw: String
    /// "web" (the public form) or "api" (forwarded by the consumer authority).
    @Field(key: "source") var source: String
    /// The organisation whose API key forwarded it.
    @OptionalField(key: "forwarded_by_id") var forwardedByID: UUID?
    /// The business complained about, when it is registered on the platform.
    @OptionalField(key: "business_id") var businessID: UUID?
    @OptionalField(key: "business_orgnr") var businessOrgnr: String?
    @OptionalField(key: "business_name") var businessName: String?
    /// The number that was called (national form), for the companies to find the call; erased with the
    /// contact details when the retention period ends.
    @OptionalField(key: "number") var number: String?
    /// Keyed hash of the national number, as the decision log stores it: links the facts without the number.
    @Field(key: "number_hash") var numberHash: String
    @Field(key: "called_at") var calledAt: Date
    /// Comma-separated `ComplaintReason` codes.
    @Field(key: "reasons") var reasons: String
    /// The sale the offer code led to.
    @OptionalField(key: "sale_id") var saleID: UUID?
    @Field(key: "text") var text: String
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_email") var contactEmail: String?
    @OptionalField(key: "contact_phone") var contactPhone: String?
    @Field(key: "facts_json") var factsJSON: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    /// The SMS code that confirms a complaint from the public form: its keyed hash, attempts and expiry.
    @OptionalField(key: "code_hash") var codeHash: String?
    @Field(key: "code_attempts") var codeAttempts: Int
    @OptionalField(key: "code_expires_at") var codeExpiresAt: Date?
    /// SHA-256 of the consumer's link to follow the case (the link itself is shown once).
    @OptionalField(key: "follow_token_hash") var followTokenHash: String?
    /// The businesses asked to answer: the call centre and the client, where known.
    @OptionalField(key: "call_centre_id") var callCentreID: UUID?
    @OptionalField(key: "client_id") var clientID: UUID?
    /// The core's `ComplaintCase` (answers, board, decision) in JSON; nil until the case is opened.
    @OptionalField(key: "case_json") var caseJSON: String?
    /// While an answer is awaited: its deadline (the reminder job reads by it).
    @OptionalField(key: "answer_due_at") var answerDueAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// When the erasure job removed the consumer's contact details and the number.
    @OptionalField(key: "contacts_erased_at") var contactsErasedAt: Date?
    /// The confirmed outcome (`ComplaintOutcome`), its day, and its reasons as published (anonymised).
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "published_reasons") var publishedReasons: String?

    init() {}

    /// The handling, or nil for a complaint not yet opened.
    func handling() throws -> ComplaintCase? {
        try caseJSON.map { try JSONDecoder().decode(ComplaintCase.self, from: Data($0.utf8)) }
    }

    /// Stores the handling and the columns lists and jobs read from it.
    func store(_ handling: ComplaintCase) throws {
        caseJSON = try AuthorizationJSON.encode(handling)
        stateRaw = handling.state.rawValue
        answerDueAt = [.awaitingAnswer, .overdue].contains(handling.state) ? handling.answerDue : nil
        closedAt = handling.closedAt
    }

    var state: ComplaintState { ComplaintState(rawValue: stateRaw) ?? .unverified }

    var reasonList: [ComplaintReason] { reasons.split(separator: ",").compactMap { ComplaintReason(rawValue: String($0)) } }

    func facts() throws -> ComplaintFacts {
        try JSONDecoder().decode(ComplaintFacts.self, from: Data(factsJSON.utf8))
    }
}

/// Creates `complaints`.
struct CreateComplaints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ComplaintModel.schema)
            .id()
            .field("reference", .string, .required)
            .field("state", .string, .required)
            .field("source", .string, .required)
            .field("forwarded_by_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .setNull))
            .field("business_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .setNull))
            .field("business_orgnr", .string)
            .field("business_name", .string)
            .field("number", .string)
            .field("number_hash", .string, .required)
            .field("called_at", .datetime, .required)
            .field("reasons", .string, .required)
            .field("sale_id", .uuid)
            .field("text", .string, .required)
            .field("contact_name", .string)
            .field("contact_email", .string)
            .field("contact_phone", .string)
            .field("facts_json", .string, .required)
            .field("created_at", .datetime, .required)
            .field("verified_at", .datetime)
            .field("code_hash", .string)
            .field("code_attempts", .int, .required)
            .field("code_expires_at", .datetime)
            .field("follow_token_hash", .string)
            .unique(on: "reference")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX complaints_business ON complaints (business_id, created_at)").run()
            try await sql.raw("CREATE INDEX complaints_forwarded ON complaints (forwarded_by_id, created_at)").run()
            try await sql.raw("CREATE INDEX complaints_number ON complaints (number_hash, created_at)").run()
            try await sql.raw("CREATE INDEX complaints_follow ON complaints (follow_token_hash)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ComplaintModel.schema).delete()
    }
}
