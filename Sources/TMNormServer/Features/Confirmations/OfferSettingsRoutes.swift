import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/offer-settings`: what the own organisation puts in written offers (address, phone, e-mail) and,
/// for clients, where webhooks go and the secret that signs them. Own organisation only.
struct OfferSettingsRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("offer-settings", use: show)
        routes.post("offer-settings", use: save)
    }

    static func requireEditor(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard user.role == .callCentreAdmin || user.role == .clientUser else { throw AppError.forbidden() }
        return user
    }

    func show(req: Request) async throws -> Response {
        let user = try Self.requireEditor(req)
        let settings = try await OfferSettingsModel.query(on: req.db).filter(\.$organisationID == user.organisationID).first()
        return .html(OfferSettingsView.render(.init(settings: settings, isClient: user.organisationKind == .client, problems: [], saved: req.query[String.self, at: "saved"] != nil), context: req.pageContext))
    }

    struct Input: Content {
        var address: String?
        var phone: String?
        var email: String?
        var webhook_url: String?
        var webhook_secret: String?
    }

    func save(req: Request) async throws -> Response {
        let user = try Self.requireEditor(req)
        let input = try req.content.decode(Input.self)
        func clean(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        var problems: [FieldProblem] = []
        let address = clean(input.address)
        if let address, address.count > 200 || address.unicodeScalars.contains(where: { $0.value < 0x20 }) { problems.append(.init(field: "address", reason: "one line of at most 200 characters")) }
        let phone = clean(input.phone)
        if let phone, PhoneNumber.parse(phone).number == nil { problems.append(.init(field: "phone", reason: "is not a valid Norwegian number")) }
        let email = clean(input.email)
        if let email, (try? EmailAddress(email)) == nil { problems.append(.init(field: "email", reason: "is not a valid e-mail address")) }
        let url = clean(input.webhook_url)
        let secret = clean(input.webhook_secret)
        if user.organisationKind == .client {
            if let url {
                do {
                    _ = try await WebhookTarget.check(url, allowedHosts: req.application.config.webhookAllowedHosts, pool: req.application.threadPool)
                } catch {
                    problems.append(.init(field: "webhook_url", reason: req.language == .en ? error.reason.en : error.reason.nb))
                }
            }
            if let secret, secret.count < 16 || secret.count > 200 { problems.append(.init(field: "webhook_secret", reason: "16–200 characters")) }
        }
        let existing = try await OfferSettingsModel.query(on: req.db).filter(\.$organisationID == user.organisationID).first()
        guard problems.isEmpty else {
            return .html(OfferSettingsView.render(.init(settings: existing, isClient: user.organisationKind == .client, problems: problems, saved: false), context: req.pageContext), status: .unprocessableEntity)
        }
        let settings = existing ?? OfferSettingsModel()
        settings.organisationID = user.organisationID
        settings.address = address
        settings.phone = phone
        settings.email = email
        if user.organisationKind == .client {
            settings.webhookURL = url
            // An empty secret field keeps the stored one (it is never shown again).
            if let secret { settings.webhookSecret = secret }
        }
        settings.updatedAt = req.now
        try await settings.save(on: req.db)
        return req.redirect(to: SiteRoute.offerSettings.path + "?saved=1", redirectType: .normal)
    }
}

/// The settings form.
enum OfferSettingsView {
    struct Model: Sendable {
        let address: String
        let phone: String
        let email: String
        let webhookURL: String
        let hasSecret: Bool
        let isClient: Bool
        let problems: [FieldProblem]
        let saved: Bool

        init(settings: OfferSettingsModel?, isClient: Bool, problems: [FieldProblem], saved: Bool) {
            address = settings?.address ?? ""
            phone = settings?.phone ?? ""
            email = settings?.email ?? ""
            webhookURL = settings?.webhookURL ?? ""
            hasSecret = settings?.webhookSecret != nil
            self.isClient = isClient
            self.problems = problems
            self.saved = saved
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.reason }
        return Layout.page(title: context.t(Phrase(nb: "Opplysninger i skriftlige tilbud", en: "Details in written offers")), context: context) {
            if model.saved { el("p", .class("notice")) { context.t(Phrase(nb: "Lagret.", en: "Saved.")) } }
            el("p") { context.t(Phrase(nb: "Tilbudet må oppgi adresse og telefon eller e-post; angreskjemaet sendes til oppdragsgiverens adresse.", en: "The offer must give an address and a phone or e-mail; the withdrawal form is addressed to the client.")) }
            Form.post(SiteRoute.offerSettings.path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Postadresse", en: "Postal address")), name: "address", value: model.address, required: false, error: error("address"))
                Form.field(context.t(Phrase(nb: "Telefon", en: "Phone")), name: "phone", type: "tel", value: model.phone, required: false, error: error("phone"))
                Form.field(context.t(Phrase(nb: "E-post", en: "E-mail")), name: "email", type: "email", value: model.email, required: false, error: error("email"))
                if model.isClient {
                    Form.field(context.t(Phrase(nb: "Webhook-URL", en: "Webhook URL")), name: "webhook_url", type: "url", value: model.webhookURL, required: false,
                               hint: context.t(Phrase(nb: "Vi sender sale.accepted, sale.declined, sale.expired og sale.withdrawn, signert med X-TMNorm-Webhook-Signature.", en: "We send sale.accepted, sale.declined, sale.expired and sale.withdrawn, signed with X-TMNorm-Webhook-Signature.")), error: error("webhook_url"))
                    Form.field(context.t(Phrase(nb: "Webhook-hemmelighet", en: "Webhook secret")), name: "webhook_secret", type: "password", required: false,
                               hint: model.hasSecret ? context.t(Phrase(nb: "Lagret. La feltet stå tomt for å beholde den.", en: "Stored. Leave empty to keep it.")) : nil, error: error("webhook_secret"))
                }
                Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
            }
        }
    }
}
