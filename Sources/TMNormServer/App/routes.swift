import Vapor

/// Wires the features into the messaging layer and starts the outbox worker and the job runner
/// (outside tests, and only in processes that run background work: `TMNORM_WORKER`, `TMNORM_JOBS`).
func backgroundWork(_ app: Application) {
    Messaging.boot(app)
    ConfirmationsBoot.boot(app)
    if app.config.jobsEnabled && app.environment != .testing {
        app.lifecycle.use(JobRunnerLifecycle(interval: app.config.jobsInterval))
    }
}

/// Registers every route: public pages, the signed-in web application, the JSON API.
func routes(_ app: Application) throws {
    try publicRoutes(app)
    try webRoutes(app)
    try apiRoutes(app)
}

/// Pages and endpoints anyone may reach: log-in and invitations, health and metrics, the public register,
/// the consumer's offer and stop-calls pages, the guidelines.
func publicRoutes(_ app: Application) throws {
    try app.register(collection: OperationsRoutes())
    try app.register(collection: LandingRoutes())
    try app.register(collection: AccountRoutes())
    try app.register(collection: PublicRegisterWebRoutes())
    try app.register(collection: ConsumerOfferRoutes())
    try app.register(collection: ConsumerBlockRoutes())
    try app.register(collection: ComplaintWebRoutes())
    try app.register(collection: GuidelineRoutes())
    try app.register(collection: EvidenceLogWebRoutes())
    try app.register(collection: EventWebRoutes())
}

/// The signed-in web application (each handler checks the user's role and organisation).
func webRoutes(_ app: Application) throws {
    try app.register(collection: DashboardRoutes())
    try app.register(collection: OrganisationWebRoutes())
    try app.register(collection: UserRoutes())
    try app.register(collection: APIKeyRoutes())
    try app.register(collection: RegisterWebRoutes())
    try app.register(collection: WashWebRoutes())
    try app.register(collection: BlockListWebRoutes())
    try app.register(collection: CampaignWebRoutes())
    try app.register(collection: OutboxWebRoutes())
    try app.register(collection: JobWebRoutes())
    try app.register(collection: OfferSettingsRoutes())
    try app.register(collection: SalesWebRoutes())
    try app.register(collection: SaleStaffRoutes())
    try app.register(collection: SaleFormRoutes())
    try app.register(collection: ExemptionWebRoutes())
    try app.register(collection: IndustryNormRoutes())
    try app.register(collection: DecisionWebRoutes())
    try app.register(collection: MayCallWebRoutes())
    try app.register(collection: AuthorizationCentreRoutes(complaints: ComplaintFollowUpFigures(keys: app.serverKeys)))
    try app.register(collection: AuthorizationApplicationRoutes())
    try app.register(collection: ComplaintCaseRoutes())
    try app.register(collection: EvaluationWebRoutes())
    try app.register(collection: EventAdminRoutes())
    try app.register(collection: MeetingWebRoutes())
}

/// The JSON API under /api/v1. It authenticates machine clients by bearer key only; browser sessions are
/// ignored there, so a logged-in browser cannot be tricked into cross-site API writes.
func apiRoutes(_ app: Application) throws {
    let apiBase = app.grouped("api", "v1").grouped(APIOnlyMiddleware(), APIKeyAuthenticator(), APIKeyRequired())
    let api = apiBase.grouped(JSONBodyMiddleware())
    try api.register(collection: MeAPIRoutes())
    try api.register(collection: OrganisationAPIRoutes())
    try api.register(collection: BlockListAPIRoutes())
    try api.register(collection: MayCallAPIRoutes())
    try api.register(collection: SaleAPIRoutes())
    try api.register(collection: ExemptionAPIRoutes())
    try api.register(collection: ComplaintAPIRoutes())
    try api.register(collection: EvaluationAPIRoutes())
    try api.register(collection: MeetingAPIRoutes())
    // Lists are posted as CSV, not JSON.
    try apiBase.grouped(CSVBodyMiddleware()).register(collection: WashAPIRoutes(destinations: CampaignWashDestinations()))
    // Signed by the SMS gateway (HMAC of the body), not by an API key.
    try app.grouped("api", "v1").grouped(APIOnlyMiddleware()).register(collection: InboundSMSRoutes())
    // The public register needs no key: anyone may check a centre's status.
    try app.grouped("api", "v1").grouped(APIOnlyMiddleware()).register(collection: PublicRegisterAPIRoutes())
    // The evidence log is public too: its leaves hold no personal data.
    try app.grouped("api", "v1").grouped(APIOnlyMiddleware()).register(collection: EvidenceLogAPIRoutes())
    // Events take registrations without a key: the association embeds the form on its own site.
    try app.grouped("api", "v1").grouped(APIOnlyMiddleware()).register(collection: EventAPIRoutes())
}

/// Routes behind it need an API key: 401 comes before any check of the body.
struct APIKeyRequired: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.auth.has(APIClient.self) else { throw AppError.unauthorized() }
        return try await next.respond(to: req)
    }
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
