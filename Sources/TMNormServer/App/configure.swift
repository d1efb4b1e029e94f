import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import Vapor

/// Builds the application: database, middleware, routes, migrations.
public func configure(_ app: Application, config: AppConfig, migrate: Bool = true) async throws {
    app.config = config
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"
    // Outgoing requests (webhooks, SMS gateway) never follow redirects: a redirect could lead a webhook
    // past the address check into the server's own network.
    app.http.client.configuration.redirectConfiguration = .disallow
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    let hashing = PasswordHashing(cost: config.bcryptCost)
    app.passwordHashing = hashing
    app.lifecycle.use(PasswordHashingLifecycle(hashing: hashing))

    try await useDatabase(config, on: app)
    app.logger.info("database", metadata: ["location": .string(config.database.redacted)])

    let metrics = MetricsRegistry()
    app.metricsRegistry = metrics
    // Replace Vapor's defaults: its route logger prints concrete paths, which can hold tokens.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware(metrics: metrics))
    app.middleware.use(SecurityHeadersMiddleware(hsts: config.tlsTerminated))
    app.middleware.use(AppErrorMiddleware(page: ErrorPage.response))
    app.middleware.use(LanguageCookieMiddleware(secureCookies: config.tlsTerminated))
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(CSRF(secureCookies: config.tlsTerminated, sessionToken: SessionAuthenticator.sessionToken))

    // Outside tests, SQLite's log is checkpointed off the request path (see SQLiteCheckpointLifecycle).
    if case .sqlite(let path) = config.database, app.environment != .testing {
        app.lifecycle.use(SQLiteCheckpointLifecycle(path: path, interval: config.sqliteCheckpointSeconds, logLimitFrames: config.sqliteLogLimitMB * 256))
    }
    // Uploads a crashed process left behind (its request handler never ran its cleanup).
    UploadSpool.sweepOrphans(dataDirectory: config.dataDirectory)
    app.migrations.add(Migrations.all)
    try routes(app)
    if migrate {
        try await app.autoMigrate()
    }
}

private func useDatabase(_ config: AppConfig, on app: Application) async throws {
    switch config.database {
    case .sqlite(let path):
        // Write transactions run on a connection of their own (see SQLiteWriter); reads and single
        // statements use one connection per event loop.
        let writer = SQLiteWriter(path: path)
        app.lifecycle.use(SQLiteWriterLifecycle(writer: writer))
        app.databases.use(SQLiteWriterConfiguration(inner: DatabaseConfigurationFactory.sqlite(.file(path)).make(), writer: writer), as: .sqlite)
        // WAL lets readers run while a writer commits; NORMAL sync is durable across process crashes
        // and avoids an fsync per commit. `synchronous` is per connection: one connection per event loop.
        for eventLoop in app.eventLoopGroup.makeIterator() {
            if let sql = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase {
                _ = try? await sql.raw("PRAGMA journal_mode=WAL").all()
                _ = try? await sql.raw("PRAGMA synchronous=NORMAL").all()
            }
        }
        try? await writer.run("PRAGMA synchronous=NORMAL", logger: app.logger)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema = config.postgresSchema {
            configuration.searchPath = [schema]
        }
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(10)),
            as: .psql)
        if let schema = config.postgresSchema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = MetricsRegistry }

    /// The process's metrics.
    public var metricsRegistry: MetricsRegistry {
        get {
            if let registry = storage[MetricsKey.self] { return registry }
            let registry = MetricsRegistry()
            storage[MetricsKey.self] = registry
            return registry
        }
        set { storage[MetricsKey.self] = newValue }
    }
}

/// Remembers an explicit language choice (`?lang=en`) in a cookie.
struct LanguageCookieMiddleware: AsyncMiddleware {
    let secureCookies: Bool

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if let choice = req.queryString["lang"], let language = Language(rawValue: choice),
           req.cookies[Language.cookieName]?.string != choice {
            response.cookies[Language.cookieName] = HTTPCookies.Value(
                string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: secureCookies,
                isHTTPOnly: true, sameSite: .lax)
        }
        response.headers.replaceOrAdd(name: .contentLanguage, value: req.language.rawValue)
        return response
    }
}
