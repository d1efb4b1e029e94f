import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Issue 12, rule 3: the written offer carries every item of angrerettloven § 8.
@Suite("Every offer carries what angrerettloven § 8 requires")
struct OfferItemsTests {
    @Test("an SMS-only offer without payment, delivery or termination is 422 naming each, and nothing is stored")
    func missingItems() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let body =
                #"{"campaign_id":"\#(campaign.uuidString.lowercased())","consumer":{"name":"Ola Nordmann","phone":"+47 912 34 567"},"product":"Mobil 20 GB","price":{"amount":"299,00","currency":"NOK","period":"month"},"binding_months":12}"#
            let response = try await app.postSale(body, key: world.callCentreKey, idempotencyKey: "missing")
            #expect(response.status == .unprocessableEntity)
            for field in ["payment", "delivery", "termination"] {
                #expect(response.text.contains("\"\(field)\""), "\(field) not named: \(response.text)")
            }
            #expect(try await SaleModel.query(on: app.db).count() == 0)
        }
    }

    @Test("goods need who pays for returns; a complete offer states the total with every charge, in both languages, inside the hashed text")
    func completeOffer() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let goods =
                #"{"campaign_id":"\#(campaign.uuidString.lowercased())","product_kind":"goods","consumer":{"name":"Ola Nordmann","phone":"+47 912 34 567"},"product":"Mobiltelefon X","price":{"amount":"2990,00","currency":"NOK","period":"once"},"binding_months":0,"payment":"Faktura, 14 dager.","delivery":"Sendes i posten innen 5 dager.","other_charges":[{"description":"Frakt","amount":"99,00"}]}"#
            let refused = try await app.postSale(goods, key: world.callCentreKey, idempotencyKey: "goods-1")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("return_costs"))
            let complete = goods.replacingOccurrences(of: #""delivery":"#, with: #""return_costs":"consumer","delivery":"#)
            let created = try await app.postSale(complete, key: world.callCentreKey, idempotencyKey: "goods-2")
            #expect(created.status == .created, "\(created.text)")
            let id = try #require((try created.json()["id"] as? String).flatMap(UUID.init(uuidString:)))
            let sale = try #require(try await SaleModel.find(id, on: app.db))
            let nb = try #require(sale.offerTextNB)
            #expect(nb.contains("Totalpris med mva. og alle gebyrer og leveringskostnader: 3 089,00 kr"))
            #expect(nb.contains("I tillegg: Frakt, 99,00 kr"))
            #expect(nb.contains("Betaling: Faktura, 14 dager."))
            #expect(nb.contains("Retur: angrer du, betaler du selv"))
            #expect(nb.contains("Reklamasjon"))
            #expect(sale.offerTextEN?.contains("Total price including VAT and all fees and delivery charges") == true)
            #expect(sale.offerSHA256 == ConfirmationHashing.sha256Hex(nb))
        }
    }

    @Test(
        "a consumer reached by SMS only gets the whole offer by SMS; JA is refused until every part is sent, then accepted; the evidence names the medium"
    )
    func durableMedium() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let created = try await app.postSale(SaleFixtures.body(campaign, email: nil), key: world.callCentreKey, idempotencyKey: "sms-only")
            #expect(created.status == .created)
            let id = try #require((try created.json()["id"] as? String)?.lowercased())
            let saleID = try #require(UUID(uuidString: id))
            let parts = try await OutboxMessageModel.query(on: app.db).filter(\.$saleID == saleID).all()
                .filter { $0.idempotencyKey.hasPrefix("sale:\(id):offer:text:") }
            #expect(parts.count > 1)
            let sale = try #require(try await SaleModel.find(saleID, on: app.db))
            let joined = parts.sorted {
                $0.idempotencyKey.count == $1.idempotencyKey.count
                    ? $0.idempotencyKey < $1.idempotencyKey : $0.idempotencyKey.count < $1.idempotencyKey.count
            }
            .map { String($0.body.drop { $0 != " " }.dropFirst()) }.joined(separator: "\n")
            #expect(joined == sale.offerTextNB)
            let sent = try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == saleID).all().compactMap(\.entry).first { $0.event == .sent }
            #expect(sent?.detail?.contains("full text: sms") == true)
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (_, code) = try #require(secrets(inSMS: sms.body))
            let early = try await app.inboundSMS(from: "+4791234567", text: "JA \(code)")
            #expect(try early.json()["result"] as? String == "refused")
            #expect((try early.json()["message"] as? String)?.contains("Hele tilbudet er ikke levert") == true)
            #expect(try await SaleModel.find(saleID, on: app.db)?.state == "sent")
            for part in parts {
                part.statusRaw = OutboxMessageModel.Status.sent.rawValue
                try await part.save(on: app.db)
            }
            let accepted = try await app.inboundSMS(from: "+4791234567", text: "JA \(code)", receivedAt: testNow.addingTimeInterval(1))
            #expect(try accepted.json()["result"] as? String == "accepted", "\(accepted.text)")
        }
    }
}
