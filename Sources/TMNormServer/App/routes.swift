import Vapor

/// Registers every feature's routes.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsRoutes())
    try app.register(collection: AccountRoutes())
    try app.register(collection: DashboardRoutes())
    try app.register(collection: OrganisationWebRoutes())
    try app.register(collection: UserRoutes())
    try app.register(collection: APIKeyRoutes())

    // The JSON API authenticates machine clients by bearer key only; browser sessions are ignored
    // there, so a logged-in browser cannot be tricked into cross-site API writes.
    let api = app.grouped("api", "v1").grouped(APIOnlyMiddleware(), APIKeyAuthenticator(), JSONBodyMiddleware())
    try api.register(collection: MeAPIRoutes())
    try api.register(collection: OrganisationAPIRoutes())
}

/// Drops a cookie-authenticated user on API routes.
struct APIOnlyMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        req.auth.logout(CurrentUser.self)
        return try await next.respond(to: req)
    }
}

/// `GET /api/v1/me`.
struct MeAPIRoutes: RouteCollection {
    struct MeDTO: Content {
        let organisation: OrganisationDTO
        let key_id: UUID
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", use: me)
    }

    func me(req: Request) async throws -> MeDTO {
        guard let client = req.auth.get(APIClient.self) else { throw AppError.unauthorized() }
        guard let organisation = try await OrganisationModel.find(client.organisationID, on: req.db) else { throw AppError.unauthorized() }
        return MeDTO(organisation: try OrganisationDTO(organisation), key_id: client.keyID)
    }
}
