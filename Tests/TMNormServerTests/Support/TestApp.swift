import Fluent
import SQLKit
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// The test clock's fixed "now": Monday 30 November 2026, 10:00 Oslo.
let testNow = Date(timeIntervalSince1970: 1_796_029_200)

/// Configures an app on a private database — a temporary SQLite file, or a fresh PostgreSQL schema
/// when DATABASE_URL is set — runs `body`, and always shuts down and cleans up.
func withTestApp<T>(
    clock: AppClock = AppClock { testNow },
    migrate: Bool = true,
    database: AppConfig.DatabaseLocation? = nil,
    adjust: (inout AppConfig) -> Void = { _ in },
    _ body: (Application) async throws -> T
) async throws -> T {
    var config = AppConfig()
    config.bcryptCost = 4
    config.publicBaseURL = "http://tmnorm.test"
    // The tests' webhook sinks listen on loopback, which production refuses (SSRF).
    config.webhookAllowedHosts = ["127.0.0.1", "::1", "localhost"]
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-data-\(UUID().uuidString)")
    config.dataDirectory = dataDirectory.path
    defer { try? FileManager.default.removeItem(at: dataDirectory) }
    let environment = ProcessInfo.processInfo.environment
    var sqlitePath: String?
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    if let database {
        config.database = database
    } else if let url = environment["DATABASE_URL"], url.hasPrefix("postgres") {
        config.database = .postgres(url: url)
        config.postgresSchema = schema
    } else {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-test-\(UUID().uuidString).sqlite").path
        sqlitePath = path
        config.database = .sqlite(path: path)
    }
    // The whole suite runs at once: on PostgreSQL a hundred test apps migrating their schemas together
    // starved the first requests of their connections (a 30 s pool wait is a production setting, not a
    // test of it). Migrations take turns, four at a time, and a test waits longer for a connection.
    if case .postgres = config.database { config.databasePoolTimeout = 180 }
    adjust(&config)
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    app.clock = clock
    do {
        if case .postgres = config.database {
            let settings = config
            try await postgresMigrations.run { try await configure(app, config: settings, migrate: migrate) }
        } else {
            try await configure(app, config: config, migrate: migrate)
        }
        app.dummyPasswordHash = try await app.password.async.hash("dummy-password-for-timing")
        let result = try await body(app)
        try await cleanUp(app, config: config, schema: schema)
        try await app.asyncShutdown()
        sqlitePath.map(removeSQLite)
        return result
    } catch {
        try? await cleanUp(app, config: config, schema: schema)
        try? await app.asyncShutdown()
        sqlitePath.map(removeSQLite)
        throw error
    }
}

/// At most `limit` bodies at once; the others wait their turn in order.
actor TurnTaker {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if running >= limit {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        defer { hand() }
        return try await body()
    }

    /// Passes the turn to the next waiter (the count stays), or frees it.
    private func hand() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

/// Test apps migrating their PostgreSQL schemas: four at a time.
let postgresMigrations = TurnTaker(limit: 4)

private func cleanUp(_ app: Application, config: AppConfig, schema: String) async throws {
    if case .postgres = config.database, config.postgresSchema != nil, let sql = app.db as? any SQLDatabase {
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}

private func removeSQLite(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// The CSRF token every test browser holds.
let testCSRF = String(repeating: "ab", count: 32)

/// A browser-like client: session cookie plus CSRF cookie.
struct Browser: Sendable {
    let sessionToken: String?

    var cookieHeader: String {
        var cookies = ["\(CSRF.cookieName)=\(testCSRF)"]
        if let sessionToken { cookies.append("\(SessionAuthenticator.cookieName)=\(sessionToken)") }
        return cookies.joined(separator: "; ")
    }

    static let anonymous = Browser(sessionToken: nil)

    /// The token its forms carry: bound to the session when signed in, the cookie's otherwise.
    func csrfToken(_ app: Application) -> String {
        sessionToken.map { CSRF.boundToken(session: $0, keys: app.serverKeys) } ?? testCSRF
    }
}

extension Application {
    /// GET as a browser.
    func get(_ path: String, as browser: Browser, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        headers.replaceOrAdd(name: .cookie, value: browser.cookieHeader)
        return try await testing().sendRequest(.GET, path, headers: headers)
    }

    /// POST a form as a browser, with the CSRF field unless `csrf` is false.
    func postForm(_ path: String, _ fields: [String: String], as browser: Browser, csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = fields
        if csrf { fields[CSRF.formField] = browser.csrfToken(self) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: browser.cookieHeader)
        headers.contentType = .urlEncodedForm
        let body = fields.sorted { $0.key < $1.key }
            .map { "\(formEncode($0.key))=\(formEncode($0.value))" }.joined(separator: "&")
        return try await testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// A request to the JSON API with a bearer key.
    func api(_ method: HTTPMethod, _ path: String, key: String?, json: String? = nil, contentType: HTTPMediaType = .json) async throws
        -> TestingHTTPResponse
    {
        var headers = HTTPHeaders()
        if let key { headers.bearerAuthorization = BearerAuthorization(token: key) }
        if json != nil { headers.contentType = contentType }
        return try await testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

func formEncode(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }

    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return object as? [String: Any] ?? [:]
    }

    /// The value of a Set-Cookie for `name`.
    func cookie(_ name: String) -> String? {
        headers[.setCookie].compactMap { line -> String? in
            let pair = line.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 && parts[0] == name ? parts[1] : nil
        }.first
    }
}

/// Another application on `app`'s database, as a second `tmnorm serve` process would be: its own
/// caches, writers and job registry, the same tables.
func withSecondProcess<T>(of app: Application, _ body: (Application) async throws -> T) async throws -> T {
    let other = try await Application.make(.testing)
    other.logger.logLevel = .warning
    other.clock = app.clock
    do {
        try await configure(other, config: app.config, migrate: false)
        let result = try await body(other)
        try await other.asyncShutdown()
        return result
    } catch {
        try? await other.asyncShutdown()
        throw error
    }
}
