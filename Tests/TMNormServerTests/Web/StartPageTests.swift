import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Seeds for the start pages: a dead letter, a wash, an application.
private enum StartPageSeed {
    static func deadLetter(_ app: Application, organisation: UUID, subject: String) async throws {
        let row = OutboxMessageModel()
        row.idempotencyKey = "dead-\(subject)"
        row.kindRaw = MessageKind.email.rawValue
        row.recipient = "kunde@example.test"
        row.subject = subject
        row.body = "x"
        row.bodySHA256 = String(repeating: "0", count: 64)
        row.organisationID = organisation
        row.statusRaw = OutboxMessageModel.Status.dead.rawValue
        row.attempts = 8
        row.nextAttemptAt = testNow
        row.createdAt = testNow
        try await row.create(on: app.db)
    }

    static func wash(_ app: Application, organisation: UUID, name: String, validUntil: Date?) async throws {
        let record = WashRecordModel()
        record.$organisation.id = organisation
        record.fileName = name
        record.listSHA256 = String(repeating: "0", count: 64)
        record.registerSnapshotID = UUID()
        record.rows = 1
        record.callable = 1
        record.rejected = 0
        record.certificateJSON = "{}"
        record.washedAt = testNow.addingTimeInterval(-86_400 * 20)
        record.washedBy = "leder@alfa.test"
        record.validUntil = validUntil
        record.storageDirectory = "/nonexistent"
        try await record.create(on: app.db)
    }

    static func campaign(_ app: Application, _ world: TestWorld, name: String) async throws -> UUID {
        let campaign = CampaignModel()
        campaign.$callCentre.id = world.callCentre.id
        campaign.$client.id = world.client.id
        campaign.name = name
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
}

@Suite("Start pages are to-do lists")
struct StartPageTests {
    @Test("the call-centre administrator sees campaigns without a valid wash, washes expiring this month and dead letters; nothing foreign")
    func callCentreAdmin() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            _ = try await StartPageSeed.campaign(app, world, name: "Vinterkampanjen")
            try await StartPageSeed.wash(
                app, organisation: world.callCentre.id, name: "november-liste.csv", validUntil: testNow.addingTimeInterval(5 * 3600))
            try await StartPageSeed.wash(
                app, organisation: world.callCentre.id, name: "januar-liste.csv", validUntil: testNow.addingTimeInterval(86_400 * 40))
            try await StartPageSeed.wash(
                app, organisation: world.foreignCallCentre.id, name: "beta-hemmelig.csv", validUntil: testNow.addingTimeInterval(5 * 3600))
            try await StartPageSeed.deadLetter(app, organisation: world.callCentre.id, subject: "Ordrebekreftelse Alfa")
            try await StartPageSeed.deadLetter(app, organisation: world.foreignCallCentre.id, subject: "Beta Hemmelig Kampanje")

            let page = try await app.get("/dashboard", as: world.browser(.callCentreAdmin))
            #expect(page.status == .ok)
            #expect(page.text.contains("Kampanjer uten gyldig vasking"))
            #expect(page.text.contains("Vinterkampanjen"))
            #expect(page.text.contains("Vaskinger som går ut denne måneden"))
            #expect(page.text.contains("november-liste.csv"))
            #expect(!page.text.contains("januar-liste.csv"), "a wash valid into next month is not expiring this month")
            #expect(page.text.contains("Meldinger som ikke kom fram"))
            #expect(page.text.contains("Ordrebekreftelse Alfa"))
            for secret in world.foreignSecrets { #expect(!page.text.contains(secret), "leaked \(secret)") }
        }
    }

