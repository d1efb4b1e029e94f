import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import TMNormIO
import Vapor

/// Loaded register snapshots, kept in memory by id: a snapshot file is loaded once per process.
/// A lock, not an actor: every may-call reads it, and an actor hop per answer costs a thread switch.
final class RegisterStore: Sendable {
    private let loaded = NIOLockedValueBox<[UUID: RegisterSnapshot]>([:])

    init() {}

    /// The snapshot of a history row, loading its file on first use (two first users may both load it;
    /// the result is the same).
    func snapshot(for model: RegisterSnapshotModel) throws -> RegisterSnapshot {
        let id = try model.requireID()
        if let snapshot = loaded.withLockedValue({ $0[id] }) { return snapshot }
        guard let path = model.storagePath else {
            throw AppError(.serviceUnavailable, code: "register-missing", Phrase(nb: "Registerkopien mangler.", en: "The register copy is missing."))
        }
        do {
            let snapshot = try RegisterSnapshot.load(path: path)
            loaded.withLockedValue { $0[id] = snapshot }
            return snapshot
        } catch {
            throw AppError(
                .serviceUnavailable, code: "register-unreadable",
                Phrase(nb: "Registerkopien kunne ikke leses: \(error.norwegian)", en: "The register copy could not be read: \(error.description)"))
        }
    }

    /// Drops snapshots no longer active, so memory holds only what is in use.
    func forget(_ id: UUID) {
        loaded.withLockedValue { $0[id] = nil }
    }
}

/// Which register copy applies to an organisation.
enum RegisterSelection {
    /// The organisation's own active copy, else the installation's copy; nil when there is none.
    static func activeModel(for organisationID: UUID?, on db: any Database) async throws -> RegisterSnapshotModel? {
        if let organisationID,
            let own = try await RegisterSnapshotModel.query(on: db)
                .filter(\.$organisation.$id == organisationID)
                .filter(\.$statusRaw == RegisterSnapshotModel.Status.active.rawValue)
                .sort(\.$importedAt, .descending).first()
        {
            return own
        }
        return try await RegisterSnapshotModel.query(on: db)
            .filter(\.$organisation.$id == nil)
            .filter(\.$statusRaw == RegisterSnapshotModel.Status.active.rawValue)
            .sort(\.$importedAt, .descending).first()
    }
}
