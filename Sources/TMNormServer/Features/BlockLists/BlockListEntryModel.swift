import Fluent
import Foundation
import TMNormCore

/// One entry of an organisation's internal block list (intern sperreliste). Entries never expire.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class BlockListEntryModel: Model, @unchecked Sendable {
    static let schema = "block_list_entries"

    /// How an entry came to be.
    enum Source: String, Sendable, Codable, CaseIterable {
        case agent, administrator, `import`, api, consumer
    }

    @ID(key: .id) var id: UUID?
    /// The client or call centre whose list it is.
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// The 8-digit national number, when the entry is a number.
    @OptionalField(key: "phone") var phone: String?
    /// `PersonIdentity.key` as 16 hex digits, when the entry is a person.
    @OptionalField(key: "person_key") var personKey: String?
    @Field(key: "source") var sourceRaw: String
    @OptionalParent(key: "added_by_id") var addedBy: UserModel?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(organisationID: UUID, phone: String?, personKey: String?, source: Source, addedByID: UUID?, createdAt: Date) {
        self.$organisation.id = organisationID
        self.phone = phone
        self.personKey = personKey
        self.sourceRaw = source.rawValue
        self.$addedBy.id = addedByID
        self.createdAt = createdAt
    }
}

/// Creates `block_list_entries`.
struct CreateBlockListEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BlockListEntryModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("phone", .string)
            .field("person_key", .string)
            .field("source", .string, .required)
            .field("added_by_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .unique(on: "organisation_id", "phone", "person_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BlockListEntryModel.schema).delete()
    }
}

/// Hex form of a person key as stored in the database.
extension PersonIdentity {
    var storedKey: String { String(format: "%016llx", key) }
}
