import Fluent
import Logging
import NIOCore
import NIOPosix
import TMNormCore
import Vapor

/// Builds and runs the application for the command line; the executable stays a thin shell.
public enum ServerBootstrap {
    private static let loggingBootstrapped: Void = {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    /// Runs Swift concurrency on the server's event loops, so an async handler does not hop between the
    /// concurrency pool and the event loop at every `await` (measured: a large share of may-call's CPU
    /// went to those thread switches). Call once, first thing in the executable's `main`, on the main thread.
    @discardableResult
    public static func runConcurrencyOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }

    /// Sets up logging once per process (to stderr, so command output on stdout stays clean).
    public static func bootstrapLogging() {
        _ = loggingBootstrapped
    }

    /// A configured, migrated application. The caller shuts it down.
    public static func makeApplication(config: AppConfig, environment: Environment = .development, logLevel: Logger.Level? = nil) async throws
        -> Application
    {
        bootstrapLogging()
        var environment = environment
        environment.arguments = ["tmnorm"]
        let app = try await Application.make(environment)
        if let logLevel { app.logger.logLevel = logLevel }
        if let start = config.clockStart {
            let began = Date()
            app.clock = AppClock { start.addingTimeInterval(Date().timeIntervalSince(began)) }
            app.logger.warning(
                "clock",
                metadata: ["TMNORM_CLOCK": .string(OsloTime.iso8601(start)), "note": "the clock is shifted: for benchmarks and demonstrations only"])
        }
        do {
            try await configure(app, config: config)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Serves HTTP until the process is interrupted.
    public static func serve(_ app: Application) async throws {
        app.dummyPasswordHash = try await app.password.async.hash(app.tokens.hex(bytes: 16))
        app.environment.arguments = ["tmnorm", "serve"]
        try await app.execute()
    }

    /// Runs `body` with an application that has its database and services but no routes, middleware or
    /// background work (see `configureDatabase`), and always shuts it down.
    public static func withDatabase<T: Sendable>(
        config: AppConfig, migrate: Bool = true, logLevel: Logger.Level = .warning, _ body: (Application) async throws -> T
    ) async throws -> T {
        bootstrapLogging()
        var environment = Environment.development
        environment.arguments = ["tmnorm"]
        let app = try await Application.make(environment)
        app.logger.logLevel = logLevel
        do {
            try await configureDatabase(app, config: config, migrate: migrate)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Runs `body` with a configured application and always shuts it down.
    public static func withApplication<T: Sendable>(
        config: AppConfig, logLevel: Logger.Level = .warning, _ body: (Application) async throws -> T
    ) async throws -> T {
        let app = try await makeApplication(config: config, logLevel: logLevel)
        do {
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
