import Fluent
import Foundation
import SQLKit

/// An existing customer of a client, exempt from the national register for campaigns of the same product category.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class CustomerModel: Model, @unchecked Sendable {
    static let schema = "existing_customers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "client_id") var client: OrganisationModel
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "person_key") var personKey: String?
    /// Product category, compared case-insensitively with a campaign's.
    @Field(key: "category") var category: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(clientID: UUID, phone: String?, personKey: String?, category: String, createdAt: Date) {
        self.$client.id = clientID
        self.phone = phone
        self.personKey = personKey
        self.category = category
        self.createdAt = createdAt
    }
}

/// A consumer's explicit request to be called by one named business; time and source are kept.
final class ConsentModel: Model, @unchecked Sendable {
    static let schema = "call_consents"

    @ID(key: .id) var id: UUID?
    /// The one business the consent names.
    @Parent(key: "business_id") var business: OrganisationModel
    @Field(key: "phone") var phone: String
    @Field(key: "given_at") var givenAt: Date
    /// Where the consent was given (e.g. "web form on nordlys.no", "customer service call").
    @Field(key: "source") var source: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(businessID: UUID, phone: String, givenAt: Date, source: String, createdAt: Date) {
        self.$business.id = businessID
        self.phone = phone
        self.givenAt = givenAt
        self.source = source
        self.createdAt = createdAt
    }
}

/// Creates `existing_customers` and `call_consents`.
struct CreateExemptions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CustomerModel.schema)
            .id()
            .field("client_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("phone", .string)
            .field("person_key", .string)
            .field("category", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ConsentModel.schema)
            .id()
            .field("business_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("phone", .string, .required)
            .field("given_at", .datetime, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsentModel.schema).delete()
        try await database.schema(CustomerModel.schema).delete()
    }
}

/// The exemption tables' lookup indexes, by client and number. Made by the decisions migration until it
/// stopped touching tables it does not own; `IF NOT EXISTS` keeps databases made before then as they are.
struct AddExemptionIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX IF NOT EXISTS idx_customers_lookup ON existing_customers (client_id, phone)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS idx_consents_lookup ON call_consents (business_id, phone)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX IF EXISTS idx_customers_lookup").run()
        try await sql.raw("DROP INDEX IF EXISTS idx_consents_lookup").run()
    }
}
