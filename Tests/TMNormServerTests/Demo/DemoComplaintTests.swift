import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Demo complaints")
struct DemoComplaintTests {
    @Test("three demo complaints: reserved and not asked ends in a warning on UniCall's record; a washed call dismissed; one awaits UniCall's answer")
    func complaints() async throws {
        try await withTestApp { app in
            _ = try await DemoSeeder.seed(app)
            let rows = try await ComplaintModel.query(on: app.db).sort(\.$createdAt).all()
            #expect(rows.count == 3)
            let byState = Dictionary(grouping: rows, by: \.state)
            let warned = try #require(rows.first { $0.outcome == "warning" })
            #expect(warned.state == .decided)
            #expect(try warned.facts().reservedAtCall.value == true)
            #expect(try warned.facts().decisionLogged.value == false)
            let dismissed = try #require(rows.first { $0.outcome == "dismissed" })
            #expect(dismissed.state == .closed)
            #expect(try dismissed.facts().inValidWash.value == true)
            #expect(try dismissed.facts().reservedAtCall.value == false)
            #expect(byState[.awaitingAnswer]?.count == 1)
            let unicall = try #require(try await OrganisationModel.query(on: app.db).filter(\.$name == "UniCall AS").first())
            let record = try #require(try await AuthorizationCases.recordModel(organisationID: try unicall.requireID(), on: app.db)).record()
            #expect(record.sanctions.contains { $0.kind == .warning && $0.id.hasPrefix("KL-") })
            let register = try await app.get("/register/996030822", as: .anonymous)
            #expect(register.text.contains("Advarsler fra nemnda") && register.text.contains("data-status=\"approved\""))
            let published = try await app.get("/klage/avgjorelser", as: .anonymous)
            #expect(published.text.contains(warned.reference) && published.text.contains(dismissed.reference))
            #expect(!published.text.contains("Kari Nordmann") && !published.text.contains("912 00 001"))
            // UniCall's leader sees the waiting one in the list, without the consumer's contact details
            let login = try await app.postForm("/login", ["email": "leder@unicall.demo", "password": "demo-leder-2026"], as: .anonymous)
            let session = try #require(login.cookie(SessionAuthenticator.cookieName))
            let list = try await app.get("/complaints?state=awaiting_answer", as: Browser(sessionToken: session))
            let waiting = try #require(byState[.awaitingAnswer]?.first?.reference)
            #expect(list.status == .ok && list.text.contains(waiting))
            #expect(!list.text.contains("per.olsen@example.no"))
        }
    }
}
