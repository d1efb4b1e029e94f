import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// Fixtures for sales: an own campaign and the offer details the policy requires.
enum SaleFixtures {
    /// Not electricity by default (its offers wait 24 hours before they can be accepted).
    static func campaign(
        _ app: Application, _ world: TestWorld, voluntary: Bool = false, newspaper: Bool = false, settings: Bool = true, webhookURL: String? = nil,
        category: String = "mobilabonnement"
    ) async throws -> UUID {
        let campaign = CampaignModel()
        campaign.$callCentre.id = world.callCentre.id
        campaign.$client.id = world.client.id
        campaign.name = category == "strøm" ? "Alfa Strøm Høst" : "Alfa Mobil Høst"
        campaign.productCategory = category
        campaign.callerID = "22334455"
        campaign.callerIDListed = true
        campaign.voluntary = voluntary
        campaign.newspaper = newspaper
        campaign.startsOn = "2026-01-01"
        campaign.endsOn = "2026-12-31"
        campaign.statusRaw = "active"
        campaign.createdAt = testNow
        try await campaign.create(on: app.db)
        if settings {
            for (org, address, phone, email) in [
                (world.callCentre.id, nil as String?, "22123456", "post@alfa.test"),
                (world.client.id, "Storgata 1, 0155 Oslo", nil, "kundeservice@kunde-alfa.test"),
            ] {
                guard try await OfferSettingsModel.query(on: app.db).filter(\.$organisationID == org).count() == 0 else { continue }
                let row = OfferSettingsModel()
                row.organisationID = org
                row.address = address
                row.phone = phone
                row.email = email
                row.webhookURL = org == world.client.id ? webhookURL : nil
                row.webhookSecret = org == world.client.id ? webhookSecret : nil
                row.updatedAt = testNow
                try await row.create(on: app.db)
            }
        }
        return try campaign.requireID()
    }

    static let webhookSecret = "whsec_kunde_alfa_0123456789"

