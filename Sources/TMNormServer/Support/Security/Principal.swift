import Foundation
import TMNormCore
import Vapor

/// The logged-in person, loaded once per request from the session.
public struct CurrentUser: Authenticatable, Sendable {
    public let id: UUID
    public let name: String
    public let email: String
    public let role: Role
    public let organisationID: UUID
    public let organisationName: String
    public let organisationKind: OrganisationKind
    public let sessionID: UUID

    public var actor: Actor { Actor(organisationKind: organisationKind, kind: .person(role)) }
}

/// A machine client authenticated by an organisation's API key.
public struct APIClient: Authenticatable, Sendable {
    public let keyID: UUID
    public let organisationID: UUID
    public let organisationKind: OrganisationKind

    public var actor: Actor { Actor(organisationKind: organisationKind, kind: .apiKey) }
}

/// Who is making a request, whichever way they authenticated.
public struct RequestPrincipal: Sendable {
    public let actor: Actor
    public let organisationID: UUID
    public let user: CurrentUser?
}

extension Request {
    /// The logged-in person, or 401.
    public func requireUser() throws -> CurrentUser {
        guard let user = auth.get(CurrentUser.self) else { throw AppError.unauthorized() }
        return user
    }

    /// The person or API client behind this request, or 401.
    public func requirePrincipal() throws -> RequestPrincipal {
        if let user = auth.get(CurrentUser.self) {
            return RequestPrincipal(actor: user.actor, organisationID: user.organisationID, user: user)
        }
        if let client = auth.get(APIClient.self) {
            return RequestPrincipal(actor: client.actor, organisationID: client.organisationID, user: nil)
        }
        throw AppError.unauthorized()
    }

    /// Who asked, as decision and sale records keep it: "api-key:ID", "user:ID", or "unknown".
    public var actorLabel: String {
        if let client = auth.get(APIClient.self) { return "api-key:\(client.keyID.uuidString.lowercased())" }
        if let user = auth.get(CurrentUser.self) { return "user:\(user.id.uuidString.lowercased())" }
        return "unknown"
    }
}
