import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import Vapor

/// Builds the application in one pass: configuration and clock, the shared services, the database,
/// middleware, background work, routes, migrations. Everything shared is made here, before any request.
func configure(_ app: Application, config: AppConfig, migrate: Bool = true) async throws {
    app.config = config
    app.plumbing = PlumbingSettings(dataDirectory: config.dataDirectory, trustedProxies: config.trustedProxies)
    if !app.hasClock { app.clock = .system }
    AppServices.setUp(app)
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"
    // Outgoing requests (webhooks, SMS gateway) never follow redirects: a redirect could lead a webhook
    // past the address check into the server's own network.
    app.http.client.configuration.redirectConfiguration = .disallow
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    try await useDatabase(config, on: app)
    app.logger.info("database", metadata: ["location": .string(config.database.redacted)])

    // Replace Vapor's defaults: its route logger prints concrete paths, which can hold tokens.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware(metrics: app.metricsRegistry))
    app.middleware.use(SecurityHeadersMiddleware(hsts: config.tlsTerminated))
    app.middleware.use(AppErrorMiddleware(page: ErrorPage.response))
    app.middleware.use(LanguageCookieMiddleware(secureCookies: config.tlsTerminated))
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(CSRF(secureCookies: config.tlsTerminated, sessionToken: SessionAuthenticator.sessionToken))

    if case .sqlite(let path) = config.database, app.environment != .testing {
        SQLiteSetup.checkpointOffTheRequestPath(path: path, interval: config.sqliteCheckpointSeconds, logLimitMB: config.sqliteLogLimitMB, on: app)
    }
    // Uploads a crashed process left behind (its request handler never ran its cleanup).
    UploadSpool.sweepOrphans(dataDirectory: config.dataDirectory)
    app.migrations.add(Migrations.all)
    backgroundWork(app)
    try routes(app)
    if migrate {
        try await app.autoMigrate()
    }
}

/// Only what reading and writing the database needs: configuration, clock, services, the database and
/// the list of migrations (run when `migrate`). No middleware, routes or background work: for commands
/// that read a few tables (`tmnorm wash --client`) rather than serve.
func configureDatabase(_ app: Application, config: AppConfig, migrate: Bool) async throws {
    app.config = config
    app.plumbing = PlumbingSettings(dataDirectory: config.dataDirectory, trustedProxies: config.trustedProxies)
    if !app.hasClock { app.clock = .system }
    AppServices.setUp(app)
    try await useDatabase(config, on: app)
    app.migrations.add(Migrations.all)
    if migrate {
        try await app.autoMigrate()
    }
}

private func useDatabase(_ config: AppConfig, on app: Application) async throws {
    switch config.database {
    case .sqlite(let path):
        try await SQLiteSetup.use(path: path, poolTimeout: config.databasePoolTimeout, on: app)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema = config.postgresSchema {
            configuration.searchPath = [schema]
        }
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(config.databasePoolTimeout)),
            as: .psql)
        if let schema = config.postgresSchema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    }
}

/// Remembers an explicit language choice (`?lang=en`) in a cookie.
struct LanguageCookieMiddleware: AsyncMiddleware {
    let secureCookies: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if let choice = req.queryString["lang"], let language = Language(rawValue: choice),
            req.cookies[Language.cookieName]?.string != choice
        {
            response.cookies[Language.cookieName] = HTTPCookies.Value(
                string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: secureCookies,
                isHTTPOnly: true, sameSite: .lax)
        }
        response.headers.replaceOrAdd(name: .contentLanguage, value: req.language.rawValue)
        return response
    }
}
