import Fluent
import Foundation
import TMNormCore
import Vapor

/// Demo sales (UniCall for Nordlys Energi) in different states, registered by UniCall's demo agent through
/// `SaleService` exactly as the API does, and answered through the consumer's link authorization, so every
/// evidence chain is real and verifies. Electricity offers ("Nordlys vinterstrøm") can be accepted only after
/// 24 hours, so the demo's accepted sales are on the ordinary campaign ("Nordlys Smarthus").
enum DemoSales {
    static let electricityCampaign = "Nordlys vinterstrøm"
    static let ordinaryCampaign = "Nordlys Smarthus"

    /// (campaign, consumer, phone, product, amount, what the consumer does)
    static let sales: [(String, String, String, String, String, Answer)] = [
        (ordinaryCampaign, "Kari Nordmann", "+47 930 10 001", "Nordlys Smarthus Trygg", "149,00", .accept),
        (electricityCampaign, "Ola Hansen", "+47 930 10 002", "Nordlys Spotpris Pluss", "39,00", .decline),
        (electricityCampaign, "Siri Berg", "+47 930 10 003", "Nordlys Fastpris Vinter", "449,00", .none),
        (ordinaryCampaign, "Per Olsen", "+47 930 10 004", "Nordlys Smarthus Trygg", "149,00", .acceptThenWithdraw),
        (ordinaryCampaign, "Eva Moen", "+47 930 10 005", "Nordlys Smarthus Pluss", "199,00", .accept),
    ]

    enum Answer { case none, accept, decline, acceptThenWithdraw }

    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        let now = app.clock.now()
        guard let unicall = ids["unicall"], let nordlys = ids["nordlys"],
            let agent = try await UserModel.query(on: db).filter(\.$email == "selger@unicall.demo").first()
        else { return }
        for (organisation, address, phone, email) in [
            (unicall, "Kongens gate 10, 0153 Oslo", "22990000", "kundeservice@unicall.demo"),
            (nordlys, "Strømveien 5, 0484 Oslo", "22991000", "kundeservice@nordlys.demo"),
        ] where try await OfferSettingsModel.query(on: db).filter(\.$organisationID == organisation).count() == 0 {
            let settings = OfferSettingsModel()
            settings.organisationID = organisation
            settings.address = address
            settings.phone = phone
            settings.email = email
            settings.updatedAt = now
            try await settings.create(on: db)
        }
        let user = CurrentUser(
            id: try agent.requireID(), name: agent.name, email: agent.email, role: .agent, organisationID: unicall,
            organisationName: "UniCall AS", organisationKind: .callCentre, sessionID: UUID())
        let principal = RequestPrincipal(actor: user.actor, organisationID: unicall, user: user)
        var campaignIDs: [String: String] = [:]
        for campaign in try await CampaignModel.query(on: db).filter(\.$callCentre.$id == unicall).all() {
            campaignIDs[campaign.name] = try campaign.requireID().uuidString.lowercased()
        }
        for (index, (campaignName, name, phone, product, amount, answer)) in sales.enumerated() {
            guard let campaignID = campaignIDs[campaignName] else { continue }
            let electricity = campaignName == electricityCampaign
            let object: [String: Any] = [
                "campaign_id": campaignID, "consumer": ["name": name, "phone": phone], "product": product,
                "price": ["amount": amount, "currency": "NOK", "period": "month"], "binding_months": 12,
                "terms": electricity
                    ? "Avtalen gjelder strømlevering til boligen. Ingen etableringsgebyr."
                    : "Abonnement på alarm og smarthusstyring. Ingen etableringsgebyr.",
                "payment": "Faktura hver måned med 14 dagers betalingsfrist, eller avtalegiro.",
                "delivery": electricity
                    ? "Strømleveransen starter fra neste måned etter at du har akseptert."
                    : "Utstyret sendes i posten innen 10 dager etter at du har akseptert; tjenesten starter når det er installert.",
                "termination": "Avtalen løper til den sies opp. Etter bindingstiden er oppsigelsestiden én måned; si opp skriftlig til kundeservice.",
            ]
            let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            let req = Request(application: app, method: .POST, url: "/api/v1/sales", on: app.eventLoopGroup.any())
            req.auth.login(user)
            let sale = try await SaleService.register(
                rawBody: ByteBuffer(data: body), idempotencyKey: "demo-sale-\(index + 1)", principal: principal, req: req
            ).sale
            guard answer != .none else { continue }
            // The consumer opens the link from the offer SMS (the only place the token exists).
            let key = "sale:\(try sale.requireID().uuidString.lowercased()):offer:sms"
            guard let sms = try await OutboxMessageModel.query(on: db).filter(\.$idempotencyKey == key).first(),
                let range = sms.body.range(of: #"/t/[A-Za-z0-9_-]+"#, options: .regularExpression),
                let stored = sale.tokenHash,
                let auth = ConsumerAuthorizer.viaLink(token: String(sms.body[range].dropFirst(3)), storedTokenHash: stored)
            else { continue }
            // Each step is stamped when it happens: the chain requires every entry to be no older than the one before.
            try await SaleService.appendEvidence(to: sale, kind: .opened, at: app.clock.now(), channel: "link", on: db)
            try await sale.save(on: db)
            switch answer {
            case .none: break
            case .decline:
                _ = try await SaleService.apply(.decline(auth), to: sale, app: app, on: db, now: app.clock.now(), channel: "link")
            case .accept:
                _ = try await SaleService.apply(.accept(auth), to: sale, app: app, on: db, now: app.clock.now(), channel: "link")
            case .acceptThenWithdraw:
                _ = try await SaleService.apply(.accept(auth), to: sale, app: app, on: db, now: app.clock.now(), channel: "link")
                _ = try await SaleService.apply(.withdraw(.consumer(auth)), to: sale, app: app, on: db, now: app.clock.now(), channel: "link")
            }
        }
    }
}
