import Fluent
import NIOConcurrencyHelpers
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

extension TestWorld {
    /// A sale of the foreign call centre on its campaign, registered through the API (real evidence chain).
    func foreignSale(_ app: Application, campaign: UUID) async throws -> UUID {
        for (org, address, phone, email) in [
            (foreignCallCentre.id, nil as String?, "22999888", "post@beta.test"), (foreignClient.id, "Betagata 2, 0150 Oslo", nil, "kunde@beta.test"),
        ] {
            guard try await OfferSettingsModel.query(on: app.db).filter(\.$organisationID == org).count() == 0 else { continue }
            let row = OfferSettingsModel()
            row.organisationID = org
            row.address = address
            row.phone = phone
            row.email = email
            row.updatedAt = testNow
            try await row.create(on: app.db)
        }
        let response = try await app.postSale(
            SaleFixtures.body(campaign, phone: "+47 913 00 001", email: nil, product: "Beta Hemmelig Produkt"), key: foreignKey,
            idempotencyKey: "foreign-sale")
        guard let id = (try response.json()["id"] as? String).flatMap(UUID.init(uuidString:)) else {
            throw Abort(.internalServerError, reason: "foreign sale not created: \(response.status) \(response.text)")
        }
        return id
    }
}

/// Registers a sale through the API and returns its id and the link token and code from the offer SMS.
private func sale(_ app: Application, _ world: TestWorld, campaign: UUID, key: String, phone: String = "+47 912 34 567") async throws -> (
    id: UUID, token: String, code: String
) {
    let response = try await app.postSale(SaleFixtures.body(campaign, phone: phone), key: world.callCentreKey, idempotencyKey: key)
    let id = try #require((try response.json()["id"] as? String).flatMap(UUID.init(uuidString:)), "\(response.text)")
    let sms = try #require(
        try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id.uuidString.lowercased()):offer:sms").first())
    let (token, code) = try #require(secrets(inSMS: sms.body))
    return (id, token, code)
}

private func agentID(_ app: Application, _ world: TestWorld) async throws -> UUID {
    try #require(
        try await UserModel.query(on: app.db).filter(\.$organisation.$id == world.callCentre.id).filter(\.$roleRaw == Role.agent.rawValue).first()?
            .requireID())
}

@Suite("Sales pages: lists, acceptance rates, evidence")
struct SalesWebTests {
    @Test("the call centre and its client list the sales with acceptance rates per campaign and per agent; tokens and codes never appear")
    func listAndRates() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let a = try await sale(app, world, campaign: campaign, key: "a", phone: "+47 912 34 561")
            let b = try await sale(app, world, campaign: campaign, key: "b", phone: "+47 912 34 562")
            let c = try await sale(app, world, campaign: campaign, key: "c", phone: "+47 912 34 563")
            #expect(try await app.postForm("/t/\(a.token)/accept", [:], as: .anonymous).status == .ok)
            #expect(try await app.postForm("/t/\(b.token)/decline", [:], as: .anonymous).status == .ok)
            // Sale a was registered by the agent; b and c by the dialer.
            let agent = try await agentID(app, world)
            let saleA = try #require(try await SaleModel.find(a.id, on: app.db))
            saleA.agentID = agent
            try await saleA.save(on: app.db)

            for role in [Role.callCentreAdmin, .clientUser] {
                let page = try await app.get("/sales", as: world.browser(role))
                #expect(page.status == .ok, "\(role)")
                #expect(page.text.contains("Alfa Mobil Høst"))
                #expect(page.text.contains("50,0 %"), "1 accepted of 2 concluded (the open offer is left out)")
                #expect(page.text.contains("Test agent"))
                #expect(page.text.contains("100,0 %"), "the agent's rate")
                #expect(page.text.contains("Uten selger (API)"))
                #expect(page.text.contains(SiteRoute.sale(c.id).path))
                for secret in [a.token, a.code, b.token, b.code, c.token, c.code] {
                    #expect(!page.text.contains(secret), "\(role) saw a token or code")
                }
                #expect(!page.text.contains("/t/"))
            }
            let accepted = try await app.get("/sales?state=accepted", as: world.browser(.callCentreAdmin))
            #expect(accepted.text.contains(SiteRoute.sale(a.id).path))
            #expect(!accepted.text.contains(SiteRoute.sale(b.id).path))
            #expect(!accepted.text.contains(SiteRoute.sale(c.id).path))
            #expect(accepted.text.contains("50,0 %"), "rates ignore the state filter")

