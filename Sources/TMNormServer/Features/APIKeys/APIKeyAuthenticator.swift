import Vapor

/// Authenticates `Authorization: Bearer KEY` against the hashed API keys.
struct APIKeyAuthenticator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            guard let client = try await APIKeyService.authenticate(bearer.token, on: req) else {
                throw AppError.unauthorized()
            }
            req.auth.login(client)
        }
        return try await next.respond(to: req)
    }
}