    @Test(
        "the association sees submitted applications to check; once sent to the board, the board member sees it awaiting their vote until they vote")
    func board() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            let path = try await steps.open()
            try await steps.attachAll(path)
            #expect(try await app.postForm(path + "/submit", [:], as: steps.centre).status == .seeOther)
            let gamma = try await AuthorizationFixture.org("Gamma Frist Callsenter", "974760673", app)
            try await AuthorizationFixture.record(app, gamma) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 3 * 365 - 30)) }

            let association = try await app.get("/dashboard", as: steps.secretariat)
            #expect(association.text.contains("Søknader som venter på kontroll"))
            #expect(association.text.contains(">Alfa Callsenter</a>"))
            #expect(!association.text.contains("venter på din stemme"))

            #expect(try await app.postForm(path + "/review", [:], as: steps.secretariat).status == .seeOther)
            let page = try await app.get("/dashboard", as: steps.board)
            #expect(page.status == .ok)
            #expect(page.text.contains("Søknader som venter på din stemme<span class=\"count attention\">1</span>"))
            #expect(page.text.contains(">Alfa Callsenter</a>"))
            #expect(page.text.contains("Gamma Frist Callsenter"))
            #expect(page.text.contains("Godkjenningen går ut"))

            #expect(try await app.postForm(path + "/vote", ["choice": "approve"], as: steps.board).status == .seeOther)
            let after = try await app.get("/dashboard", as: steps.board)
            #expect(after.text.contains("Søknader som venter på din stemme<span class=\"count\">0</span>"))
            #expect(after.text.contains("Ingen søknader venter på stemmen din."))
        }
    }

    @Test("the association sees members who have not acknowledged its guidelines, and dead letters from everyone")
    func association() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            _ = try await GuidelineFixture.make(app, world)
            try await StartPageSeed.deadLetter(app, organisation: world.callCentre.id, subject: "Ordrebekreftelse Alfa")
            let page = try await app.get("/dashboard", as: world.browser(.associationAdmin))
            #expect(page.status == .ok)
            #expect(page.text.contains("Medlemmer som ikke har bekreftet retningslinjene"))
            #expect(page.text.contains("Alfa Callsenter"))
            #expect(page.text.contains("har ikke bekreftet «Testnorm"))
            #expect(page.text.contains("Ordrebekreftelse Alfa"))
        }
    }

    @Test("the agent's may-call box answers in words with the next allowed time; a bad number comes back with the message and what was typed")
    func mayCallBox() async throws {
        // Monday 30 November 2026, 08:30 in Oslo: before calling hours (the test sessions are valid then).
        let early = OsloTime.startOfDay(try LocalDate(year: 2026, month: 11, day: 30)).addingTimeInterval(8.5 * 3600)
        try await withTestApp(clock: AppClock { early }) { app in
            let world = try await TestWorld.make(app)
            let campaign = try await StartPageSeed.campaign(app, world, name: "Vinterkampanjen")
            _ = try await StartPageSeed.campaign(app, world, name: "Sommerkampanjen")
            let agent = world.browser(.agent)
            let page = try await app.get("/dashboard", as: agent)
            #expect(page.text.contains("Kan jeg ringe?"))
            #expect(page.text.contains("Vinterkampanjen") && page.text.contains("Sommerkampanjen"))

            let answer = try await app.postForm(
                "/dashboard/may-call", ["number": "93000001", "campaign_id": campaign.uuidString.lowercased()], as: agent)
            #expect(answer.status == .ok)
            #expect(answer.text.contains("Nei, ikke ring 930 00 001"))
            #expect(answer.text.contains("Før kl. 09.00"))
            #expect(answer.text.contains("Ingen gyldig vasking denne måneden"))
            #expect(answer.text.contains("Tidligst lov å ringe"))
            #expect(answer.text.contains("30.11.2026 09:00"))
            #expect(!answer.text.contains("before_opening") && !answer.text.contains("no_valid_wash"))
            #expect(try await DecisionModel.query(on: app.db).count() == 1, "the check is logged like every may-call answer")
            // The answer's language link leads back to the start page in that language, not to a 404.
            #expect(answer.text.contains("href=\"/dashboard/may-call?lang=en\""))
            let english = try await app.get("/dashboard/may-call?lang=en", as: agent)
            #expect(english.status == .seeOther)
            #expect(english.headers.first(name: .location) == "/dashboard?lang=en")

            let bad = try await app.postForm("/dashboard/may-call", ["number": "12ab", "campaign_id": campaign.uuidString.lowercased()], as: agent)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("value=\"12ab\""))
            #expect(bad.text.contains("Telefonnummeret inneholder"))

            let noCampaign = try await app.postForm("/dashboard/may-call", ["number": "93000001"], as: agent)
            #expect(noCampaign.status == .unprocessableEntity)
            #expect(noCampaign.text.contains("Velg kampanjen du ringer for"))

            let foreign = try await world.foreignCampaign(app)
            let crossing = try await app.postForm(
                "/dashboard/may-call", ["number": "93000001", "campaign_id": foreign.uuidString.lowercased()], as: agent)
            #expect(crossing.status == .unprocessableEntity)
            #expect(!crossing.text.contains("Beta Hemmelig Kampanje"))

            #expect(try await app.postForm("/dashboard/may-call", ["number": "93000001"], as: world.browser(.clientUser)).status == .forbidden)
            #expect(try await app.postForm("/dashboard/may-call", ["number": "93000001"], as: agent, csrf: false).status == .forbidden)
        }
    }

    @Test("the call-centre administrator's menu is grouped into titled sections")
    func groupedMenu() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let page = try await app.get("/dashboard", as: world.browser(.callCentreAdmin))
            for section in ["Ringing", "Salg", "Tilsyn og regler", "Nettverk", "System og konto"] {
                #expect(page.text.contains(">\(section)</h2>"), "\(section)")
            }
            #expect(page.text.components(separatedBy: "class=\"nav-section\"").count - 1 >= 5)
        }
    }
}

