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
            .map {
                .init(
                    id: try $0.requireID(), name: $0.name, prefix: $0.prefix, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt,
                    revokedAt: $0.revokedAt)
            }
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
        guard
            let key = try await APIKeyModel.query(on: req.db)
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
