import Fluent
import Foundation
import SQLKit
import TMNormCore

/// The association's choices for complaint handling (**policy**): deadlines, retention and what the
/// businesses may attach to an answer (PDF, PNG and JPEG, typed by their first bytes, up to 5 MiB).
struct ComplaintSettings: Sendable {
    var policy: ComplaintPolicy = .standard
    var uploadPolicy = AuthorizationUploadPolicy(maximumBytes: 5 * 1024 * 1024, allowedTypes: [.pdf, .png, .jpeg])
}

/// A business's answer to a complaint.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class ComplaintAnswerModel: Model, @unchecked Sendable {
    static let schema = "complaint_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    /// `ComplaintPartyRole`.
    @Field(key: "party") var party: String
    @Field(key: "text") var text: String
    @Field(key: "answered_at") var answeredAt: Date
    @Field(key: "answered_by") var answeredBy: UUID

    init() {}
}

/// A file attached to an answer: metadata here, bytes under the data directory at `storageKey`.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class ComplaintAttachmentModel: Model, @unchecked Sendable {
    static let schema = "complaint_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "complaint_id") var complaintID: UUID
    @Field(key: "answer_id") var answerID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "storage_key") var storageKey: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

/// Adds the handling columns to `complaints` (the businesses asked, the core's `ComplaintCase` in JSON,
/// deadlines and the decision as columns for lists, jobs and the public page) and creates the answer tables.
struct AddComplaintHandling: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        let columns: [(String, DatabaseSchema.DataType)] = [
            ("call_centre_id", .uuid), ("client_id", .uuid), ("case_json", .string), ("answer_due_at", .datetime),
            ("closed_at", .datetime), ("contacts_erased_at", .datetime), ("outcome", .string), ("decided_at", .datetime),
            ("published_reasons", .string),
        ]
        for (name, type) in columns {
            try await database.schema(ComplaintModel.schema).field(.string(name), type).update()
        }
        try await database.schema(ComplaintAnswerModel.schema)
            .id()
            .field("complaint_id", .uuid, .required, .references(ComplaintModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("party", .string, .required)
            .field("text", .string, .required)
            .field("answered_at", .datetime, .required)
            .field("answered_by", .uuid, .required)
            .unique(on: "complaint_id", "party")
            .create()
        try await database.schema(ComplaintAttachmentModel.schema)
            .id()
            .field("complaint_id", .uuid, .required, .references(ComplaintModel.schema, "id", onDelete: .cascade))
            .field("answer_id", .uuid, .required, .references(ComplaintAnswerModel.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX complaints_answer_due ON complaints (state, answer_due_at)").run()
            try await sql.raw("CREATE INDEX complaints_closed ON complaints (state, closed_at)").run()
            try await sql.raw("CREATE INDEX complaints_call_centre ON complaints (call_centre_id, created_at)").run()
            try await sql.raw("CREATE INDEX complaints_client ON complaints (client_id, created_at)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ComplaintAttachmentModel.schema).delete()
        try await database.schema(ComplaintAnswerModel.schema).delete()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS complaints_answer_due").run()
            try await sql.raw("DROP INDEX IF EXISTS complaints_closed").run()
            try await sql.raw("DROP INDEX IF EXISTS complaints_call_centre").run()
            try await sql.raw("DROP INDEX IF EXISTS complaints_client").run()
        }
        for name in [
            "published_reasons", "decided_at", "outcome", "contacts_erased_at", "closed_at", "answer_due_at", "case_json", "client_id",
            "call_centre_id",
        ] {
            try await database.schema(ComplaintModel.schema).deleteField(.string(name)).update()
        }
    }
}
