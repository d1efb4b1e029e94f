import Fluent
import Foundation
import TMNormCore
import Vapor

/// Fills an empty database with the demo network and returns what a newcomer needs to log in.
public enum DemoSeeder {
    /// What the demo command prints.
    public struct Credentials: Sendable {
        public let logins: [(role: Role, email: String, password: String, organisation: String)]
        public let apiKey: String
        public let apiKeyOrganisation: String
    }

    public static func seed(_ app: Application) async throws -> Credentials {
        let db = app.db
        let now = app.clock.now()
        var ids: [String: UUID] = [:]
        var names: [String: String] = [:]
        for organisation in DemoNetwork.organisations {
            let model = OrganisationModel(
                name: organisation.name, orgnr: try OrganisationNumber(organisation.orgnr), kind: organisation.kind, createdAt: now)
            try await model.create(on: db)
            ids[organisation.key] = try model.requireID()
            names[organisation.key] = organisation.name
        }
        func id(_ key: String) throws -> UUID {
            guard let id = ids[key] else { throw Abort(.internalServerError, reason: "demo data refers to unknown \(key)") }
            return id
        }
        for (member, association, from) in DemoNetwork.memberships {
            try await MembershipModel(memberID: try id(member), associationID: try id(association), validFrom: from, validUntil: nil).create(on: db)
        }
        for (callCentre, client, from) in DemoNetwork.engagements {
            try await EngagementModel(
                callCentreID: try id(callCentre), clientID: try id(client), validFrom: from, validUntil: nil, status: .confirmed,
                mayRecordExemptions: true
            ).create(on: db)
        }
        var logins: [(Role, String, String, String)] = []
        for person in DemoNetwork.people {
            let hash = try await app.password.async.hash(person.password)
            try await UserModel(
                organisationID: try id(person.organisationKey), email: person.email, name: person.name,
                role: person.role, passwordHash: hash, createdAt: now
            ).create(on: db)
            logins.append((person.role, person.email, person.password, names[person.organisationKey] ?? ""))
        }
        // Each feature adds its demo data here.
        try await DemoWashing.seed(app, organisations: ids)
        try await DemoAuthorization.seed(app, organisations: ids)
        try await DemoGuidelines.seed(app, organisations: ids)
        try await DemoSales.seed(app, organisations: ids)
        try await DemoNorms.seed(app, organisations: ids)
        try await DemoComplaints.seed(app, organisations: ids)
        try await DemoEvaluation.seed(app, organisations: ids)
        try await DemoEvents.seed(app, organisations: ids)
        try await DemoMeetings.seed(app, organisations: ids)

        let key = try await APIKeyService.create(
            organisationID: try id(DemoNetwork.apiKeyOrganisation), name: "Demo dialer", on: db, tokens: app.tokens, now: now)
        return Credentials(logins: logins, apiKey: key.key, apiKeyOrganisation: names[DemoNetwork.apiKeyOrganisation] ?? "")
    }
}
