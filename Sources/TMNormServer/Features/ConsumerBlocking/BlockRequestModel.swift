import Fluent
import Foundation
import SQLKit

/// A consumer's request to go on a business's block list, waiting for the one-time code sent by SMS.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class BlockRequestModel: Model, @unchecked Sendable {
    static let schema = "block_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "phone") var phone: String
    /// HMAC of the code with the server secret and the request id; the code itself is only in the SMS.
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    init() {}
}

/// Creates `block_requests`.
struct CreateBlockRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BlockRequestModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("phone", .string, .required)
            .field("code_hash", .string, .required)
            .field("attempts", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BlockRequestModel.schema).delete()
    }
}

/// Indexes `block_requests.expires_at` for the job that forgets unconfirmed requests.
struct AddBlockRequestExpiryIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as? any SQLDatabase)?.raw("CREATE INDEX block_requests_expiry ON block_requests (expires_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as? any SQLDatabase)?.raw("DROP INDEX block_requests_expiry").run()
    }
}

extension BlockRequestModel {
    /// Unconfirmed requests are kept this long after their code expired, then deleted with the number
    /// they hold; a confirmed request stays as the record of the consumer's wish.
    static let unconfirmedRetention: TimeInterval = 24 * 3600

    static let pruneJob = JobDefinition(
        name: "block-requests-prune",
        summary: Phrase(
            nb: "Sletter ubekreftede «ikke ring meg»-forespørsler (med telefonnummeret) et døgn etter at koden gikk ut.",
            en: "Deletes unconfirmed stop-calls requests (with their phone number) a day after the code expired."),
        schedule: .every(seconds: 3600)
    ) { context in
        let cutoff = context.now.addingTimeInterval(-unconfirmedRetention)
        let query = BlockRequestModel.query(on: context.app.db).filter(\.$expiresAt < cutoff).filter(\.$confirmedAt == nil)
        let count = try await query.count()
        if count > 0 { try await query.delete() }
        return count == 0 ? nil : "\(count) deleted"
    }
}
