import Fluent
import Foundation
import SQLKit

/// One message in the outbox, the queue of everything that leaves the machine.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    /// Where a message stands.
    enum Status: String, Sendable, Codable, CaseIterable {
        case queued, sending, sent
        /// Refused for good by the transport.
        case failed
        /// Retries exhausted (dead letter).
        case dead
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "idempotency_key") var idempotencyKey: String
    @Field(key: "kind") var kindRaw: String
    @Field(key: "recipient") var recipient: String
    @OptionalField(key: "subject") var subject: String?
    /// The text until delivery; afterwards empty unless the transport keeps it (development).
    @Field(key: "body") var body: String
    @Field(key: "body_sha256") var bodySHA256: String
    /// SMS segments (cost), when known.
    @OptionalField(key: "segments") var segments: Int?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "sale_id") var saleID: UUID?
    @Field(key: "status") var statusRaw: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    /// A claimed row whose lease ran out (the worker died) is claimed again: at-least-once.
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "claim_token") var claimToken: String?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "transport") var transport: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    /// The gateway's delivery receipt, when one came: "delivered", "failed", "expired" …
    @OptionalField(key: "delivery_status") var deliveryStatus: String?
    @OptionalField(key: "delivery_reported_at") var deliveryReportedAt: Date?
    /// An e-mail's attachment (an invitation's .ics) until delivery, like the body.
    @OptionalField(key: "attachment_name") var attachmentName: String?
    @OptionalField(key: "attachment_type") var attachmentType: String?
    @OptionalField(key: "attachment_body") var attachmentBody: String?

    init() {}

    var status: Status { Status(rawValue: statusRaw) ?? .queued }
    var kind: MessageKind { MessageKind(rawValue: kindRaw) ?? .sms }

    /// The attachment, when the row has one.
    var attachment: MessageAttachment? {
        guard let attachmentName, let attachmentType, let attachmentBody, !attachmentBody.isEmpty else { return nil }
        return MessageAttachment(fileName: attachmentName, contentType: attachmentType, content: attachmentBody)
    }
}

/// Lets an e-mail carry one text attachment (meeting invitations send an .ics).
struct AddOutboxAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).field("attachment_name", .string).update()
        try await database.schema(OutboxMessageModel.schema).field("attachment_type", .string).update()
        try await database.schema(OutboxMessageModel.schema).field("attachment_body", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).deleteField("attachment_body").update()
        try await database.schema(OutboxMessageModel.schema).deleteField("attachment_type").update()
        try await database.schema(OutboxMessageModel.schema).deleteField("attachment_name").update()
    }
}

/// Creates `outbox_messages` with its unique idempotency key and the index the worker claims by.
struct CreateOutboxMessages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema)
            .id()
            .field("idempotency_key", .string, .required)
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string)
            .field("body", .string, .required)
            .field("body_sha256", .string, .required)
            .field("segments", .int)
            .field("organisation_id", .uuid)
            .field("sale_id", .uuid)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("claim_token", .string)
            .field("last_error", .string)
            .field("transport", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "idempotency_key")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at)").run()
            try await sql.raw("CREATE INDEX outbox_messages_sale ON outbox_messages (sale_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).delete()
    }
}
