import Fluent
import Foundation

/// One import of the national reservation register: the history row and, when it succeeded, the
/// snapshot file. `organisation` nil means the installation's own copy (see docs/register-format.md).
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class RegisterSnapshotModel: Model, @unchecked Sendable {
    static let schema = "register_snapshots"

    /// Where an import stands.
    enum Status: String, Sendable {
        case active, superseded, failed
    }

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "organisation_id") var organisation: OrganisationModel?
    /// The core snapshot id (derived from the delivery's SHA-256 and date).
    @Field(key: "snapshot_id") var snapshotID: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "obtained_at") var obtainedAt: Date
    @Field(key: "imported_at") var importedAt: Date
    @Field(key: "status") var statusRaw: String
    @Field(key: "numbers") var numbers: Int
    @Field(key: "persons") var persons: Int
    @Field(key: "rows") var rows: Int
    @Field(key: "rejected_rows") var rejectedRows: Int
    /// The first rejected rows with line numbers and reasons, as JSON.
    @Field(key: "problems_json") var problemsJSON: String
    /// Why a failed import failed, in English and (since `AddRegisterSnapshotNorwegianError`) in bokmål.
    @OptionalField(key: "error") var error: String?
    @OptionalField(key: "error_nb") var errorNorwegian: String?

    /// The failure in both languages; older rows have only the English text.
    var errorPhrase: Phrase? { error.map { Phrase(nb: errorNorwegian ?? $0, en: $0) } }
    @OptionalField(key: "storage_path") var storagePath: String?

    init() {}

    var status: Status { Status(rawValue: statusRaw) ?? .failed }
}

/// A failed import's reason in bokmål beside the English one.
struct AddRegisterSnapshotNorwegianError: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterSnapshotModel.schema).field("error_nb", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegisterSnapshotModel.schema).deleteField("error_nb").update()
    }
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
