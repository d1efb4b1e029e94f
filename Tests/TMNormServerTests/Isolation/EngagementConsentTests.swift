import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Issue 11, finding 2: a call centre declared itself a contractor of any client and then acted in its name.
@Suite("Engagements grant nothing until the client confirms, and only inside their period")
struct EngagementConsentTests {
    private func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    /// The foreign client's own API key (the world gives keys to call centres and the association).
    private func clientKey(_ world: TestWorld, _ app: Application) async throws -> String {
        try await APIKeyService.create(organisationID: world.foreignClient.id, name: "klient", on: app.db, tokens: app.tokens, now: testNow).key
    }

    private func declare(_ world: TestWorld, _ app: Application, from: String = "2026-01-01", until: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var body = #"{"call_centre_id":"\#(world.callCentre.id)","client_id":"\#(world.foreignClient.id)","valid_from":"\#(from)""#
        if let until { body += #","valid_until":"\#(until)""# }
        return try await app.api(.POST, "/api/v1/engagements", key: world.callCentreKey, json: body + "}")
    }

    /// Everything the declared centre must not be able to do for the client.
    private func expectNoAccess(_ world: TestWorld, _ app: Application, _ label: String) async throws {
        let client = world.foreignClient.orgnr
        let block = try await app.api(.POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"client":"\#(client)","phones":["93000001"]}"#)
        #expect(block.status == .forbidden, "\(label): block list write answered \(block.status.code)")
        let list = try await app.api(.GET, "/api/v1/block-list", key: world.callCentreKey)
        #expect(!list.body.string.contains(client), "\(label): the client's block list was readable")
        let customers = try await app.api(
            .POST, "/api/v1/customers", key: world.callCentreKey, json: #"{"client":"\#(client)","category":"strøm","phones":["93000001"]}"#)
        #expect(customers.status == .forbidden, "\(label): customers answered \(customers.status.code)")
        let consent = try await app.api(
            .POST, "/api/v1/consents", key: world.callCentreKey,
            json: #"{"business":"\#(client)","phone":"93000001","source":"web","given_at":"2026-11-01T10:00:00+01:00"}"#)
        #expect([403, 422].contains(consent.status.code), "\(label): consent answered \(consent.status.code)")
        let campaign = try await app.postForm(
            "/campaigns",
            [
                "client_id": world.foreignClient.id.uuidString, "name": "Kapret", "product_category": "strøm",
                "caller_id": "22334455", "starts_on": "2026-11-01", "ends_on": "2026-12-31",
            ], as: world.browser(.callCentreAdmin))
        #expect([403, 422].contains(campaign.status.code), "\(label): campaign answered \(campaign.status.code)")
        #expect(
            try await CampaignModel.query(on: app.db).filter(\.$client.$id == world.foreignClient.id).filter(\.$callCentre.$id == world.callCentre.id)
                .count() == 0)
        #expect(try await CustomerModel.query(on: app.db).filter(\.$client.$id == world.foreignClient.id).count() == 0)
        #expect(try await BlockListEntryModel.query(on: app.db).count() == 0)
    }

    @Test("a call centre's own declaration is pending and lets it do nothing for the client")
    func declaredIsPending() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await declare(world, app)
            #expect(response.status == .created)
            #expect(try json(response)["status"] as? String == "pending")
            try await expectNoAccess(world, app, "pending")
        }
    }

    @Test("the call centre cannot confirm its own declaration; another centre cannot either")
    func centreCannotConfirm() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let id = try #require(try json(try await declare(world, app))["id"] as? String)
            let own = try await app.api(.POST, "/api/v1/engagements/\(id)/confirm", key: world.callCentreKey, json: "{}")
            #expect(own.status == .forbidden)
            let other = try await app.api(.POST, "/api/v1/engagements/\(id)/confirm", key: world.foreignKey, json: "{}")
            #expect(other.status == .notFound)
            try await expectNoAccess(world, app, "after self-confirmation attempts")
        }
    }

    @Test("after the client confirms, the block list opens; customers and consents need the client's permission too")
    func clientConfirms() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let id = try #require(try json(try await declare(world, app))["id"] as? String)
            let key = try await clientKey(world, app)
            let confirmed = try await app.api(.POST, "/api/v1/engagements/\(id)/confirm", key: key, json: "{}")
            #expect(confirmed.status == .ok)
            #expect(try json(confirmed)["status"] as? String == "confirmed")
            let block = try await app.api(
                .POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"client":"\#(world.foreignClient.orgnr)","phones":["93000001"]}"#)
            #expect(block.status.code < 300)
            let customers = #"{"client":"\#(world.foreignClient.orgnr)","category":"strøm","phones":["93000002"]}"#
            #expect(try await app.api(.POST, "/api/v1/customers", key: world.callCentreKey, json: customers).status == .forbidden)
            let allowed = try await app.api(.POST, "/api/v1/engagements/\(id)/exemptions", key: key, json: #"{"may_record_exemptions":true}"#)
            #expect(allowed.status == .ok)
            #expect(try await app.api(.POST, "/api/v1/customers", key: world.callCentreKey, json: customers).status.code < 300)
            // The client ends it: access ends with it.
            #expect(try await app.api(.POST, "/api/v1/engagements/\(id)/decline", key: key).status == .ok)
            let after = try await app.api(
                .POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"client":"\#(world.foreignClient.orgnr)","phones":["93000003"]}"#)
            #expect(after.status == .forbidden)
        }
    }

    @Test("a confirmed engagement outside its period grants nothing; a period that has ended cannot be declared")
    func period() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let ended = try await declare(world, app, from: "2019-01-01", until: "2020-12-31")
            #expect(ended.status == .unprocessableEntity)
            // Recorded by the association (confirmed at once), but ended in 2020 or starting next year.
            for (from, until) in [("2019-01-01", "2020-12-31"), ("2027-06-01", nil)] {
                try await EngagementModel(
                    callCentreID: world.callCentre.id, clientID: world.foreignClient.id, validFrom: from, validUntil: until,
                    status: .confirmed, mayRecordExemptions: true
                ).create(on: app.db)
            }
            try await expectNoAccess(world, app, "outside the period")
        }
    }

    @Test("the client confirms in the browser from the call centre's page")
    func confirmInBrowser() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            // The own client's user; the own call centre declares an engagement with it anew (pending).
            let pending = EngagementModel(
                callCentreID: world.foreignCallCentre.id, clientID: world.client.id, validFrom: "2026-01-01", validUntil: nil, status: .pending)
            try await pending.create(on: app.db)
            let id = try pending.requireID()
            let page = try await app.get("/organisations/\(world.foreignCallCentre.id.uuidString.lowercased())", as: world.browser(.clientUser))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Bekreft oppdraget"))
            let path = "/organisations/\(world.foreignCallCentre.id.uuidString.lowercased())/engagements/\(id.uuidString.lowercased())/confirm"
            // The call centre's admin of another centre cannot press it.
            #expect(try await app.postForm(path, [:], as: world.foreignAdmin).status.code >= 400)
            let response = try await app.postForm(path, ["may_record_exemptions": "on"], as: world.browser(.clientUser))
            #expect(response.status == .seeOther)
            let stored = try #require(try await EngagementModel.find(id, on: app.db))
            #expect(stored.engagementStatus == .confirmed)
            #expect(stored.mayRecordExemptions)
        }
    }
}
