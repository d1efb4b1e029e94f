import Fluent
import Foundation

/// An organisation's key for machine clients; only the SHA-256 of the key is stored.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class APIKeyModel: Model, @unchecked Sendable {
    static let schema = "api_keys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "name") var name: String
    /// The first characters of the key, shown so people can tell keys apart.
    @Field(key: "prefix") var prefix: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(organisationID: UUID, name: String, prefix: String, keyHash: String, createdAt: Date) {
        self.$organisation.id = organisationID
        self.name = name
        self.prefix = prefix
        self.keyHash = keyHash
        self.createdAt = createdAt
    }
}

/// Creates `api_keys`.
struct CreateAPIKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIKeyModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("prefix", .string, .required)
            .field("key_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "key_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIKeyModel.schema).delete()
    }
}
