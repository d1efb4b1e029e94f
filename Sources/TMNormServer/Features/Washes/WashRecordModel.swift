import Fluent
import Foundation

/// A wash and its certificate: which list (hash), which register copy and block-list versions, the
/// counts, when, by whom, and until when the list may be called. The outputs live in the data directory.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class WashRecordModel: Model, @unchecked Sendable {
    static let schema = "washes"

    @ID(key: .id) var id: UUID?
    /// The call centre that washed.
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @OptionalParent(key: "client_id") var client: OrganisationModel?
    @Field(key: "file_name") var fileName: String
    @Field(key: "list_sha256") var listSHA256: String
    @Field(key: "register_snapshot_id") var registerSnapshotID: UUID
    @Field(key: "rows") var rows: Int
    @Field(key: "callable") var callable: Int
    @Field(key: "rejected") var rejected: Int
    /// The whole certificate (core `WashCertificate`) as JSON.
    @Field(key: "certificate_json") var certificateJSON: String
    @Field(key: "washed_at") var washedAt: Date
    @Field(key: "washed_by") var washedBy: String
    @OptionalField(key: "valid_until") var validUntil: Date?
    @Field(key: "storage_directory") var storageDirectory: String

    init() {}
}

/// Creates `washes`.
struct CreateWashes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WashRecordModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("client_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .setNull))
            .field("file_name", .string, .required)
            .field("list_sha256", .string, .required)
            .field("register_snapshot_id", .uuid, .required)
            .field("rows", .int, .required)
            .field("callable", .int, .required)
            .field("rejected", .int, .required)
            .field("certificate_json", .string, .required)
            .field("washed_at", .datetime, .required)
            .field("washed_by", .string, .required)
            .field("valid_until", .datetime)
            .field("storage_directory", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WashRecordModel.schema).delete()
    }
}
