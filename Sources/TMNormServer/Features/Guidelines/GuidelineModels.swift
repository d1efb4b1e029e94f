import Fluent
import Foundation
import TMNormCore

/// One version of a guidelines document (ethical guidelines, industry norm), kept by the association that
/// publishes it. Days are "YYYY-MM-DD"; the bound associations are their names joined by newlines.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class GuidelineVersionModel: Model, @unchecked Sendable {
    static let schema = "guideline_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "association_id") var association: OrganisationModel
    @Field(key: "document_key") var documentKey: String
    @Field(key: "version_key") var versionKey: String
    @Field(key: "publisher") var publisher: String
    @Field(key: "title") var title: String
    @Field(key: "version_label") var versionLabel: String
    @Field(key: "adopted_on") var adoptedOn: String
    @Field(key: "in_force_from") var inForceFrom: String
    @Field(key: "binds") var binds: String
    @Field(key: "markdown") var markdown: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID = UUID(), associationID: UUID, publisher: String, version: GuidelineVersion, createdAt: Date) {
        self.id = id
        self.$association.id = associationID
        self.documentKey = version.documentKey
        self.versionKey = version.id
        self.publisher = publisher
        self.title = version.title
        self.versionLabel = version.versionLabel
        self.adoptedOn = version.adoptedOn.iso8601
        self.inForceFrom = version.inForceFrom.iso8601
        self.binds = version.bindsMembersOf.joined(separator: "\n")
        self.markdown = version.markdown
        self.createdAt = createdAt
    }

    /// The core value stored in the row.
    func version() throws -> GuidelineVersion {
        try GuidelineVersion(
            id: versionKey, documentKey: documentKey, title: title, versionLabel: versionLabel,
            adoptedOn: try LocalDate(parsing: adoptedOn), inForceFrom: try LocalDate(parsing: inForceFrom),
            bindsMembersOf: binds.split(separator: "\n").map(String.init), markdown: markdown)
    }
}

/// A user's acknowledgement of one version; the organisation is kept for the association's overview.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class GuidelineAcknowledgementModel: Model, @unchecked Sendable {
    static let schema = "guideline_acknowledgements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "version_id") var version: GuidelineVersionModel
    @Parent(key: "user_id") var user: UserModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "acknowledged_at") var acknowledgedAt: Date

    init() {}

    init(versionID: UUID, userID: UUID, organisationID: UUID, at instant: Date) {
        self.$version.id = versionID
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.acknowledgedAt = instant
    }
}

/// Creates `guideline_versions` and `guideline_acknowledgements`.
struct CreateGuidelines: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(GuidelineVersionModel.schema)
            .id()
            .field("association_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("document_key", .string, .required)
            .field("version_key", .string, .required)
            .field("publisher", .string, .required)
            .field("title", .string, .required)
            .field("version_label", .string, .required)
            .field("adopted_on", .string, .required)
            .field("in_force_from", .string, .required)
            .field("binds", .string, .required)
            .field("markdown", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "version_key")
            .unique(on: "document_key", "version_label")
            .unique(on: "document_key", "in_force_from")
            .create()
        try await database.schema(GuidelineAcknowledgementModel.schema)
            .id()
            .field("version_id", .uuid, .required, .references(GuidelineVersionModel.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("acknowledged_at", .datetime, .required)
            .unique(on: "version_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GuidelineAcknowledgementModel.schema).delete()
        try await database.schema(GuidelineVersionModel.schema).delete()
    }
}
