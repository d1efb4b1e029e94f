import Vapor

/// Registers every feature's routes.
func routes(_ app: Application) throws {
    try app.register(collection: OperationsRoutes())
    try app.register(collection: AccountRoutes())
    try app.register(collection: DashboardRoutes())
    try app.register(collection: OrganisationWebRoutes())
    try app.register(collection: UserRoutes())
    try app.register(collection: APIKeyRoutes())
    try app.register(collection: RegisterWebRoutes())
    try app.register(collection: WashWebRoutes())
    try app.register(collection: BlockListWebRoutes())
    try app.register(collection: CampaignWebRoutes())
    Messaging.boot(app)
    // Shared caches are created before requests arrive: `Application.storage` is not safe to fill concurrently.
    app.decisionLogWriter = DecisionLogWriter()
    app.saleAnswerWriter = SaleAnswerWriter()
    app.mayCallCache = MayCallContextCache()
    app.washCallableIndex = WashCallableIndex()
    app.rateLimiters = RateLimiters()
    app.apiKeyCache = APIKeyCache()
    app.registerStore = RegisterStore()
    app.blockListLookup = BlockListLookup()
    app.exemptionLookup = ExemptionLookup()
    try app.register(collection: OutboxWebRoutes())
    ConfirmationsBoot.boot(app)
    app.jobs = JobRegistry(JobList.all)
    if app.config.jobsEnabled && app.environment != .testing {
        app.lifecycle.use(JobRunnerLifecycle(interval: app.config.jobsInterval))
    }
    try app.register(collection: JobWebRoutes())
    try app.register(collection: OfferSettingsRoutes())
    try app.register(collection: SalesWebRoutes())
    try app.register(collection: SaleStaffRoutes())
    try app.register(collection: ConsumerOfferRoutes())
    try app.register(collection: ExemptionWebRoutes())
    try app.register(collection: ConsumerBlockRoutes())
    try app.register(collection: IndustryNormRoutes())
    try app.register(collection: DecisionWebRoutes())
    try app.register(collection: PublicRegisterWebRoutes())
    try app.register(collection: AuthorizationCentreRoutes())
    try app.register(collection: AuthorizationApplicationRoutes())
    try app.register(collection: GuidelineRoutes())

    // The JSON API authenticates machine clients by bearer key only; browser sessions are ignored
    // there, so a logged-in browser cannot be tricked into cross-site API writes.
    let apiBase = app.grouped("api", "v1").grouped(APIOnlyMiddleware(), APIKeyAuthenticator(), APIKeyRequired())
    let api = apiBase.grouped(JSONBodyMiddleware())
    try api.register(collection: MeAPIRoutes())
    try api.register(collection: OrganisationAPIRoutes())
    try api.register(collection: BlockListAPIRoutes())
    try api.register(collection: MayCallAPIRoutes())
    try api.register(collection: SaleAPIRoutes())
    // Signed by the SMS gateway (HMAC of the body), not by an API key.
    try app.grouped("api", "v1").grouped(APIOnlyMiddleware()).register(collection: InboundSMSRoutes())
    try api.register(collection: ExemptionAPIRoutes())
    // Lists are posted as CSV, not JSON.
    try apiBase.grouped(CSVBodyMiddleware()).register(collection: WashAPIRoutes())
    // The public register needs no key: anyone may check a centre's status.
    try app.grouped("api", "v1").grouped(APIOnlyMiddleware()).register(collection: PublicRegisterAPIRoutes())
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