@Suite("Public pages")
struct PublicPagesTests {
    @Test("the landing page links the register, stop calls, the complaint form and the national reservation register; /login still works")
    func landing() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let page = try await app.get("/", as: .anonymous)
            #expect(page.status == .ok)
            for link in ["href=\"/register\"", "href=\"/stop-calls\"", "href=\"/klage\"", "href=\"https://www.brreg.no/"] {
                #expect(page.text.contains(link), "\(link)")
            }
            #expect(try await app.get("/login", as: .anonymous).status == .ok)
            // Every public page shares the header.
            for path in ["/", "/register", "/stop-calls", "/klage", "/login"] {
                #expect(try await app.get(path, as: .anonymous).text.contains("class=\"public-nav\""), "\(path)")
            }
            let signedIn = try await app.get("/", as: world.browser(.agent))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers.first(name: .location) == "/dashboard")
            #expect(try await app.get("/?lang=en", as: .anonymous).text.contains("Were you called by a salesperson?"))
        }
    }

    @Test("stop-calls suggests businesses by name as you type, and a near miss without JavaScript offers the names")
    func stopCallsSearch() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            let json = try await app.get("/stop-calls/businesses?q=kunde%20alf", as: .anonymous)
            #expect(json.status == .ok)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [[String: String]])
            #expect(rows.map { $0["name"] } == ["Kunde Alfa"])
            #expect(rows.first?["orgnr"] == "948 757 494")
            // Fewer than three letters give nothing: the list is not handed out.
            #expect(try await app.get("/stop-calls/businesses?q=ku", as: .anonymous).text == "[]")
            let form = try await app.get("/stop-calls", as: .anonymous)
            #expect(form.text.contains("data-suggest=\"/stop-calls/businesses\""))
            #expect(form.text.contains("<datalist id=\"business-list\">"))
            let miss = try await app.postForm("/stop-calls", ["business": "Kunde Alf", "phone": "41234567"], as: .anonymous)
            #expect(miss.status == .unprocessableEntity)
            #expect(miss.text.contains("Mente du en av disse?"))
            #expect(miss.text.contains("/stop-calls?business=Kunde%20Alfa"))
            let prefilled = try await app.get("/stop-calls?business=Kunde%20Alfa", as: .anonymous)
            #expect(prefilled.text.contains("value=\"Kunde Alfa\""))
        }
    }
}
