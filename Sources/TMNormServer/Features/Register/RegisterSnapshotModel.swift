import Fluent
import Foundation

/// One import of the national reservation register: the history row and, when it succeeded, the
/// snapshot file. `organisation` nil means the installation's own copy (see docs/register-format.md).
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
public final class RegisterSnapshotModel: Model, @unchecked Sendable {
    public static let schema = "register_snapshots"

    /// Where an import stands.
    public enum Status: String, Sendable {
        case active, superseded, failed
    }

    @ID(key: .id) public var id: UUID?
    @OptionalParent(key: "organisation_id") public var organisation: OrganisationModel?
    /// The core snapshot id (derived from the delivery's SHA-256 and date).
    @Field(key: "snapshot_id") public var snapshotID: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "obtained_at") public var obtainedAt: Date
    @Field(key: "imported_at") public var importedAt: Date
    @Field(key: "status") public var statusRaw: String
    @Field(key: "numbers") public var numbers: Int
    @Field(key: "persons") public var persons: Int
    @Field(key: "rows") public var rows: Int
    @Field(key: "rejected_rows") public var rejectedRows: Int
    /// The first rejected rows with line numbers and reasons, as JSON.
    @Field(key: "problems_json") public var problemsJSON: String
    @OptionalField(key: "error") public var error: String?
    @OptionalField(key: "storage_path") public var storagePath: String?

    public init() {}

    public var status: Status { Status(rawValue: statusRaw) ?? .failed }
}

/// Creates `register_snapshots`.
struct CreateRegisterSnapshots: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterSnapshotModel.schema)
            .id()
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("snapshot_id", .string, .required)
            .field("file_name", .string, .required)
            .field("sha256", .string, .required)
            .field("obtained_at", .datetime, .required)
            .field("imported_at", .datetime, .required)
            .field("status", .string, .required)
            .field("numbers", .int, .required)
            .field("persons", .int, .required)
            .field("rows", .int, .required)
            .field("rejected_rows", .int, .required)
            .field("problems_json", .string, .required)
            .field("error", .string)
            .field("storage_path", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegisterSnapshotModel.schema).delete()
    }
}
