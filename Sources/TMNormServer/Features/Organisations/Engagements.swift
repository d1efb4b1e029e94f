import Fluent
import Foundation
import TMNormCore

/// The one lookup other features use to ask whether a call centre may act for a client: a confirmed
/// engagement whose period holds on the given day (Oslo time).
enum Engagements {
    /// The clients a call centre may act for on `date`, sorted by name.
    static func activeClients(of callCentreID: UUID, on date: LocalDate, db: any Database) async throws -> [OrganisationModel] {
        try await inForce(of: callCentreID, on: date, db: db).map(\.client).sorted { $0.name < $1.name }
    }

    /// The engagements of a call centre in force on `date`, with their clients loaded.
    static func inForce(of callCentreID: UUID, on date: LocalDate, db: any Database) async throws -> [EngagementModel] {
        try await EngagementModel.query(on: db)
            .filter(\.$callCentre.$id == callCentreID)
            .filter(\.$status == EngagementStatus.confirmed.rawValue)
            .with(\.$client).all()
            .filter { $0.grantsAccess(on: date) }
    }

    /// The engagement in force between the two on `date`, or nil.
    static func active(callCentre callCentreID: UUID, client clientID: UUID, on date: LocalDate, db: any Database) async throws -> EngagementModel? {
        try await EngagementModel.query(on: db)
            .filter(\.$callCentre.$id == callCentreID).filter(\.$client.$id == clientID)
            .filter(\.$status == EngagementStatus.confirmed.rawValue)
            .all()
            .first { $0.grantsAccess(on: date) }
    }

    /// The day an instant falls on in Oslo: engagement periods are calendar days.
    static func day(_ now: Date) -> LocalDate { OsloTime.localDate(of: now) }
}
