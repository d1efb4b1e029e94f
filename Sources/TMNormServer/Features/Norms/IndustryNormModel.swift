import Fluent
import Foundation
import TMNormCore

/// An association's industry norm for calling times, with all its versions (the core type as JSON).
/// Versions are only ever added, so a past call is still judged by the version in force then.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class IndustryNormModel: Model, @unchecked Sendable {
    static let schema = "industry_norms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "association_id") var association: OrganisationModel
    @Field(key: "name") var name: String
    @Field(key: "norm_json") var normJSON: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(associationID: UUID, norm: IndustryNorm, at instant: Date) throws {
        self.$association.id = associationID
        self.name = norm.name
        self.normJSON = try Self.encode(norm)
        self.updatedAt = instant
    }

    /// The stored norm; decoding re-validates it against the law.
    func norm() throws -> IndustryNorm {
        try JSONDecoder().decode(IndustryNorm.self, from: Data(normJSON.utf8))
    }

    static func encode(_ norm: IndustryNorm) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(norm), as: UTF8.self)
    }
}

/// Creates `industry_norms`.
struct CreateIndustryNorms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndustryNormModel.schema)
            .id()
            .field("association_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("norm_json", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "association_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndustryNormModel.schema).delete()
    }
}
