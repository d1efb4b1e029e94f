import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// The agent registers a sale in the web UI from the campaign page: the API's fields and checks, a preview
/// of the consumer's page, then sending.
@Suite("Sale form on the campaign page")
struct SaleFormTests {
    static func fields(_ overrides: [String: String] = [:]) -> [String: String] {
        var fields = [
            "consumer_name": "Ola Nordmann", "consumer_phone": "912 34 567", "consumer_email": "ola@example.no", "product": "Strøm Fastpris 12",
            "product_kind": "service", "amount": "399,00", "period": "month", "binding_months": "12",
            "payment": "Faktura hver måned, 14 dagers betalingsfrist.", "delivery": "Leveransen starter når du har akseptert.",
            "termination": "Én måneds oppsigelse etter bindingstiden, skriftlig til kundeservice.", "idempotency_key": "form-key-1",
        ]
        for (name, value) in overrides { fields[name] = value }
        return fields
    }

    @Test("the campaign page leads an agent to the sale form, which has a labelled field for every item of the API's body")
    func formFromCampaignPage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let path = "/campaigns/\(campaign.uuidString.lowercased())"
            let agent = world.browser(.agent)
            #expect(try await app.get(path, as: agent).text.contains("href=\"\(path)/sales\""))
            let form = try await app.get(path + "/sales", as: agent)
            #expect(form.status == .ok)
            for name in SaleFormRoutes.fieldNames {
                #expect(form.text.contains("<label for=\"f-\(name)\""), "\(name) has a label")
            }
            #expect(form.text.contains("action=\"\(path)/sales/preview\""))
            #expect(form.text.contains("name=\"idempotency_key\""))
        }
    }

    @Test("the preview shows the consumer's page with the offer text and summary, and sends nothing")
    func preview() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let path = "/campaigns/\(campaign.uuidString.lowercased())"
            let page = try await app.postForm(path + "/sales/preview", Self.fields(), as: world.browser(.agent))
            #expect(page.status == .ok, "\(page.text.prefix(600))")
            #expect(page.text.contains("Slik ser forbrukeren tilbudet. Ingenting er sendt ennå."))
            #expect(page.text.contains("<p class=\"offer-client\">Kunde Alfa</p>"))
            #expect(page.text.contains("Skriftlig tilbud etter telefonsamtale"))
            #expect(page.text.contains("<dd class=\"total\">4 788,00 kr</dd>"))
            #expect(page.text.contains("Tilbudet sendes på SMS til 912 34 567 og e-post til ola@example.no."))
            #expect(page.text.contains("action=\"\(path)/sales\""))
            #expect(page.text.contains("name=\"idempotency_key\" value=\"form-key-1\""))
            #expect(!page.text.contains("action=\"/t/"), "the preview has no live answer forms")
            #expect(try await SaleModel.query(on: app.db).count() == 0)
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a failed form comes back with what was typed and each problem next to its field, in bokmål and in English")
    func failedForm() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let path = "/campaigns/\(campaign.uuidString.lowercased())/sales/preview"
            let bad = Self.fields(["consumer_name": "", "amount": "12,345", "binding_months": "tolv", "payment": "", "consumer_email": "ola@"])
            let page = try await app.postForm(path, bad, as: world.browser(.agent))
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("value=\"12,345\""), "the amount as typed")
            #expect(page.text.contains("value=\"tolv\""))
            #expect(page.text.contains("value=\"Strøm Fastpris 12\""))
            #expect(page.text.contains("<p class=\"field-error\" id=\"e-binding_months\">skriv et helt antall måneder"))
            #expect(page.text.contains("<p class=\"field-error\" id=\"e-consumer_name\">må fylles ut</p>"))
            #expect(page.text.contains("id=\"e-amount\""))
            #expect(page.text.contains("id=\"e-consumer_email\""))
            #expect(page.text.contains("aria-invalid=\"true\""))
            #expect(!page.text.contains("consumer.name"), "no body paths shown to people")
            // The same in English; payment, a required item of the offer, is named once the fields parse.
            let english = try await app.postForm(path + "?lang=en", bad, as: world.browser(.agent))
            #expect(english.status == .unprocessableEntity)
            #expect(english.text.contains("<p class=\"field-error\" id=\"e-consumer_name\">is required</p>"))
            let noPayment = try await app.postForm(path, Self.fields(["payment": ""]), as: world.browser(.agent))
            #expect(noPayment.status == .unprocessableEntity)
            #expect(noPayment.text.contains("<p class=\"field-error\" id=\"e-payment\">betalingsordningen må oppgis"))
            #expect(try await SaleModel.query(on: app.db).count() == 0)
        }
    }

    @Test("sending registers the sale as the agent's, queues the offer, and a second press gives the same sale")
    func send() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let path = "/campaigns/\(campaign.uuidString.lowercased())/sales"
            let agent = world.browser(.agent)
            let sent = try await app.postForm(path, Self.fields(), as: agent)
            #expect(sent.status == .seeOther, "\(sent.text.prefix(600))")
            let sale = try #require(try await SaleModel.query(on: app.db).first())
            let location = try #require(sent.headers.first(name: .location))
            #expect(location == "/sales/\(try sale.requireID().uuidString.lowercased())?sent=1")
            #expect(sale.state == "sent")
            #expect(sale.consumerPhone == "+4791234567")
            let agentUser = try #require(try await UserModel.query(on: app.db).filter(\.$email == "selger@alfa.test").first())
            #expect(sale.agentID == agentUser.id)
            let key = "sale:\(try sale.requireID().uuidString.lowercased()):offer:sms"
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == key).count() == 1)
            let salePage = try await app.get(location, as: agent)
            #expect(salePage.status == .ok, "the agent sees the sale they registered")
            #expect(salePage.text.contains("Tilbudet er sendt til forbrukeren."))
            // A double click sends the same form again: the same sale, nothing new queued.
            let again = try await app.postForm(path, Self.fields(), as: agent)
            #expect(again.headers.first(name: .location) == location)
            #expect(try await SaleModel.query(on: app.db).count() == 1)
        }
    }

    @Test("only the campaign's own call centre registers: another centre gets 404, a client user 403, and no form without CSRF")
    func isolation() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let foreign = try await world.foreignCampaign(app)
            let path = "/campaigns/\(campaign.uuidString.lowercased())/sales"
            #expect(try await app.get(path, as: world.foreignAdmin).status == .notFound)
            #expect(try await app.postForm(path, Self.fields(), as: world.foreignAdmin).status == .notFound)
            #expect(try await app.postForm(path + "/preview", Self.fields(), as: world.foreignAdmin).status == .notFound)
            #expect(try await app.get(path, as: world.browser(.clientUser)).status == .forbidden)
            #expect(try await app.postForm(path, Self.fields(), as: world.browser(.clientUser)).status == .forbidden)
            let foreignPath = "/campaigns/\(foreign.uuidString.lowercased())/sales"
            #expect(try await app.postForm(foreignPath, Self.fields(), as: world.browser(.agent)).status == .notFound)
            #expect(try await app.postForm(path, Self.fields(), as: world.browser(.agent), csrf: false).status == .forbidden)
            #expect(try await app.get(path, as: .anonymous).status != .ok)
            #expect(try await SaleModel.query(on: app.db).count() == 0)
        }
    }
}
