import Fluent
import Foundation
import TMNormCore
import Vapor

/// Register operations for the command line.
public enum RegisterDirectory {
    /// One history row as the CLI prints it.
    public struct Entry: Codable, Sendable {
        public let id: UUID
        public let owner: String?
        public let file_name: String
        public let sha256: String
        public let obtained_at: Date
        public let imported_at: Date
        public let status: String
        public let numbers: Int
        public let persons: Int
        public let rows: Int
        public let rejected_rows: Int
        public let problems: [RegisterImportProblem]
        public let error: String?
    }

    /// Imports a delivery for an organisation (its orgnr) or for the installation (nil).
    public static func importFile(
        path: String, orgnr: String?, obtainedAt: Date?, plainVoluntary: Bool, force: Bool = false, app: Application
    ) async throws -> Entry {
        var ownerID: UUID?
        if let orgnr {
            let organisation = try await NetworkDirectory.organisation(orgnr: orgnr, on: app.db)
            guard organisation.kind == .callCentre || organisation.kind == .association else {
                throw CommandLineError("\(orgnr) is a \(organisation.kind.rawValue); register copies belong to call centres (or the installation)")
            }
            ownerID = try organisation.requireID()
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandLineError("cannot read \(path)")
        }
        do {
            let model = try await RegisterImportService.importFile(
                path: path, fileName: URL(fileURLWithPath: path).lastPathComponent, ownerID: ownerID,
                obtainedAt: obtainedAt ?? app.clock.now(), plainVoluntary: plainVoluntary, force: force,
                obtainedAtBasis: obtainedAt == nil ? .imported : .given, app: app)
            return try await entry(model, on: app.db)
        } catch let failure as RegisterImportService.Failure {
            throw CommandLineError("import failed, the previous snapshot stays active: \(failure.message.en)")
        }
    }

    /// The import history, newest first.
    public static func history(app: Application) async throws -> [Entry] {
        var entries: [Entry] = []
        for model in try await RegisterSnapshotModel.query(on: app.db).sort(\.$importedAt, .descending).all() {
            entries.append(try await entry(model, on: app.db))
        }
        return entries
    }

    static func entry(_ model: RegisterSnapshotModel, on db: any Database) async throws -> Entry {
        let owner = try await model.$organisation.get(on: db)?.orgnr
        return Entry(
            id: try model.requireID(), owner: owner, file_name: model.fileName, sha256: model.sha256,
            obtained_at: model.obtainedAt, imported_at: model.importedAt, status: model.statusRaw,
            numbers: model.numbers, persons: model.persons, rows: model.rows, rejected_rows: model.rejectedRows,
            problems: RegisterImportService.problems(of: model), error: model.error)
    }
}
