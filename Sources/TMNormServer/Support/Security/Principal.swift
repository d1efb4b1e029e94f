import Foundation
import TMNormCore
import Vapor

/// The logged-in person, loaded once per request from the session.
struct CurrentUser: Authenticatable, Sendable {
    let id: UUID
    let name: String
    let email: String
    let role: Role
    let organisationID: UUID
    let organisationName: String
    let organisationKind: OrganisationKind
    let sessionID: UUID

    var actor: Actor { Actor(organisationKind: organisationKind, kind: .person(role)) }
}

/// A machine client authenticated by an organisation's API key.
struct APIClient: Authenticatable, Sendable {
    let keyID: UUID
    let organisationID: UUID
    let organisationKind: OrganisationKind

    var actor: Actor { Actor(organisationKind: organisationKind, kind: .apiKey) }
}

/// Who is making a request, whichever way they authenticated.
struct RequestPrincipal: Sendable {
    let actor: Actor
    let organisationID: UUID
    let user: CurrentUser?
}

extension Request {
    /// The logged-in person, or 401.
    func requireUser() throws -> CurrentUser {
        guard let user = auth.get(CurrentUser.self) else { throw AppError.unauthorized() }
        return user
    }

    /// The person or API client behind this request, or 401.
    func requirePrincipal() throws -> RequestPrincipal {
        if let user = auth.get(CurrentUser.self) {
            return RequestPrincipal(actor: user.actor, organisationID: user.organisationID, user: user)
        }
        if let client = auth.get(APIClient.self) {
            return RequestPrincipal(actor: client.actor, organisationID: client.organisationID, user: nil)
        }
        throw AppError.unauthorized()
    }

    /// Who asked, as decision and sale records keep it: "api-key:ID", "user:ID", or "unknown".
    var actorLabel: String {
        if let client = auth.get(APIClient.self) { return "api-key:\(client.keyID.uuidString.lowercased())" }
        if let user = auth.get(CurrentUser.self) { return "user:\(user.id.uuidString.lowercased())" }
        return "unknown"
    }
}
