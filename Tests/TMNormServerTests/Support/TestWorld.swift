import Fluent
import Foundation
import TMNormCore
import Vapor

@testable import TMNormServer

/// Two tenants side by side, so every test can try to cross from one to the other.
/// "Own" side: call centre Alfa works for client Kunde Alfa. "Foreign" side: Beta and Kunde Beta.
struct TestWorld: Sendable {
    struct Org: Sendable {
        let id: UUID
        let name: String
        let orgnr: String
    }

    let association: Org
    let board: Org
    let callCentre: Org
    let client: Org
    let foreignCallCentre: Org
    let foreignClient: Org
    /// Role → browser of a person in the own side (association/board for those roles).
    let browsers: [Role: Browser]
    let foreignAdmin: Browser
    let callCentreKey: String
    let foreignKey: String
    let associationKey: String
    let foreignMembershipAssociation: UUID

    static let password = "correct horse battery"

    /// An active campaign of the foreign call centre for its client.
    func foreignCampaign(_ app: Application) async throws -> UUID {
        let campaign = CampaignModel()
        campaign.$callCentre.id = foreignCallCentre.id
        campaign.$client.id = foreignClient.id
        campaign.name = "Beta Hemmelig Kampanje"
        campaign.productCategory = "strøm"
        campaign.callerID = "22334455"
        campaign.callerIDListed = true
        campaign.voluntary = false
        campaign.newspaper = false
        campaign.startsOn = "2026-01-01"
        campaign.endsOn = "2026-12-31"
        campaign.statusRaw = "active"
        campaign.createdAt = testNow
        try await campaign.create(on: app.db)
        return try campaign.requireID()
    }

    /// A wash belonging to the foreign call centre (its files need not exist: access is refused first).
    func foreignWash(_ app: Application) async throws -> UUID {
        let record = WashRecordModel()
        record.$organisation.id = foreignCallCentre.id
        record.fileName = "beta-hemmelig.csv"
        record.listSHA256 = String(repeating: "0", count: 64)
        record.registerSnapshotID = UUID()
        record.rows = 1
        record.callable = 1
        record.rejected = 0
        record.certificateJSON = "{}"
        record.washedAt = testNow
        record.washedBy = "leder@beta.test"
        record.storageDirectory = "/nonexistent"
        try await record.create(on: app.db)
        return try record.requireID()
    }

    /// The id of the foreign call centre's authorization application made by `foreignApplication`.
    static let foreignApplicationID = UUID(uuidString: "0B0B0B0B-0000-4000-8000-00000000A001") ?? UUID()

    /// A submitted authorization application of the foreign call centre.
    func foreignApplication(_ app: Application) async throws {
        var application = try AuthorizationApplication(
            id: TestWorld.foreignApplicationID.uuidString.lowercased(), applicant: try OrganisationNumber(foreignCallCentre.orgnr),
            applicantName: foreignCallCentre.name, kind: .firstApproval, catalogue: try AuthorizationCriteriaCatalogue.demo(), createdAt: testNow)
        try application.submit(at: testNow)
        try await AuthorizationApplicationModel(
            id: TestWorld.foreignApplicationID, organisationID: foreignCallCentre.id, application: application, at: testNow
        ).create(on: app.db)
    }

    func browser(_ role: Role) -> Browser { browsers[role] ?? .anonymous }

    /// Names and numbers that must never appear in a response to the own side.
    var foreignSecrets: [String] {
        [foreignCallCentre.name, foreignClient.name, foreignCallCentre.orgnr, foreignClient.orgnr, "Beta Hemmelig Kampanje", "beta-hemmelig.csv"]
    }

    static func make(_ app: Application) async throws -> TestWorld {
        let db = app.db
        func org(_ name: String, _ orgnr: String, _ kind: OrganisationKind) async throws -> Org {
            let model = OrganisationModel(name: name, orgnr: try OrganisationNumber(orgnr), kind: kind, createdAt: testNow)
            try await model.create(on: db)
            return Org(id: try model.requireID(), name: name, orgnr: orgnr)
        }
        let association = try await org("Testforeningen", "952601814", .association)
        let board = try await org("Testnemnda", "966131861", .board)
        let callCentre = try await org("Alfa Callsenter", "996030822", .callCentre)
        let client = try await org("Kunde Alfa", "948757494", .client)
        let foreignCallCentre = try await org("Beta Hemmelig Callsenter", "946281948", .callCentre)
        let foreignClient = try await org("Kunde Beta Hemmelig", "911862522", .client)
        try await EngagementModel(
            callCentreID: callCentre.id, clientID: client.id, validFrom: "2026-01-01", validUntil: nil, status: .confirmed, mayRecordExemptions: true
        ).create(on: db)
        try await EngagementModel(
            callCentreID: foreignCallCentre.id, clientID: foreignClient.id, validFrom: "2026-01-01", validUntil: nil, status: .confirmed,
            mayRecordExemptions: true
        ).create(on: db)
        try await MembershipModel(memberID: callCentre.id, associationID: association.id, validFrom: "2020-01-01", validUntil: nil).create(on: db)
        try await MembershipModel(memberID: foreignCallCentre.id, associationID: association.id, validFrom: "2020-01-01", validUntil: nil).create(
            on: db)

        let hash = try await app.password.async.hash(password)
        func person(_ role: Role, _ organisation: Org, _ email: String) async throws -> Browser {
            let user = UserModel(
                organisationID: organisation.id, email: email, name: "Test \(role.rawValue)", role: role, passwordHash: hash, createdAt: testNow)
            try await user.create(on: db)
            let token = app.tokens.urlSafe(bytes: 32)
            try await SessionModel(
                tokenHash: TokenGenerator.hash(token), userID: try user.requireID(), createdAt: testNow, expiresAt: testNow.addingTimeInterval(3600)
            ).create(on: db)
            return Browser(sessionToken: token)
        }
        var browsers: [Role: Browser] = [:]
        browsers[.associationAdmin] = try await person(.associationAdmin, association, "admin@forening.test")
        browsers[.boardMember] = try await person(.boardMember, board, "nemnd@nemnda.test")
        browsers[.callCentreAdmin] = try await person(.callCentreAdmin, callCentre, "leder@alfa.test")
        browsers[.agent] = try await person(.agent, callCentre, "selger@alfa.test")
        browsers[.clientUser] = try await person(.clientUser, client, "kunde@alfa.test")
        let foreignAdmin = try await person(.callCentreAdmin, foreignCallCentre, "leder@beta.test")

        func key(_ organisation: Org) async throws -> String {
            try await APIKeyService.create(organisationID: organisation.id, name: "test", on: db, tokens: app.tokens, now: testNow).key
        }
        return TestWorld(
            association: association, board: board, callCentre: callCentre, client: client,
            foreignCallCentre: foreignCallCentre, foreignClient: foreignClient, browsers: browsers,
            foreignAdmin: foreignAdmin, callCentreKey: try await key(callCentre), foreignKey: try await key(foreignCallCentre),
            associationKey: try await key(association), foreignMembershipAssociation: association.id)
    }
}
