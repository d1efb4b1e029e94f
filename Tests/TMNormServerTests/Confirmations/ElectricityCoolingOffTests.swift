import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Issue 12, rule 6: energiloven chapter 4 A, 24 hours between an electricity offer and its acceptance.
@Suite("Electricity offers: 24 hours' cooling-off")
struct ElectricityCoolingOffTests {
    @Test("accepted after 1 hour is refused with the earliest time, by link and by SMS; after 25 hours it is accepted")
    func coolingOff() async throws {
        let now = NIOLockedValueBox(testNow)
        try await withTestApp(clock: AppClock { now.withLockedValue { $0 } }) { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world, category: "strøm")
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "el").json()["id"] as? String)?
                    .lowercased())
            let sale = try #require(try await SaleModel.find(UUID(uuidString: id), on: app.db))
            #expect(sale.offerTextNB?.contains("tidligst akseptere dette tilbudet 24 timer etter") == true)
            #expect(sale.offerTextEN?.contains("at the earliest 24 hours") == true)
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (token, code) = try #require(secrets(inSMS: sms.body))

            now.withLockedValue { $0 = testNow.addingTimeInterval(3600) }
            let early = try await app.postForm("/t/\(token)/accept", [:], as: .anonymous)
            #expect(early.status == .conflict)
            #expect(early.text.contains("tidligst aksepteres 24 timer"))
            #expect(early.text.contains("01.12.2026 kl. 10.00"))
            let earlySMS = try await app.inboundSMS(from: "+4791234567", text: "JA \(code)", receivedAt: now.withLockedValue { $0 })
            #expect(earlySMS.status.code < 500)
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "sent")

            now.withLockedValue { $0 = testNow.addingTimeInterval(25 * 3600) }
            let accepted = try await app.postForm("/t/\(token)/accept", [:], as: .anonymous)
            #expect(accepted.status == .ok)
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "accepted")
        }
    }

    @Test("an ordinary campaign's offer can be accepted at once")
    func ordinary() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "o").json()["id"] as? String)?
                    .lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (token, _) = try #require(secrets(inSMS: sms.body))
            #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .ok)
        }
    }
}
