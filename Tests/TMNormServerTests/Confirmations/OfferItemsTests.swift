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
            let body = #"{"campaign_id":"\#(campaign.uuidString.lowercased())","consumer":{"name":"Ola Nordmann","phone":"+47 912 34 567"},"product":"Mobil 20 GB","price":{"amount":"299,00","currency":"NOK","period":"month"},"binding_months":12}"#
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
            let goods = #"{"campaign_id":"\#(campaign.uuidString.lowercased())","product_kind":"goods","consumer":{"name":"Ola Nordmann","phone":"+47 912 34 567"},"product":"Mobiltelefon X","price":{"amount":"2990,00","currency":"NOK","period":"once"},"binding_months":0,"payment":"Faktura, 14 dager.","delivery":"Sendes i posten innen 5 dager.","other_charges":[{"description":"Frakt","amount":"99,00"}]}"#
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
}
