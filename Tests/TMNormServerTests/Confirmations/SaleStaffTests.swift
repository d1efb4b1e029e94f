import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

extension Application {
    /// A signed delivery receipt as the gateway would post it.
    func deliveryReceipt(id: String, status: String, receivedAt: Date = testNow) async throws -> TestingHTTPResponse {
        let body = #"{"from":"gateway","to":"2222","text":"","received_at":"\#(OsloTime.iso8601(receivedAt))","id":"\#(id)","status":"\#(status)"}"#
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(
            name: "X-TMNorm-Signature", value: InboundSMSVerifier.sign(rawBody: Array(body.utf8), key: Array(config.messaging.smsInboundSecret.utf8)))
        return try await testing().sendRequest(.POST, "/api/v1/sms/inbound", headers: headers, body: ByteBuffer(string: body))
    }
}

@Suite("Sales: withdrawal forms registered by staff, goods received, delivery receipts")
struct SaleStaffTests {
    /// A sale registered and accepted by the consumer through the link; returns its id.
    func acceptedSale(_ app: Application, _ world: TestWorld, key: String = "staff-a", phone: String = "+47 912 34 567") async throws -> UUID {
        let campaign = try await SaleFixtures.campaign(app, world)
        let response = try await app.postSale(SaleFixtures.body(campaign, phone: phone), key: world.callCentreKey, idempotencyKey: key)
        let id = try #require((try response.json()["id"] as? String).flatMap(UUID.init(uuidString:)), "\(response.text)")
        let sms = try #require(
            try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id.uuidString.lowercased()):offer:sms").first())
        let (token, _) = try #require(secrets(inSMS: sms.body))
        #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .ok)
        return id
    }

    func evidence(_ app: Application, _ id: UUID) async throws -> [EvidenceEntry] {
        try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == id).sort(\.$sequence).all().compactMap(\.entry)
    }

    @Test(
        "the call centre registers a withdrawal form that came by post: the sale is withdrawn, the evidence says who registered it and when it was sent, and the consumer gets a receipt"
    )
    func withdrawalFormByPost() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let id = try await acceptedSale(app, world)
            let page = try await app.get(SiteRoute.sale(id).path, as: world.browser(.callCentreAdmin))
            #expect(page.text.contains("Angreskjema mottatt"))
            #expect(page.text.contains("/withdrawal-form"))

            let today = OsloTime.localDate(of: testNow)
            let response = try await app.postForm(
                SiteRoute.sale(id).path + "/withdrawal-form", ["sent_on": today.iso8601, "channel": "post", "note": "Brev datert i dag"],
                as: world.browser(.callCentreAdmin))
            #expect(response.status == .seeOther, "\(response.text.prefix(300))")
            #expect(try await SaleModel.find(id, on: app.db)?.state == "withdrawn")
            let last = try #require(try await evidence(app, id).last)
            #expect(last.event == .withdrawn)
            #expect(last.channel == "post")
            #expect(last.detail?.contains("standard withdrawal form sent \(today.iso8601)") == true)
            #expect(last.detail?.contains("Brev datert i dag") == true)
            let receipts = try await OutboxMessageModel.query(on: app.db).all().filter {
                $0.idempotencyKey.hasPrefix("sale:\(id.uuidString.lowercased()):receipt:withdrawn")
            }
            #expect(!receipts.isEmpty, "the consumer is told the withdrawal was registered")
            // A second registration changes nothing.
            #expect(
                try await app.postForm(
                    SiteRoute.sale(id).path + "/withdrawal-form", ["sent_on": today.iso8601, "channel": "email"], as: world.browser(.callCentreAdmin)
                ).status == .seeOther)
            #expect(try await evidence(app, id).filter { $0.event == .withdrawn }.count == 1)
        }
    }

    @Test("a form sent on the last day counts even when registered later; one sent after the deadline is refused (410) and the sale stays accepted")
    func withdrawalDeadline() async throws {
        let time = MovableClock()
        try await withTestApp(clock: time.clock) { app in
            let world = try await TestWorld.make(app)
            for session in try await SessionModel.query(on: app.db).all() {
                session.expiresAt = testNow.addingTimeInterval(90 * 86_400)
                try await session.save(on: app.db)
            }
            let onTime = try await acceptedSale(app, world, key: "on-time", phone: "+47 912 34 561")
            let late = try await acceptedSale(app, world, key: "late", phone: "+47 912 34 562")
            let deadline = try #require(try await SaleModel.find(onTime, on: app.db)?.lifecycle().withdrawalDeadline?.lastDay)
            time.advance(days: Int(OsloTime.startOfDay(deadline.adding(days: 5)).timeIntervalSince(time.now) / 86_400) + 1)

            let ok = try await app.postForm(
                SiteRoute.sale(onTime).path + "/withdrawal-form", ["sent_on": deadline.iso8601, "channel": "post"],
                as: world.browser(.callCentreAdmin))
            #expect(ok.status == .seeOther, "\(ok.text.prefix(300))")
            #expect(try await SaleModel.find(onTime, on: app.db)?.state == "withdrawn")

            let refused = try await app.postForm(
                SiteRoute.sale(late).path + "/withdrawal-form", ["sent_on": deadline.adding(days: 1).iso8601, "channel": "post"],
                as: world.browser(.callCentreAdmin))
            #expect(refused.status == .gone)
            #expect(refused.text.contains(deadline.norwegianFormatted))
            #expect(try await SaleModel.find(late, on: app.db)?.state == "accepted")
        }
    }

    @Test(
        "bad withdrawal registrations are 422 naming the field, other roles get 403, another tenant's sale is 404, an open offer is 409; nothing changes"
    )
    func badWithdrawalInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let id = try await acceptedSale(app, world)
            let path = SiteRoute.sale(id).path + "/withdrawal-form"
            let today = OsloTime.localDate(of: testNow)
            let before = try await evidence(app, id).count
            for (fields, field) in [
                (["channel": "post"], "sent_on"),
                (["sent_on": "i går", "channel": "post"], "sent_on"),
                (["sent_on": today.adding(days: 1).iso8601, "channel": "post"], "sent_on"),
                (["sent_on": today.adding(days: -30).iso8601, "channel": "post"], "sent_on"),
                (["sent_on": today.iso8601, "channel": "brevdue"], "channel"),
                (["sent_on": today.iso8601, "channel": "post", "note": String(repeating: "x", count: 501)], "note"),
            ] {
                let response = try await app.postForm(path, fields, as: world.browser(.callCentreAdmin))
                #expect(response.status == .unprocessableEntity, "\(fields)")
                #expect(response.text.contains(field), "\(fields) names \(field)")
            }
            for role in [Role.agent, .associationAdmin, .boardMember] {
                let status = try await app.postForm(path, ["sent_on": today.iso8601, "channel": "post"], as: world.browser(role)).status
                #expect(status == .forbidden || status == .notFound, "\(role): \(status)")
            }
            #expect(try await app.postForm(path, ["sent_on": today.iso8601, "channel": "post"], as: world.foreignAdmin).status == .notFound)
            #expect(try await evidence(app, id).count == before)
            #expect(try await SaleModel.find(id, on: app.db)?.state == "accepted")

            // An offer not yet accepted cannot be withdrawn from (409).
            let campaign = try await SaleFixtures.campaign(app, world)
            let open = try await app.postSale(SaleFixtures.body(campaign, phone: "+47 912 34 599"), key: world.callCentreKey, idempotencyKey: "open")
            let openID = try #require((try open.json()["id"] as? String).flatMap(UUID.init(uuidString:)))
            #expect(
                try await app.postForm(
                    SiteRoute.sale(openID).path + "/withdrawal-form", ["sent_on": today.iso8601, "channel": "post"],
                    as: world.browser(.callCentreAdmin)
                ).status == .conflict)
        }
    }

    @Test("the client's users register a withdrawal form too (the form may reach the seller's principal)")
    func clientRegisters() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let id = try await acceptedSale(app, world)
            let response = try await app.postForm(
                SiteRoute.sale(id).path + "/withdrawal-form", ["sent_on": OsloTime.localDate(of: testNow).iso8601, "channel": "email"],
                as: world.browser(.clientUser))
            #expect(response.status == .seeOther)
            #expect(try await SaleModel.find(id, on: app.db)?.state == "withdrawn")
        }
    }

    @Test(
        "a delivery receipt for the offer SMS marks the outbox row and adds 'delivered' to the evidence; unknown ids are answered but change nothing; unsigned receipts are 401"
    )
    func deliveryReceipts() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let created = try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "dlr")
            let id = try #require((try created.json()["id"] as? String).flatMap(UUID.init(uuidString:)))
            let messageID = "sale:\(id.uuidString.lowercased()):offer:sms"
            let before = try await evidence(app, id).count

            let receipt = try await app.deliveryReceipt(id: messageID, status: "DELIVERED", receivedAt: testNow.addingTimeInterval(5))
            #expect(receipt.status == .ok)
            #expect(try receipt.json()["result"] as? String == "receipt_recorded")
            let row = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == messageID).first())
            #expect(row.deliveryStatus == "delivered")
            let entries = try await evidence(app, id)
            #expect(entries.count == before + 1)
            #expect(entries.last?.event == .delivered)
            #expect(entries.last?.detail?.contains("delivery receipt") == true)
            #expect(
                EvidenceChainVerifier.verify(
                    entries, saleID: id.uuidString.lowercased(), expectedHead: try await SaleModel.find(id, on: app.db)?.evidenceHead
                ).isIntact)

            let failed = try await app.deliveryReceipt(id: messageID, status: "failed", receivedAt: testNow.addingTimeInterval(6))
            #expect(try failed.json()["result"] as? String == "receipt_recorded")
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == messageID).first()?.deliveryStatus == "failed")
            #expect(try await evidence(app, id).count == before + 1, "only 'delivered' is evidence")

            let unknown = try await app.deliveryReceipt(id: "sale:unknown:offer:sms", status: "delivered", receivedAt: testNow.addingTimeInterval(7))
            #expect(try unknown.json()["result"] as? String == "unknown_message")

            let body =
                #"{"from":"gateway","to":"2222","text":"","received_at":"\#(OsloTime.iso8601(testNow))","id":"\#(messageID)","status":"delivered"}"#
            var headers = HTTPHeaders()
            headers.contentType = .json
            #expect(
                try await app.testing().sendRequest(.POST, "/api/v1/sms/inbound", headers: headers, body: ByteBuffer(string: body)).status
                    == .unauthorized)

            let outbox = try await app.get("/outbox", as: world.browser(.callCentreAdmin))
            #expect(outbox.text.contains("data-delivery=\"failed\""))
        }
    }

    @Test("goods received starts the withdrawal period for goods from that day; future days are refused")
    func goodsReceived() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let id = try await acceptedSale(app, world)
            let sale = try #require(try await SaleModel.find(id, on: app.db))
            let isGoods = (try sale.lifecycle()).productKind == .goods
            let today = OsloTime.localDate(of: testNow)
            let future = try await app.postForm(
                SiteRoute.sale(id).path + "/goods-received", ["received_on": today.adding(days: 2).iso8601], as: world.browser(.callCentreAdmin))
            #expect(future.status == .unprocessableEntity)
            let response = try await app.postForm(
                SiteRoute.sale(id).path + "/goods-received", ["received_on": today.iso8601], as: world.browser(.callCentreAdmin))
            // The fixture sells a service (electricity): goods-received does not apply to it.
            #expect(response.status == (isGoods ? .seeOther : .conflict))
        }
    }
}