    static func body(
        _ campaign: UUID, phone: String? = "+47 912 34 567", email: String? = "ola@example.no", product: String = "Strøm Fastpris 12",
        amount: String = "399,00"
    ) -> String {
        var consumer: [String: String] = ["name": "Ola Nordmann"]
        if let phone { consumer["phone"] = phone }
        if let email { consumer["email"] = email }
        let object: [String: Any] = [
            "campaign_id": campaign.uuidString.lowercased(), "consumer": consumer, "product": product,
            "price": ["amount": amount, "currency": "NOK", "period": "month"], "binding_months": 12, "terms": "Fastpris i 12 måneder.",
            "payment": "Faktura hver måned, 14 dagers betalingsfrist.", "delivery": "Leveransen starter når du har akseptert.",
            "termination": "Avtalen løper til den sies opp, med én måneds oppsigelse etter bindingstiden; si opp skriftlig til kundeservice.",
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}

extension Application {
    /// POST /api/v1/sales with an Idempotency-Key.
    func postSale(_ json: String, key: String, idempotencyKey: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: key)
        headers.contentType = .json
        if let idempotencyKey { headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        return try await testing().sendRequest(.POST, "/api/v1/sales", headers: headers, body: ByteBuffer(string: json))
    }

    /// A signed inbound SMS as the gateway would post it.
    func inboundSMS(from: String, text: String, receivedAt: Date = testNow, secret: String? = nil, signature: String? = nil) async throws
        -> TestingHTTPResponse
    {
        let body = #"{"from":"\#(from)","to":"2222","text":"\#(text)","received_at":"\#(OsloTime.iso8601(receivedAt))"}"#
        var headers = HTTPHeaders()
        headers.contentType = .json
        let key = secret ?? config.messaging.smsInboundSecret
        headers.add(name: "X-TMNorm-Signature", value: signature ?? InboundSMSVerifier.sign(rawBody: Array(body.utf8), key: Array(key.utf8)))
        return try await testing().sendRequest(.POST, "/api/v1/sms/inbound", headers: headers, body: ByteBuffer(string: body))
    }
}

/// Pulls the link token and the reply code out of an offer SMS.
func secrets(inSMS text: String) -> (token: String, code: String)? {
    guard let t = text.range(of: #"/t/[A-Za-z0-9_-]{24}"#, options: .regularExpression),
        let c = text.range(of: #"JA [A-Z2-9]{6}"#, options: .regularExpression)
    else { return nil }
    return (String(text[t].dropFirst(3)), String(text[c].dropFirst(3)))
}

@Suite("Sales: written offers, consumer answers, evidence")
struct SalesTests {
    @Test("a sale is registered once per Idempotency-Key and its offer is queued by SMS and e-mail; no token or code in the answer")
    func registerSale() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let body = SaleFixtures.body(campaign)
            let created = try await app.postSale(body, key: world.callCentreKey, idempotencyKey: "call-1")
            #expect(created.status == .created, "\(created.text)")
            let json = try created.json()
            #expect(json["state"] as? String == "sent")
            let id = try #require((json["id"] as? String)?.lowercased())
            let messages = try await OutboxMessageModel.query(on: app.db).filter(
                \.$idempotencyKey ~~ ["sale:\(id):offer:sms", "sale:\(id):offer:email"]
            ).all()
            #expect(messages.count == 2)
            let sms = try #require(messages.first { $0.kind == .sms })
            let (token, code) = try #require(secrets(inSMS: sms.body))
            #expect(!created.text.contains(token) && !created.text.contains(code))
            #expect(sms.recipient == "+4791234567")
            // the same key again: the same sale, nothing new
            let again = try await app.postSale(body, key: world.callCentreKey, idempotencyKey: "call-1")
            #expect(again.status == .ok)
            #expect((try again.json()["id"] as? String)?.lowercased() == id)
            #expect(try await SaleModel.query(on: app.db).count() == 1)
            let different = try await app.postSale(SaleFixtures.body(campaign, amount: "1"), key: world.callCentreKey, idempotencyKey: "call-1")
            #expect(different.status == .unprocessableEntity)
            // the call centre and its client read it; another tenant gets 404
            #expect(try await app.api(.GET, "/api/v1/sales/\(id)", key: world.callCentreKey).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/sales/\(id)", key: world.foreignKey).status == .notFound)
            let list = try await app.api(.GET, "/api/v1/sales?state=sent", key: world.callCentreKey)
            #expect(list.text.lowercased().contains(id))
            #expect(!(try await app.api(.GET, "/api/v1/sales", key: world.foreignKey).text.lowercased().contains(id)))
        }
    }

    @Test("missing offer details → 422 naming each; nothing stored, nothing sent")
    func missingItems() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world, settings: false)
            let response = try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "m")
            #expect(response.status == .unprocessableEntity)
            for field in ["seller.contact", "client.address", "client.contact"] {
                #expect(response.text.contains(field), "names \(field)")
            }
            #expect(try await SaleModel.query(on: app.db).count() == 0)
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "voluntary and newspaper campaigns are exempt from written acceptance, not from the withdrawal right: a confirmation with the withdrawal information goes out, and the consumer can withdraw by link or SMS"
    )
    func exempt() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let voluntary = try await SaleFixtures.campaign(app, world, voluntary: true)
            let response = try await app.postSale(SaleFixtures.body(voluntary), key: world.callCentreKey, idempotencyKey: "v")
            #expect(response.status == .created, "\(response.text)")
            #expect(try response.json()["state"] as? String == "exempt")
            #expect(try response.json()["exemption"] as? String == "voluntary_organisation")
            let id = try #require((try response.json()["id"] as? String)?.lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):confirmation:sms").first())
            #expect(sms.body.contains("angrerett"))
            let token = try #require(sms.body.range(of: #"/t/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(sms.body[$0].dropFirst(3)) })
            let code = try #require(sms.body.range(of: #"ANGRE [A-Z0-9]+"#, options: .regularExpression).map { String(sms.body[$0].dropFirst(6)) })
            let sale = try #require(try await SaleModel.find(UUID(uuidString: id), on: app.db))
            #expect(sale.offerTextNB?.contains("Bekreftelse av avtale inngått på telefon") == true)
            #expect(sale.offerTextNB?.contains("fra dagen avtalen ble inngått") == true)
            let page = try await app.get("/t/\(token)", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("Gå fra avtalen"))
            // Accepting makes no sense; withdrawing by SMS does.
            #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .conflict)
            let angre = try await app.inboundSMS(from: "+4791234567", text: "ANGRE \(code)")
            #expect(angre.status.code < 300, "\(angre.text)")
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "withdrawn")

            // A newspaper subscription: withdrawn through the link before the first issue arrives.
            let newspaper = try await SaleFixtures.campaign(app, world, newspaper: true)
            let paper = try await app.postSale(SaleFixtures.body(newspaper, phone: "+47 913 45 678"), key: world.callCentreKey, idempotencyKey: "n")
            #expect(try paper.json()["exemption"] as? String == "newspaper_subscription")
            let paperID = try #require((try paper.json()["id"] as? String)?.lowercased())
            let paperSMS = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(paperID):confirmation:sms").first())
            let paperToken = try #require(
                paperSMS.body.range(of: #"/t/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(paperSMS.body[$0].dropFirst(3)) })
            #expect(
                try await SaleModel.find(UUID(uuidString: paperID), on: app.db)?.offerTextNB?.contains("dagen du mottar den første utgaven") == true)
            #expect(try await app.postForm("/t/\(paperToken)/withdraw", [:], as: .anonymous).status == .ok)
            #expect(try await SaleModel.find(UUID(uuidString: paperID), on: app.db)?.state == "withdrawn")
        }
    }

    @Test("bad input → clear 422 naming every field, 400 for non-JSON; no sale")
    func badInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let bad = SaleFixtures.body(campaign, phone: "123", email: "ola@", product: String(repeating: "x", count: 201), amount: "12,345")
            let response = try await app.postSale(bad, key: world.callCentreKey, idempotencyKey: "b")
            #expect(response.status == .unprocessableEntity)
            for field in ["consumer.phone", "consumer.email", "product", "price.amount"] { #expect(response.text.contains(field), "names \(field)") }
            let landline = try await app.postSale(
                SaleFixtures.body(campaign, phone: "22 12 34 56", email: nil), key: world.callCentreKey, idempotencyKey: "b2")
            #expect(landline.status == .unprocessableEntity)
            #expect(landline.text.contains("phone_not_mobile"))
            #expect(try await app.postSale("not json", key: world.callCentreKey, idempotencyKey: "b3").status == .badRequest)
            #expect(try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: nil).status == .unprocessableEntity)
            let foreign = try await world.foreignCampaign(app)
            #expect(try await app.postSale(SaleFixtures.body(foreign), key: world.callCentreKey, idempotencyKey: "b4").status == .unprocessableEntity)
            #expect(try await app.postSale(SaleFixtures.body(campaign), key: world.foreignKey, idempotencyKey: "b5").status == .unprocessableEntity)
            #expect(try await SaleModel.query(on: app.db).count() == 0)
        }
    }

    @Test("the link accepts: offer page, acceptance with evidence, receipt; guessed tokens are 404 and change nothing")
    func linkAcceptance() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "l").json()["id"] as? String)?
                    .lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (token, _) = try #require(secrets(inSMS: sms.body))

            #expect(try await app.get("/t/AAAAAAAAAAAAAAAAAAAAAAAA", as: .anonymous).status == .notFound)
            #expect(try await app.postForm("/t/AAAAAAAAAAAAAAAAAAAAAAAA/accept", [:], as: .anonymous).status == .notFound)
            #expect(try await app.postForm("/t/short/accept", [:], as: .anonymous).status == .notFound)

            let page = try await app.get("/t/\(token)", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("Jeg aksepterer tilbudet"))
            #expect(page.text.contains("Nei takk"))
            #expect(page.text.contains("Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig."))
            #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous, csrf: false).status == .forbidden)
            let accepted = try await app.postForm("/t/\(token)/accept", [:], as: .anonymous)
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("Kvittering"))
            let sale = try #require(try await SaleModel.find(UUID(uuidString: id), on: app.db))
            #expect(sale.state == "accepted")
            #expect(accepted.text.contains(sale.reference))
            // twice is harmless
            #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .ok)
            let evidence = try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == sale.requireID()).sort(\.$sequence).all()
            #expect(evidence.map(\.event) == ["registered", "sent", "opened", "accepted"])
            let acceptedEntry = try #require(evidence.last)
            #expect(acceptedEntry.offerTextSHA256 == sale.offerSHA256)
            #expect(acceptedEntry.channel == "link")
            #expect(acceptedEntry.fingerprint != nil)
            #expect(EvidenceChainVerifier.verify(evidence.compactMap(\.entry), saleID: id, expectedHead: sale.evidenceHead).isIntact)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):receipt:accepted:sms").count() == 1)
            #expect(
                try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):reminder:sms").first()?.status == .failed,
                "reminder cancelled")
            // decline after acceptance is refused; withdrawal works
            #expect(try await app.postForm("/t/\(token)/decline", [:], as: .anonymous).status == .conflict)
            let withdrawn = try await app.postForm("/t/\(token)/withdraw", [:], as: .anonymous)
            #expect(withdrawn.status == .ok)
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "withdrawn")
            #expect(try await app.get("/t/\(token)", as: .anonymous).status == .gone)
        }
    }

    @Test("signed SMS replies accept; unsigned, forged, replayed or from another number change nothing")
    func smsReplies() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "s").json()["id"] as? String)?
                    .lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (_, code) = try #require(secrets(inSMS: sms.body))

            #expect(try await app.inboundSMS(from: "+4791234567", text: "JA \(code)", signature: "").status == .unauthorized)
            #expect(try await app.inboundSMS(from: "+4791234567", text: "JA \(code)", secret: "forged-secret").status == .unauthorized)
            let stranger = try await app.inboundSMS(from: "+4791111111", text: "JA \(code)")
            #expect(try stranger.json()["result"] as? String == "unknown_code")
            let wrong = try await app.inboundSMS(from: "+4791234567", text: "JA ABCDEF")
            #expect(try wrong.json()["result"] as? String == "unknown_code")
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "sent")

            let yes = try await app.inboundSMS(from: "+4791234567", text: "Ja \(code.lowercased()) takk")
            #expect(yes.status == .ok)
            #expect(try yes.json()["result"] as? String == "accepted")
            #expect(try await app.inboundSMS(from: "+4791234567", text: "Ja \(code.lowercased()) takk").status == .conflict, "replay refused")
            let sale = try #require(try await SaleModel.find(UUID(uuidString: id), on: app.db))
            #expect(sale.state == "accepted")
            #expect(try sale.lifecycle().acceptedVia == .sms)
            let angre = try await app.inboundSMS(from: "+4791234567", text: "ANGRE \(code)")
            #expect(try angre.json()["result"] as? String == "withdrawn")
        }
    }

    @Test("an unanswered offer expires after the deadline: the link then shows 410 and cannot accept")
    func expiry() async throws {
        let clock = TestClock(testNow)
        try await withTestApp(clock: AppClock { clock.value }) { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "e").json()["id"] as? String)?
                    .lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (token, _) = try #require(secrets(inSMS: sms.body))
            clock.value = testNow.addingTimeInterval(4 * 86400)
            try await OutboxWorker.runOnce(app)
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.lifecycle().reminderSentAt != nil, "reminder sent after 3 days")
            clock.value = testNow.addingTimeInterval(16 * 86400)
            // Expiry is a job of its own, not part of the outbox pass.
            try await OutboxWorker.runOnce(app)
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "sent")
            let runs = try await JobRunner.runDue(app)
            #expect(runs.first { $0.kind == "offer-expiry" }?.result == "1 expired")
            #expect(try await SaleModel.find(UUID(uuidString: id), on: app.db)?.state == "expired")
            #expect(try await app.get("/t/\(token)", as: .anonymous).status == .gone)
            #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .gone)
        }
    }

    @Test(
        "end to end: offer reaches the HTTP SMS sink and aiosmtpd; link and SMS reply accept; the client's webhook hears it, signed",
        .enabled(if: LocalSinks.enabled, LocalSinks.skipMessage))
    func endToEnd() async throws {
        try await LocalSinks.with { sinks in
            try await withTestApp { app in
                let world = try await TestWorld.make(app)
                let campaign = try await SaleFixtures.campaign(app, world, webhookURL: "http://127.0.0.1:\(sinks.httpPort)/webhook")
                app.messaging.transports[.sms] = HTTPSMSTransport(
                    client: app.client, settings: SMSGatewaySettings(url: "http://127.0.0.1:\(sinks.httpPort)/sms", token: "gw"), from: "2222")
                var smtp = SMTPSettings(host: "127.0.0.1", port: sinks.smtpPort, tls: .off, fromAddress: "noreply@tmnorm.test")
                smtp.username = LocalSinks.smtpUser
                smtp.password = LocalSinks.smtpPassword
                app.messaging.transports[.email] = SMTPTransport(settings: smtp, eventLoopGroup: app.eventLoopGroup)

                let first = try #require(
                    (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "e2e-1").json()["id"] as? String)?
                        .lowercased())
                let second = try #require(
                    (try await app.postSale(
                        SaleFixtures.body(campaign, phone: "98765432", email: nil), key: world.callCentreKey, idempotencyKey: "e2e-2"
                    ).json()["id"] as? String)?.lowercased())
                try await OutboxWorker.runOnce(app)
                let smsBodies = sinks.received("http").filter { $0["path"] as? String == "/sms" }.compactMap { $0["body"] as? String }
                // One notice each, and the whole offer text in parts for the consumer without e-mail.
                let parts = smsBodies.filter { $0.contains(":offer:text:") }
                #expect(smsBodies.count - parts.count == 2)
                #expect(parts.count > 1)
                let mails = try await sinks.waitFor("smtp", count: 1)
                #expect(mails.first?["rcpt_tos"] as? [String] == ["ola@example.no"])
                #expect((mails.first?["body"] as? String)?.contains("Du er bare bundet") == true)
                // delivered bodies are gone from the outbox
                #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(first):offer:sms").first()?.body == "")

                // The notice with link and code (the whole text follows it in parts for the consumer without e-mail).
                func smsText(to number: String) -> String? {
                    smsBodies.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
                        .first { $0["to"] == number && ($0["id"] ?? "").hasSuffix(":offer:sms") }?["text"]
                }
                let firstText = try #require(smsText(to: "+4791234567"))
                let (token, _) = try #require(secrets(inSMS: firstText))
                #expect(try await app.postForm("/t/\(token)/accept", [:], as: .anonymous).status == .ok)
                let secondText = try #require(smsText(to: "+4798765432"))
                let (_, code) = try #require(secrets(inSMS: secondText))
                #expect(try await app.inboundSMS(from: "+4798765432", text: "JA \(code)").json()["result"] as? String == "accepted")

                try await OutboxWorker.runOnce(app)
                let hooks = sinks.received("http").filter { $0["path"] as? String == "/webhook" }
                #expect(hooks.count == 2)
                for hook in hooks {
                    let payload = Array((hook["body"] as? String ?? "").utf8)
                    let header = (hook["headers"] as? [String: String])?["x-tmnorm-webhook-signature"]
                    #expect(throws: Never.self) {
                        try WebhookSignature.verify(
                            header: header, payload: payload, secrets: [Array(SaleFixtures.webhookSecret.utf8)],
                            now: Int64(testNow.timeIntervalSince1970))
                    }
                    #expect((hook["body"] as? String)?.contains("\"type\":\"sale.accepted\"") == true)
                }
                #expect(
                    Set(hooks.compactMap { ($0["body"] as? String).flatMap { body in [first, second].first { body.contains($0) } } }) == [
                        first, second,
                    ])
            }
        }
    }
}
