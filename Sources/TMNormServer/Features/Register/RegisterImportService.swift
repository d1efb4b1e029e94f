import Fluent
import Foundation
import TMNormCore
import TMNormIO
import Vapor

/// Imports a register delivery: builds the snapshot off the event loop, writes it atomically, and only
/// then switches it in; a failed import is recorded and the previous snapshot stays active.
enum RegisterImportService {
    /// A failed import, with the reason in both languages.
    struct Failure: Error, CustomStringConvertible {
        let message: Phrase
        var description: String { message.en }
    }

    /// Imports a delivery. Unless `force` is set, one with no valid rows or that shrinks the active copy by
    /// more than `registerMaxShrink` is refused (`RegisterImportPolicy`) and the active copy stays.
    static func importFile(
        path: String, fileName: String, ownerID: UUID?, obtainedAt: Date, plainVoluntary: Bool, force: Bool = false,
        obtainedAtBasis: RegisterDateBasis = .given, app: Application
    ) async throws -> RegisterSnapshotModel {
        let directory = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("register")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let storage = directory.appendingPathComponent("\(UUID().uuidString.lowercased()).snapshot").path
        let now = app.clock.now()
        let model = RegisterSnapshotModel()
        model.$organisation.id = ownerID
        model.fileName = String(fileName.suffix(200))
        model.obtainedAt = obtainedAt
        model.importedAt = now
        do {
            let result = try await app.threadPool.runIfActive {
                let result = try RegisterImporter.importFile(
                    path: path, obtainedAt: obtainedAt, plainVoluntary: plainVoluntary, obtainedAtBasis: obtainedAtBasis)
                try result.snapshot.write(to: storage)
                return result
            }
            let report = result.report
            model.snapshotID = result.snapshot.metadata.id
            model.sha256 = report.sourceSHA256
            model.numbers = report.numbers
            model.persons = report.persons
            model.rows = report.rows
            model.rejectedRows = report.rejectedRows
            model.problemsJSON = String(decoding: try JSONEncoder().encode(Array(report.problems.prefix(200))), as: UTF8.self)
            model.statusRaw = RegisterSnapshotModel.Status.active.rawValue
            model.storagePath = storage
            let previous = try await app.db.writeTransaction { db in
                let previous = try await RegisterSnapshotModel.query(on: db)
                    .filter(\.$organisation.$id == ownerID)
                    .filter(\.$statusRaw == RegisterSnapshotModel.Status.active.rawValue).all()
                if !force {
                    let active = previous.max { $0.importedAt < $1.importedAt }
                        .map { RegisterImportPolicy.Size(numbers: $0.numbers, persons: $0.persons) }
                    if let refusal = RegisterImportPolicy.judge(
                        new: .init(numbers: report.numbers, persons: report.persons), rows: report.rows,
                        previous: active, maxShrink: app.config.registerMaxShrink)
                    {
                        throw refusal
                    }
                }
                for old in previous {
                    old.statusRaw = RegisterSnapshotModel.Status.superseded.rawValue
                    try await old.save(on: db)
                }
                try await model.create(on: db)
                let leaf = EvidenceLeaf.registerImport(
                    snapshot: try model.requireID(), sourceSHA256: report.sourceSHA256, numbers: report.numbers, persons: report.persons,
                    rows: report.rows, rejected: report.rejectedRows, obtainedAt: obtainedAt, at: now)
                try await EvidenceLog.enqueue(
                    [EvidenceLogItem(leaf: leaf, subjectKind: "register_import", subjectID: try model.requireID(), subjectSequence: nil)],
                    at: now, on: db)
                return previous
            }
            for old in previous { if let id = old.id { app.registerStore.forget(id) } }
            app.mayCallCache.invalidateAll()
            return model
        } catch {
            try? FileManager.default.removeItem(atPath: storage)
            let message = describe(error)
            model.snapshotID = ""
            model.sha256 = ""
            model.numbers = 0
            model.persons = 0
            model.rows = 0
            model.rejectedRows = 0
            model.problemsJSON = "[]"
            model.statusRaw = RegisterSnapshotModel.Status.failed.rawValue
            model.error = message.en
            model.errorNorwegian = message.nb
            try await model.create(on: app.db)
            throw Failure(message: message)
        }
    }

    private static func describe(_ error: any Error) -> Phrase {
        switch error {
        case let error as RegisterImportError: Phrase(nb: error.norwegian, en: error.description)
        case let error as RegisterSnapshotError: Phrase(nb: error.norwegian, en: error.description)
        case let refusal as RegisterImportPolicy.Refusal: Phrase(nb: refusal.norwegian, en: refusal.description)
        default: Phrase(nb: "Importen feilet: \(error)", en: "The import failed: \(error)")
        }
    }

    /// The problems recorded for an import.
    static func problems(of model: RegisterSnapshotModel) -> [RegisterImportProblem] {
        (try? JSONDecoder().decode([RegisterImportProblem].self, from: Data(model.problemsJSON.utf8))) ?? []
    }
}
