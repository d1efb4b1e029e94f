import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Exemptions: existing customers and consent")
struct ExemptionTests {
    @Test("a consent naming several businesses at once is refused; one business is recorded with time and source")
    func consent() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let several = try await app.api(
                .POST, "/api/v1/consents", key: world.callCentreKey,
                json:
                    #"{"phone":"93000001","given_at":"2026-11-20T10:00:00+01:00","source":"konkurranse","businesses":["\#(world.client.orgnr)","\#(world.foreignClient.orgnr)"]}"#
            )
            #expect(several.status == .unprocessableEntity)
            #expect(several.text.contains("one business"))
            let one = try await app.api(
                .POST, "/api/v1/consents", key: world.callCentreKey,
                json: #"{"phone":"93000001","given_at":"2026-11-20T10:00:00+01:00","source":"kundeservice","business":"\#(world.client.orgnr)"}"#)
            #expect(one.status == .created)
            let consent = try #require(try await ConsentModel.query(on: app.db).first())
            #expect(consent.source == "kundeservice")
            #expect(consent.$business.id == world.client.id)
            let future = try await app.api(
                .POST, "/api/v1/consents", key: world.callCentreKey,
                json: #"{"phone":"93000001","given_at":"2030-01-01T10:00:00+01:00","source":"x","business":"\#(world.client.orgnr)"}"#)
            #expect(future.status == .unprocessableEntity)
        }
    }

    @Test("a client imports its customer list with a category; bad lines are reported by number")
    func customers() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.api(
                .POST, "/api/v1/customers", key: world.callCentreKey,
                json: #"{"client":"\#(world.client.orgnr)","category":"Strøm","phones":["91234567","nope","91234567"]}"#)
            #expect(response.status == .created)
            #expect(try response.json()["added"] as? Int == 1)
            #expect((try response.json()["errors"] as? [[String: String]])?.first?["field"] == "phones[1]")
            #expect(try await CustomerModel.query(on: app.db).first()?.category == "strøm")
            let missingCategory = try await app.api(
                .POST, "/api/v1/customers", key: world.callCentreKey, json: #"{"client":"\#(world.client.orgnr)","phones":["91234567"]}"#)
            #expect(missingCategory.status == .unprocessableEntity)
        }
    }

    @Test("the exemptions page records a consent for the client user's own business")
    func webConsent() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let page = try await app.get("/exemptions", as: world.browser(.clientUser))
            #expect(page.status == .ok)
            let saved = try await app.postForm(
                "/exemptions/consents", ["phone": "93000001", "source": "skjema på nettsiden", "given_on": "2026-11-02"],
                as: world.browser(.clientUser))
            #expect(saved.status == .created)
            #expect(try await ConsentModel.query(on: app.db).count() == 1)
            let agent = try await app.get("/exemptions", as: world.browser(.agent))
            #expect(agent.status == .forbidden)
        }
    }
}
