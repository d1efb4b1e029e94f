import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Keys derived from the server secret")
struct ServerKeysTests {
    @Test("one key per purpose, 256 bits, the same for the same secret and different for another")
    func derivation() {
        let keys = ServerKeys(secret: "a-secret-of-some-length-0123456789")
        #expect(keys.bytes("offer-code").count == 32)
        #expect(keys.bytes("offer-code") == keys.bytes("offer-code"))
        #expect(keys.bytes("offer-code") != keys.bytes("may-call-number"))
        #expect(ServerKeys(secret: "a-secret-of-some-length-0123456789").bytes("csrf") == keys.bytes("csrf"))
        #expect(ServerKeys(secret: "another-secret-of-some-length-0123").bytes("csrf") != keys.bytes("csrf"))
        // Not the secret itself, nor the hash the code key used to be.
        #expect(keys.bytes("offer-code") != Array(Data("a-secret-of-some-length-0123456789".utf8).prefix(32)))
        #expect(keys.mac("x", purpose: "csrf") != keys.mac("x", purpose: "stop-calls-code"))
    }

    @Test("a decision logged before the HKDF keys (number hashed under the raw secret) is still found by its number")
    func legacyDecisionFound() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let old = DecisionRecord(
                id: UUID(), campaignID: campaign, callCentreID: world.callCentre.id, clientID: world.client.id,
                numberHash: MayCallService.legacyNumberHash("93000077", secret: app.config.secret), allowed: false, reasons: "sunday",
                registerSnapshotID: nil, ruleSet: "mfl-2009-06-01", askedAt: testNow, decidedAt: testNow, askedBy: "unknown")
            try await DecisionRecord.insert([old], on: app.db)
            _ = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000077")
            let found = try await app.api(.GET, "/api/v1/decisions?number=93000077", key: world.callCentreKey)
            let items = try #require(try found.json()["items"] as? [[String: Any]])
            #expect(items.count == 2, "the old decision and the new one")
            #expect(Set(items.compactMap { $0["decision_id"] as? String }).contains(old.id.uuidString))
        }
    }

    @Test("an offer whose SMS code was hashed with the pre-HKDF key is still accepted by SMS")
    func legacyOfferCode() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "legacy").json()["id"] as? String)?
                    .lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (_, code) = try #require(secrets(inSMS: sms.body))
            let sale = try #require(try await SaleModel.find(UUID(uuidString: id), on: app.db))
            let plain = code
            sale.codeHash = OfferSecretGenerator.hashCode(plain, key: SaleService.legacyCodeKey(app))
            try await sale.save(on: app.db)
            let answer = try await app.inboundSMS(from: "+4791234567", text: "JA \(plain)")
            #expect(try answer.json()["result"] as? String == "accepted")
        }
    }
}
