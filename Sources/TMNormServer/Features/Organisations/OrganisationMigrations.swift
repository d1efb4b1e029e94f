import Fluent
import TMNormCore

/// Creates `organisations`.
struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("orgnr", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "orgnr")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema).delete()
    }
}

/// Creates `memberships`.
struct CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MembershipModel.schema)
            .id()
            .field("member_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("association_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MembershipModel.schema).delete()
    }
}

/// Creates `engagements`.
struct CreateEngagements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EngagementModel.schema)
            .id()
            .field("call_centre_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("client_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EngagementModel.schema).delete()
    }
}

/// Engagements need the client's confirmation: `status` (existing rows wait for it, as nobody can tell who
/// declared them), whether the call centre may record the client's customers and consents, and when the
/// client decided.
struct AddEngagementConfirmation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EngagementModel.schema)
            .field("status", .string, .required, .sql(.default(EngagementStatus.pending.rawValue))).update()
        try await database.schema(EngagementModel.schema)
            .field("may_record_exemptions", .bool, .required, .sql(.default(false))).update()
        try await database.schema(EngagementModel.schema).field("decided_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EngagementModel.schema).deleteField("decided_at").update()
        try await database.schema(EngagementModel.schema).deleteField("may_record_exemptions").update()
        try await database.schema(EngagementModel.schema).deleteField("status").update()
    }
}
