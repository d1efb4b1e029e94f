import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/offer-settings`: what the own organisation puts in written offers (address, phone, e-mail) and,
/// for clients, where webhooks go and the secret that signs them. Own organisation only.
struct OfferSettingsRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.offerSettings, use: show)
        routes.post(.offerSettings, use: save)
    }

    static func requireEditor(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard user.role == .callCentreAdmin || user.role == .clientUser else { throw AppError.forbidden() }
        return user
    }

    func show(req: Request) async throws -> Response {
        let user = try Self.requireEditor(req)
        let settings = try await OfferSettingsModel.query(on: req.db).filter(\.$organisationID == user.organisationID).first()
        return .html(
            OfferSettingsView.render(
                .init(
                    settings: settings, isClient: user.organisationKind == .client, problems: [], saved: req.query[String.self, at: "saved"] != nil),
                context: req.pageContext))
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
        if let address, address.count > 200 || address.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            problems.append(.init(field: "address", Phrase(nb: "én linje på høyst 200 tegn", en: "one line of at most 200 characters")))
        }
        let phone = clean(input.phone)
        if let phone, PhoneNumber.parse(phone).number == nil {
            problems.append(.init(field: "phone", Phrase(nb: "er ikke et gyldig norsk telefonnummer", en: "is not a valid Norwegian number")))
        }
        let email = clean(input.email)
        if let email, (try? EmailAddress(email)) == nil {
            problems.append(.init(field: "email", Phrase(nb: "er ikke en gyldig e-postadresse", en: "is not a valid e-mail address")))
        }
        let url = clean(input.webhook_url)
        let secret = clean(input.webhook_secret)
        if user.organisationKind == .client {
            if let url {
                do {
                    _ = try await WebhookTarget.check(url, allowedHosts: req.application.config.webhookAllowedHosts, pool: req.application.threadPool)
                } catch {
                    problems.append(.init(field: "webhook_url", Phrase(nb: error.reason.nb, en: error.reason.en)))
                }
            }
            if let secret, secret.count < 16 || secret.count > 200 {
                problems.append(.init(field: "webhook_secret", Phrase(nb: "16–200 tegn", en: "16–200 characters")))
            }
        }
        let existing = try await OfferSettingsModel.query(on: req.db).filter(\.$organisationID == user.organisationID).first()
        guard problems.isEmpty else {
            return .html(
                OfferSettingsView.render(
                    .init(settings: existing, isClient: user.organisationKind == .client, problems: problems, saved: false), context: req.pageContext),
                status: .unprocessableEntity)
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
        return req.redirect(to: .offerSettings, query: ["saved": "1"])
    }
}
