import Fluent
import Foundation
import TMNormCore

/// A call centre's authorization record (approvals, sanctions, follow-up reports) as the core's
/// `AuthorizationCentreRecord` in JSON, with the organisation number indexed for the public register.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class AuthorizationRecordModel: Model, @unchecked Sendable {
    static let schema = "authorization_records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "orgnr") var orgnr: String
    @Field(key: "name") var name: String
    @Field(key: "record_json") var recordJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(organisationID: UUID, record: AuthorizationCentreRecord, updatedAt: Date) throws {
        self.$organisation.id = organisationID
        self.orgnr = record.centre.digits
        self.name = record.name
        self.recordJSON = try AuthorizationJSON.encode(record)
        self.updatedAt = updatedAt
    }

    /// The core value stored in the row.
    func record() throws -> AuthorizationCentreRecord {
        try AuthorizationJSON.decode(AuthorizationCentreRecord.self, recordJSON)
    }

    /// Replaces the stored value.
    func store(_ record: AuthorizationCentreRecord, at instant: Date) throws {
        recordJSON = try AuthorizationJSON.encode(record)
        name = record.name
        updatedAt = instant
    }
}

/// An application for approval: the core's `AuthorizationApplication` in JSON, with state and applicant
/// as columns for lists.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class AuthorizationApplicationModel: Model, @unchecked Sendable {
    static let schema = "authorization_applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "state") var state: String
    @Field(key: "kind") var kind: String
    @Field(key: "application_json") var applicationJSON: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(id: UUID, organisationID: UUID, application: AuthorizationApplication, at instant: Date) throws {
        self.id = id
        self.$organisation.id = organisationID
        self.state = application.state.rawValue
        self.kind = application.kind.rawValue
        self.applicationJSON = try AuthorizationJSON.encode(application)
        self.createdAt = instant
        self.updatedAt = instant
    }

    func application() throws -> AuthorizationApplication {
        try AuthorizationJSON.decode(AuthorizationApplication.self, applicationJSON)
    }

    func store(_ application: AuthorizationApplication, at instant: Date) throws {
        applicationJSON = try AuthorizationJSON.encode(application)
        state = application.state.rawValue
        updatedAt = instant
    }
}

/// An uploaded evidence file: metadata here, bytes under the data directory at `storageKey`.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class AuthorizationEvidenceFileModel: Model, @unchecked Sendable {
    static let schema = "authorization_evidence_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: AuthorizationApplicationModel
    @Field(key: "criterion_id") var criterionID: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "byte_count") var byteCount: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "storage_key") var storageKey: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @Field(key: "uploaded_by") var uploadedBy: UUID

    init() {}
}

/// A fee for an application: the core's `AuthorizationFeeRecord` in JSON, status as a column.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class AuthorizationFeeModel: Model, @unchecked Sendable {
    static let schema = "authorization_fees"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: AuthorizationApplicationModel
    @Field(key: "status") var status: String
    @Field(key: "fee_json") var feeJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(applicationID: UUID, fee: AuthorizationFeeRecord, at instant: Date) throws {
        self.$application.id = applicationID
        self.status = fee.status.rawValue
        self.feeJSON = try AuthorizationJSON.encode(fee)
        self.updatedAt = instant
    }

    func fee() throws -> AuthorizationFeeRecord {
        try AuthorizationJSON.decode(AuthorizationFeeRecord.self, feeJSON)
    }

    func store(_ fee: AuthorizationFeeRecord, at instant: Date) throws {
        feeJSON = try AuthorizationJSON.encode(fee)
        status = fee.status.rawValue
        updatedAt = instant
    }
}

/// JSON for the core's Codable values: sorted keys so stored rows compare and diff stably.
enum AuthorizationJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// Creates `authorization_records` (one per call centre).
struct CreateAuthorizationRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthorizationRecordModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("orgnr", .string, .required)
            .field("name", .string, .required)
            .field("record_json", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "orgnr")
            .unique(on: "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthorizationRecordModel.schema).delete()
    }
}

/// Creates `authorization_applications`, `authorization_evidence_files`, `authorization_fees`.
struct CreateAuthorizationApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthorizationApplicationModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("kind", .string, .required)
            .field("application_json", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(AuthorizationEvidenceFileModel.schema)
            .id()
            .field("application_id", .uuid, .required, .references(AuthorizationApplicationModel.schema, "id", onDelete: .cascade))
            .field("criterion_id", .string, .required)
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("sha256", .string, .required)
            .field("storage_key", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .field("uploaded_by", .uuid, .required)
            .create()
        try await database.schema(AuthorizationFeeModel.schema)
            .id()
            .field("application_id", .uuid, .required, .references(AuthorizationApplicationModel.schema, "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("fee_json", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "application_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthorizationFeeModel.schema).delete()
        try await database.schema(AuthorizationEvidenceFileModel.schema).delete()
        try await database.schema(AuthorizationApplicationModel.schema).delete()
    }
}
