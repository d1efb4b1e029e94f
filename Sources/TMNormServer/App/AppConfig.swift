import Foundation

/// Everything the server reads from the environment, each value with a working development default.
public struct AppConfig: Sendable {
    /// Where the data lives.
    public enum DatabaseLocation: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)

        /// A description safe for logs: never the password.
        public var redacted: String {
            switch self {
            case .sqlite(let path): return "SQLite at \(path)"
            case .postgres(let url):
                guard let components = URLComponents(string: url) else { return "PostgreSQL" }
                return "PostgreSQL at \(components.host ?? "?"):\(components.port ?? 5432)\(components.path)"
            }
        }
    }

    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Secret used to derive keys (HMACs of client fingerprints etc.).
    public var secret: String
    /// Base URL used in links sent to people (invitations, offers).
    public var publicBaseURL: String
    /// bcrypt cost; lowered only in tests.
    public var bcryptCost: Int
    /// Lifetime of a log-in session.
    public var sessionLifetime: TimeInterval
    /// Lifetime of an invitation link.
    public var invitationLifetime: TimeInterval
    /// Whether responses carry HSTS (set when served behind TLS).
    public var tlsTerminated: Bool
    /// PostgreSQL schema to use instead of `public` (tests give each run its own).
    public var postgresSchema: String?
    /// Where register snapshots and wash results are kept (files too large for the database).
    public var dataDirectory: String
    /// SMS gateway, SMTP relay and background worker (development default: nothing leaves the machine).
    public var messaging: MessagingConfig
    /// SQLite only: seconds between the server's passive checkpoints of the write-ahead log.
    public var sqliteCheckpointSeconds: TimeInterval
    /// SQLite only: MB of write-ahead log after which the checkpointer starts the log over.
    public var sqliteLogLimitMB: Int

    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseLocation = .sqlite(path: "tmnorm.sqlite"),
        secret: String = AppConfig.developmentSecret,
        publicBaseURL: String = "http://127.0.0.1:8080",
        bcryptCost: Int = 12,
        sessionLifetime: TimeInterval = 8 * 3600,
        invitationLifetime: TimeInterval = 7 * 24 * 3600,
        tlsTerminated: Bool = false
    ) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.secret = secret
        self.publicBaseURL = publicBaseURL
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.invitationLifetime = invitationLifetime
        self.tlsTerminated = tlsTerminated
        self.postgresSchema = nil
        self.dataDirectory = "tmnorm-data"
        self.messaging = MessagingConfig()
        self.sqliteCheckpointSeconds = 5
        self.sqliteLogLimitMB = 256
    }

    /// The development secret; production must set TMNORM_SECRET.
    public static let developmentSecret = "development-secret-change-me-0123456789abcdef"

    /// Reads the configuration from environment variables (documented in .env.example).
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment,
        sqlitePathOverride: String? = nil
    ) -> AppConfig {
        var config = AppConfig()
        if let host = env["TMNORM_HOSTNAME"], !host.isEmpty { config.hostname = host }
        if let port = env["TMNORM_PORT"].flatMap(Int.init) { config.port = port }
        if let url = env["DATABASE_URL"], url.hasPrefix("postgres") {
            config.database = .postgres(url: url)
        } else if let path = sqlitePathOverride ?? env["TMNORM_SQLITE_PATH"], !path.isEmpty {
            config.database = .sqlite(path: path)
        }
        if let path = sqlitePathOverride { config.database = .sqlite(path: path) }
        // A PostgreSQL schema of its own, e.g. for several installations (or test runs) in one database.
        if let schema = env["TMNORM_DATABASE_SCHEMA"], !schema.isEmpty { config.postgresSchema = schema }
        if let secret = env["TMNORM_SECRET"], !secret.isEmpty { config.secret = secret }
        config.publicBaseURL = env["TMNORM_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://\(config.hostname):\(config.port)"
        if let cost = env["TMNORM_BCRYPT_COST"].flatMap(Int.init), (4...31).contains(cost) {
            config.bcryptCost = cost
        }
        config.tlsTerminated = config.publicBaseURL.hasPrefix("https://")
        if let directory = env["TMNORM_DATA_DIR"], !directory.isEmpty { config.dataDirectory = directory }
        config.messaging = MessagingConfig.fromEnvironment(env)
        if let seconds = env["TMNORM_SQLITE_CHECKPOINT_SECONDS"].flatMap(Double.init), seconds > 0 { config.sqliteCheckpointSeconds = max(0.1, seconds) }
        if let megabytes = env["TMNORM_SQLITE_WAL_LIMIT_MB"].flatMap(Int.init), megabytes > 0 { config.sqliteLogLimitMB = megabytes }
        return config
    }
}
