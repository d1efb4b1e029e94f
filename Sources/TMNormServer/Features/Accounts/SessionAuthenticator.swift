import Fluent
import Vapor

/// Reads the session cookie and logs the user in when the session is valid.
struct SessionAuthenticator: AsyncMiddleware {
    static let cookieName = SessionCookie.name

    /// The session cookie of the signed-in user, to which CSRF tokens are bound; nil when signed out.
    @Sendable
    static func sessionToken(_ req: Request) -> String? {
        req.auth.has(CurrentUser.self) ? req.cookies[cookieName]?.string : nil
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = req.cookies[Self.cookieName]?.string, !token.isEmpty, token.count <= 128 {
            if let user = try await Self.user(forToken: token, on: req) {
                req.auth.login(user)
            }
        }
        return try await next.respond(to: req)
    }

    static func user(forToken token: String, on req: Request) async throws -> CurrentUser? {
        let hash = TokenGenerator.hash(token)
        let found = try await SessionModel.query(on: req.db)
            .filter(\.$tokenHash == hash)
            .with(\.$user) { $0.with(\.$organisation) }
            .first()
        guard
            let session = found,
            session.expiresAt > req.now,
            session.user.disabledAt == nil,
            let sessionID = session.id, let userID = session.user.id,
            let organisationID = session.user.organisation.id
        else { return nil }
        let user = session.user
        return CurrentUser(
            id: userID, name: user.name, email: user.email, role: user.role,
            organisationID: organisationID, organisationName: user.organisation.name,
            organisationKind: user.organisation.kind, sessionID: sessionID)
    }
}
