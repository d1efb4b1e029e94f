import Fluent
import Foundation

/// A wash and its certificate: which list (hash), which register copy and block-list versions, the
/// counts, when, by whom, and until when the list may be called. The outputs live in the data directory.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
public final class WashRecordModel: Model, @unchecked Sendable {
    public static let schema = "washes"

    @ID(key: .id) public var id: UUID?
    /// The call centre that washed.
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @OptionalParent(key: "client_id") public var client: OrganisationModel?
    @Field(key: "file_name") public var fileName: String
    @Field(key: "list_sha256") public var listSHA256: String
    @Field(key: "register_snapshot_id") public var registerSnapshotID: UUID
    @Field(key: "rows") public var rows: Int
    @Field(key: "callable") public var callable: Int
    @Field(key: "rejected") public var rejected: Int
    /// The whole certificate (core `WashCertificate`) as JSON.
    @Field(key: "certificate_json") public var certificateJSON: String
    @Field(key: "washed_at") public var washedAt: Date
    @Field(key: "washed_by") public var washedBy: String
    @OptionalField(key: "valid_until") public var validUntil: Date?
    @Field(key: "storage_directory") public var storageDirectory: String

    public init() {}
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
