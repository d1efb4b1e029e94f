import Foundation
import TMNormCore
import Vapor

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
    /// True when TMNORM_PUBLIC_URL set the public base URL; otherwise it follows the listening address.
    public var publicBaseURLIsExplicit: Bool = false
    /// Proxies whose `X-Forwarded-For` is believed (TMNORM_TRUSTED_PROXIES: addresses, comma-separated).
    public var trustedProxies: Set<String> = []
    /// Who may read `/metrics` without a key (TMNORM_METRICS_ALLOW: addresses, comma-separated).
    public var metricsAllowedAddresses: Set<String> = []
    /// Bearer token for `/metrics` (TMNORM_METRICS_TOKEN); stored as given, compared in constant time.
    public var metricsToken: String? = nil
    /// Hosts a webhook may point at even when they resolve to loopback or private addresses
    /// (TMNORM_WEBHOOK_ALLOW_HOSTS, comma-separated; for tests and closed networks).
    public var webhookAllowedHosts: Set<String> = []
    /// A register import that shrinks the active copy by more than this share is refused unless forced.
    public var registerMaxShrink: Double = 0.10
    /// TMNORM_CLOCK: the moment this process's clock starts at (then it runs at real speed). For benchmarks
    /// and demonstrations on a weekday at working hours; never set in production.
    public var clockStart: Date? = nil
    /// Seconds a request waits for a pooled database connection before it fails (TMNORM_DB_POOL_TIMEOUT).
    /// 30 s: with the whole test suite on two cores, 10 s was reached by a burst of 60 sales.
    public var databasePoolTimeout: Int64 = 30
    /// Whether this process runs background jobs (TMNORM_JOBS; `TMNORM_WORKER=off` turns jobs off too).
    public var jobsEnabled = true
    /// Seconds between the job runner's passes (TMNORM_JOBS_INTERVAL).
    public var jobsInterval: Double = 1
    /// The evidence log's signing key (TMNORM_EVIDENCE_KEY, made by `tmnorm evidence keygen`); without one
    /// the demo and tests sign with a key derived from the secret (docs/evidence-log.md).
    public var evidenceKey: String? = nil
    /// The witnesses whose cosignatures the log takes and shows (TMNORM_EVIDENCE_WITNESSES: their cosignature
    /// keys `name+keyid+key`, comma-separated, as `tmnorm evidence keygen` prints them).
    public var evidenceWitnesses: [String] = []
    /// The evaluation's privacy rule (TMNORM_EVALUATION_MIN_COUNT, policy, default 5): figures resting on
    /// fewer records are suppressed for viewers other than their subject (docs/evaluation.md).
    public var evaluationMinimumCount = EvaluationSuppression.defaultMinimumCount

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
        if let url = env["TMNORM_PUBLIC_URL"], !url.isEmpty {
            config.publicBaseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            config.publicBaseURLIsExplicit = true
        } else {
            config.publicBaseURL = "http://\(config.hostname):\(config.port)"
        }
        if let cost = env["TMNORM_BCRYPT_COST"].flatMap(Int.init), (4...31).contains(cost) {
            config.bcryptCost = cost
        }
        config.tlsTerminated = config.publicBaseURL.hasPrefix("https://")
        if let directory = env["TMNORM_DATA_DIR"], !directory.isEmpty { config.dataDirectory = directory }
        config.messaging = MessagingConfig.fromEnvironment(env)
        if let seconds = env["TMNORM_SQLITE_CHECKPOINT_SECONDS"].flatMap(Double.init), seconds > 0 {
            config.sqliteCheckpointSeconds = max(0.1, seconds)
        }
        if let megabytes = env["TMNORM_SQLITE_WAL_LIMIT_MB"].flatMap(Int.init), megabytes > 0 { config.sqliteLogLimitMB = megabytes }
        if let raw = env["TMNORM_CLOCK"], !raw.isEmpty { config.clockStart = try? OsloTime.parseTimestamp(raw) }
        if let seconds = env["TMNORM_DB_POOL_TIMEOUT"].flatMap(Int64.init), (1...600).contains(seconds) { config.databasePoolTimeout = seconds }
        let off = ["0", "off", "false", "no"]
        config.jobsEnabled = config.messaging.workerEnabled && !off.contains((env["TMNORM_JOBS"] ?? "on").lowercased())
        if let interval = env["TMNORM_JOBS_INTERVAL"].flatMap(Double.init), interval > 0 { config.jobsInterval = max(0.05, interval) }
        if let count = env["TMNORM_EVALUATION_MIN_COUNT"].flatMap(Int.init), (1...1000).contains(count) {
            config.evaluationMinimumCount = count
        }
        config.evidenceKey = env["TMNORM_EVIDENCE_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        config.evidenceWitnesses = list(env["TMNORM_EVIDENCE_WITNESSES"]).sorted()
        config.trustedProxies = list(env["TMNORM_TRUSTED_PROXIES"])
        config.metricsAllowedAddresses = list(env["TMNORM_METRICS_ALLOW"])
        config.metricsToken = env["TMNORM_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        config.webhookAllowedHosts = Set(list(env["TMNORM_WEBHOOK_ALLOW_HOSTS"]).map { $0.lowercased() })
        if let percent = env["TMNORM_REGISTER_MAX_SHRINK_PERCENT"].flatMap(Double.init), (0...100).contains(percent) {
            config.registerMaxShrink = percent / 100
        }
        return config
    }

    private static func list(_ raw: String?) -> Set<String> {
        Set((raw ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// Listen on another address or port (command-line options). Links follow unless TMNORM_PUBLIC_URL set them.
    public mutating func listen(hostname: String?, port: Int?) {
        if let hostname { self.hostname = hostname }
        if let port { self.port = port }
        if !publicBaseURLIsExplicit {
            publicBaseURL = "http://\(self.hostname):\(self.port)"
            tlsTerminated = false
        }
    }

    /// Why this configuration must not serve real users: the public development secrets. Empty when fine.
    public var productionProblems: [String] {
        var problems: [String] = []
        if secret == Self.developmentSecret || secret.utf8.count < 32 {
            problems.append(
                "TMNORM_SECRET is missing, the public development default, or shorter than 32 bytes: set a random secret (e.g. `openssl rand -hex 32`)"
            )
        }
        if messaging.smsInboundSecret == MessagingConfig.developmentSMSSecret || messaging.smsInboundSecret.utf8.count < 16 {
            problems.append(
                "TMNORM_SMS_SECRET is missing, the public development default, or shorter than 16 bytes: set the secret shared with the SMS gateway")
        }
        if let key = evidenceKey {
            if case .failure = NoteSigner.parse(key) {
                problems.append("TMNORM_EVIDENCE_KEY is not a signing key: make one with `tmnorm evidence keygen`")
            }
        } else {
            problems.append("TMNORM_EVIDENCE_KEY is missing: make the evidence log's signing key with `tmnorm evidence keygen`")
        }
        for witness in evidenceWitnesses {
            if case .failure = CosignatureVerifier.parse(witness) {
                problems.append("TMNORM_EVIDENCE_WITNESSES holds \"\(witness.prefix(60))\", which is not a witness key (name+keyid+key)")
            }
        }
        return problems
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The configuration the app was built with, set first thing by `configure`.
    public var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { preconditionFailure("the configuration is read before configure(_:config:) set it") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
