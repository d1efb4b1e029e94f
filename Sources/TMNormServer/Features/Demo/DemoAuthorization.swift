import Fluent
import Foundation
import TMNormCore
import Vapor

/// Demo data for the authorization scheme, built by `AuthorizationDemo.scenario` so every step passed the real
/// checks: UniCall approved, ProffCom in its year-1 follow-up, Smart 1 suspended, Aktiv Partner under
/// review, Teleperformance approved.
enum DemoAuthorization {
    static let centres = ["unicall", "proffcom", "smart1", "aktivpartner", "teleperformance"]

    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        let now = app.clock.now()
        var chosen: [(UUID, AuthorizationDemoCentre)] = []
        for key in centres {
            guard let id = ids[key], let organisation = try await OrganisationModel.find(id, on: db) else { continue }
            chosen.append((id, AuthorizationDemoCentre(orgnr: try OrganisationNumber(organisation.orgnr), name: organisation.name)))
        }
        let board = try await AuthorizationCases.board(settings: app.authorizationSettings, on: db)
        let scenario = try AuthorizationDemo.scenario(centres: chosen.map(\.1), board: board, today: OsloTime.localDate(of: now))
        let byOrgnr = Dictionary(uniqueKeysWithValues: chosen.map { ($0.1.orgnr.digits, $0.0) })
        for record in scenario.records {
            guard let organisationID = byOrgnr[record.centre.digits] else { continue }
            try await AuthorizationRecordModel(organisationID: organisationID, record: record, updatedAt: now).create(on: db)
        }
        for application in scenario.applications {
            guard let organisationID = byOrgnr[application.applicant.digits] else { continue }
            let modelID = UUID()
            try await AuthorizationApplicationModel(id: modelID, organisationID: organisationID, application: application, at: now).create(on: db)
            for fee in scenario.fees where fee.applicationID == application.id {
                try await AuthorizationFeeModel(applicationID: modelID, fee: fee, at: now).create(on: db)
            }
        }
    }
}
