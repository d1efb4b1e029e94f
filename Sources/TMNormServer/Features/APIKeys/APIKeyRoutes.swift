import Foundation
import Fluent
import TMNormCore
import Vapor

/// `/api-keys`: an organisation's administrators create and revoke keys for machine clients.
struct APIKeyRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api-keys", use: list)
        routes.post("api-keys", use: create)
        routes.post("api-keys", ":id", "revoke", use: revoke)
    }

    private func requireAdministrator(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard AccessPolicy.canManageAPIKeys(user.actor) else { throw AppError.forbidden() }
        return user
    }

    private func rows(_ user: CurrentUser, on req: Request) async throws -> [APIKeysView.Row] {
        try await APIKeyModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID)
            .sort(\.$createdAt, .descending).all()
            .map { .init(id: try $0.requireID(), name: $0.name, prefix: $0.prefix, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt) }
    }

    func list(req: Request) async throws -> Response {
        let user = try requireAdministrator(req)
        return .html(APIKeysView.render(.init(rows: try await rows(user, on: req)), context: req.pageContext))
    }

    struct CreateInput: Content { var name: String? }

    func create(req: Request) async throws -> Response {
        let user = try requireAdministrator(req)
        let input = try req.content.decode(CreateInput.self)
        do {
            let created = try await APIKeyService.create(
                organisationID: user.organisationID, name: input.name ?? "", on: req.db, tokens: req.application.tokens, now: req.now)
            let model = APIKeysView.Model(rows: try await rows(user, on: req), newKey: created.key)
            return .html(APIKeysView.render(model, context: req.pageContext), status: .created)
        } catch let error as AppError where !error.fields.isEmpty {
            let model = APIKeysView.Model(rows: try await rows(user, on: req), problems: error.fields)
            return .html(APIKeysView.render(model, context: req.pageContext), status: error.status)
        }
    }

    func revoke(req: Request) async throws -> Response {
        let user = try requireAdministrator(req)
        let id = try req.uuidParameter()
        // Scoped to the user's organisation: another organisation's key id is simply not found.
        guard let key = try await APIKeyModel.query(on: req.db)
            .filter(\.$id == id).filter(\.$organisation.$id == user.organisationID).first()
        else { throw AppError.notFound() }
        if key.revokedAt == nil {
            key.revokedAt = req.now
            try await key.save(on: req.db)
        }
        req.application.apiKeyCache.revoke(keyID: id)
        return req.redirect(to: .apiKeys)
    }
}

/// The API key page; a new key is shown once.
enum APIKeysView {
    struct Row: Sendable {
        let id: UUID
        let name: String
        let prefix: String
        let createdAt: Date
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    struct Model: Sendable {
        var rows: [Row]
        var newKey: String? = nil
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "API-nøkler", en: "API keys")), context: context) {
            if let key = model.newKey {
                el("div", .class("notice"), .init("role", "status")) {
                    el("p") { context.t(Phrase(nb: "Ny nøkkel. Kopier den nå — den vises ikke igjen. Send den som «Authorization: Bearer NØKKEL».", en: "New key. Copy it now — it will not be shown again. Send it as “Authorization: Bearer KEY”.")) }
                    el("p", .class("secret")) { key }
                }
            }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") { el("tr") {
                        el("th") { context.t(Phrase(nb: "Navn", en: "Name")) }
                        el("th") { context.t(Phrase(nb: "Begynner med", en: "Starts with")) }
                        el("th") { context.t(Phrase(nb: "Opprettet", en: "Created")) }
                        el("th") { context.t(Phrase(nb: "Sist brukt", en: "Last used")) }
                        el("th") { context.t(Phrase(nb: "Status", en: "Status")) }
                    } }
                    el("tbody") {
                        for row in model.rows {
                            el("tr") {
                                el("td") { row.name }
                                el("td") { el("code") { row.prefix + "…" } }
                                el("td") { NorwegianFormat.dateTime(row.createdAt) }
                                el("td") { row.lastUsedAt.map(NorwegianFormat.dateTime) ?? "—" }
                                el("td") {
                                    if let revoked = row.revokedAt {
                                        context.t(Phrase(nb: "Tilbakekalt", en: "Revoked")) + " " + NorwegianFormat.dateTime(revoked)
                                    } else {
                                        Form.post(SiteRoute.revokeAPIKey(row.id).path, csrf: context.csrf, class: "inline") {
                                            Form.submit(context.t(Phrase(nb: "Tilbakekall", en: "Revoke")), class: "button secondary")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Ny nøkkel", en: "New key")) }
            Form.post(SiteRoute.apiKeys.path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Navn (f.eks. «Dialer produksjon»)", en: "Name (e.g. “Production dialer”)")), name: "name",
                           error: model.problems.first { $0.field == "name" }?.reason)
                Form.submit(context.t(Phrase(nb: "Lag nøkkel", en: "Create key")))
            }
        }
    }
}
