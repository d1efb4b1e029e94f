import Fluent
import Foundation

/// An organisation's key for machine clients; only the SHA-256 of the key is stored.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
public final class APIKeyModel: Model, @unchecked Sendable {
    public static let schema = "api_keys"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "name") public var name: String
    /// The first characters of the key, shown so people can tell keys apart.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "key_hash") public var keyHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}

    public init(organisationID: UUID, name: String, prefix: String, keyHash: String, createdAt: Date) {
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