            // The agent sees only their own sales.
            let own = try await app.get("/sales", as: world.browser(.agent))
            #expect(own.status == .ok)
            #expect(own.text.contains(SiteRoute.sale(a.id).path))
            #expect(!own.text.contains(SiteRoute.sale(b.id).path))
            #expect(try await app.get("/sales/\(b.id.uuidString.lowercased())", as: world.browser(.agent)).status == .notFound)
            #expect(try await app.get("/sales/\(a.id.uuidString.lowercased())", as: world.browser(.agent)).status == .ok)
        }
    }

    @Test("the list filters by campaign and by period (Oslo days, both ends included)")
    func campaignAndPeriodFilters() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let first = try await SaleFixtures.campaign(app, world)
            let second = try await SaleFixtures.campaign(app, world)
            let a = try await sale(app, world, campaign: first, key: "a", phone: "+47 912 34 561")
            let b = try await sale(app, world, campaign: second, key: "b", phone: "+47 912 34 562")
            let old = try #require(try await SaleModel.find(b.id, on: app.db))
            old.createdAt = try OsloTime.startOfDay(LocalDate(parsing: "2026-10-15")).addingTimeInterval(3600)
            try await old.save(on: app.db)
            let byCampaign = try await app.get("/sales?campaign=\(second.uuidString.lowercased())", as: world.browser(.callCentreAdmin))
            #expect(byCampaign.status == .ok)
            #expect(byCampaign.text.contains(SiteRoute.sale(b.id).path))
            #expect(!byCampaign.text.contains(SiteRoute.sale(a.id).path))
            let november = try await app.get("/sales?from=2026-11-01&to=2026-11-30", as: world.browser(.clientUser))
            #expect(november.text.contains(SiteRoute.sale(a.id).path))
            #expect(!november.text.contains(SiteRoute.sale(b.id).path))
            let october = try await app.get("/sales?from=2026-10-15&to=2026-10-15", as: world.browser(.clientUser))
            #expect(october.text.contains(SiteRoute.sale(b.id).path))
            #expect(!october.text.contains(SiteRoute.sale(a.id).path))
        }
    }

    @Test("the list searches by reference and answers ?format=csv with the same rows, every page, formulas neutralised")
    func searchAndCSV() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let a = try await sale(app, world, campaign: campaign, key: "a", phone: "+47 912 34 561")
            let b = try await sale(app, world, campaign: campaign, key: "b", phone: "+47 912 34 562")
            let reference = try #require(try await SaleModel.find(a.id, on: app.db)?.reference)
            let found = try await app.get("/sales?q=\(reference)", as: world.browser(.callCentreAdmin))
            #expect(found.text.contains(SiteRoute.sale(a.id).path))
            #expect(!found.text.contains(SiteRoute.sale(b.id).path))
            let csv = try await app.get("/sales?format=csv", as: world.browser(.callCentreAdmin))
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.text.contains(reference))
            #expect(csv.text.split(separator: "\r\n").count == 3, "a heading and two sales")
            #expect(!csv.text.contains(a.id.uuidString.lowercased()), "no ids in the file")
            let foreign = try await app.get("/sales?format=csv", as: world.foreignAdmin)
            #expect(!foreign.text.contains(reference), "another tenant's export holds none of these sales")
        }
    }

    @Test("bad filters are 422 naming the field")
    func badFilters() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for (query, field) in [
                ("state=bogus", "state"), ("campaign=xyz", "campaign"), ("from=31.12.2026", "from"), ("to=2026-13-40", "to"),
                ("from=2026-11-30&to=2026-11-01", "to"),
            ] {
                let response = try await app.get("/sales?\(query)", as: world.browser(.callCentreAdmin))
                #expect(response.status == .unprocessableEntity, "\(query)")
                #expect(response.text.contains(field), "\(query)")
            }
            #expect(try await app.get("/sales", as: .anonymous).status != .ok)
        }
    }

    @Test(
        "the evidence page shows the offer as sent with its SHA-256, the whole timeline and an intact chain; a tampered entry shows where it breaks")
    func evidencePage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let a = try await sale(app, world, campaign: campaign, key: "a")
            #expect(try await app.get("/t/\(a.token)", as: .anonymous).status == .ok)
            #expect(try await app.postForm("/t/\(a.token)/accept", [:], as: .anonymous).status == .ok)
            let stored = try #require(try await SaleModel.find(a.id, on: app.db))
            let path = SiteRoute.sale(a.id).path
            for role in [Role.callCentreAdmin, .clientUser, .associationAdmin, .boardMember] {
                let page = try await app.get(path, as: world.browser(role))
                #expect(page.status == .ok, "\(role)")
                #expect(page.text.contains(try #require(stored.offerSHA256)))
                #expect(page.text.contains("Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig."))
                for event in ["registered", "sent", "opened", "accepted"] {
                    #expect(page.text.contains("data-event=\"\(event)\""), "\(event)")
                }
                #expect(page.text.contains("data-verdict=\"intact\""))
                #expect(!page.text.contains(a.token) && !page.text.contains(a.code))
                // The only forms are the staff registrations of what the consumer did by post or e-mail.
                let forms = page.text.components(separatedBy: "action=\"/sales").count - 1
                let staffForms =
                    page.text.components(separatedBy: "/withdrawal-form\"").count + page.text.components(separatedBy: "/goods-received\"").count - 2
                #expect(forms == staffForms, "read-only apart from the withdrawal registration")
            }
            // Someone edits an entry in place: the page says where the chain breaks.
            let entry = try #require(try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == a.id).filter(\.$sequence == 1).first())
            entry.detail = "edited"
            try await entry.save(on: app.db)
            let broken = try await app.get(path, as: world.browser(.associationAdmin))
            #expect(broken.text.contains("data-verdict=\"broken\""))
            #expect(broken.text.contains("data-index=\"1\""))
            #expect(broken.text.contains("broken at index 1") || broken.text.contains("brutt ved indeks 1"))
        }
    }

    @Test("another tenant's sale is 404 on the evidence page and absent from the list; the association and the board see it read-only")
    func foreignSales() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let foreignCampaign = try await world.foreignCampaign(app)
            let foreign = try await world.foreignSale(app, campaign: foreignCampaign)
            let path = SiteRoute.sale(foreign).path
            for role in [Role.callCentreAdmin, .agent, .clientUser] {
                #expect(try await app.get(path, as: world.browser(role)).status == .notFound, "\(role)")
                let list = try await app.get("/sales", as: world.browser(role))
                #expect(!list.text.contains(path))
                #expect(!list.text.contains("Beta Hemmelig"))
            }
            #expect(try await app.get("/sales/not-a-uuid", as: world.browser(.callCentreAdmin)).status == .notFound)
            #expect(try await app.get(SiteRoute.sale(UUID()).path, as: world.browser(.callCentreAdmin)).status == .notFound)
            for role in [Role.associationAdmin, .boardMember] {
                #expect(try await app.get(path, as: world.browser(role)).status == .ok, "\(role)")
                let list = try await app.get("/sales", as: world.browser(role))
                #expect(list.text.contains(path), "\(role)")
                #expect(list.text.contains("kun for lesing"))
            }
            #expect(try await app.get(path, as: world.foreignAdmin).status == .ok)
        }
    }

    @Test("no staff role can mark an offer accepted: there is no such route and the pages carry no such form")
    func staffCannotAccept() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let a = try await sale(app, world, campaign: campaign, key: "a")
            let path = SiteRoute.sale(a.id).path
            for role in Role.allCases {
                for suffix in ["/accept", "/state", ""] {
                    let response = try await app.postForm(path + suffix, ["state": "accepted"], as: world.browser(role))
                    #expect([404, 405].contains(response.status.code), "\(role) \(suffix): \(response.status)")
                }
                let page = try await app.get(path, as: world.browser(role))
                #expect(!page.text.contains("aksepterer tilbudet\"") && !page.text.contains("/accept"))
            }
            #expect(
                try await app.api(.POST, "/api/v1/sales/\(a.id.uuidString.lowercased())/accept", key: world.callCentreKey, json: "{}").status.code
                    >= 400)
            #expect(try await SaleModel.find(a.id, on: app.db)?.state == "sent")
        }
    }

    /// A clock that moves 1 ms every time it is read, as real time does between the steps of seeding.
    static func tickingClock() -> AppClock {
        let ticks = NIOLockedValueBox(0)
        return AppClock {
            testNow.addingTimeInterval(
                Double(
                    ticks.withLockedValue {
                        $0 += 1; return $0
                    }) / 1000)
        }
    }

    @Test(
        "the demo has sales on its electricity and its ordinary campaign in several states, each with an intact evidence chain, also when time moves while seeding",
        arguments: [false, true])
    func demoSales(ticking: Bool) async throws {
        try await withTestApp(clock: ticking ? Self.tickingClock() : AppClock { testNow }) { app in
            _ = try await DemoSeeder.seed(app)
            let campaign = try #require(try await CampaignModel.query(on: app.db).filter(\.$name == DemoSales.electricityCampaign).first())
            let ordinary = try #require(try await CampaignModel.query(on: app.db).filter(\.$name == DemoSales.ordinaryCampaign).first())
            let sales = try await SaleModel.query(on: app.db).filter(\.$campaignID ~~ [campaign.requireID(), ordinary.requireID()]).all()
            #expect(sales.count == DemoSales.sales.count)
            // Electricity offers wait 24 hours: none of them is accepted right after seeding.
            #expect(sales.filter { $0.campaignID == campaign.id }.allSatisfy { $0.state != "accepted" })
            #expect(Set(sales.map(\.state)) == ["sent", "accepted", "declined", "withdrawn"])
            #expect(sales.allSatisfy { $0.agentID != nil })
            for sale in sales {
                let id = try sale.requireID()
                let entries = try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == id).sort(\.$sequence).all().compactMap(\.entry)
                #expect(EvidenceChainVerifier.verify(entries, saleID: id.uuidString.lowercased(), expectedHead: sale.evidenceHead).isIntact)
            }
            #expect(
                try await OfferSettingsModel.query(on: app.db).filter(\.$organisationID ~~ [campaign.$callCentre.id, campaign.$client.id]).count()
                    == 2)
        }
    }

    @Test("navigation offers Sales to every role")
    func navigation() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for role in Role.allCases {
                let page = try await app.get("/dashboard", as: world.browser(role))
                #expect(page.text.contains("href=\"/sales\""), "\(role)")
            }
        }
    }
}
