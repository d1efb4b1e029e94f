import Fluent
import Foundation
import NIOPosix
import FluentSQLiteDriver
import Vapor

/// Checkpoints SQLite's write-ahead log off the request path. By default SQLite checkpoints inside the
/// commit that crosses 1 000 log pages, so one request (and, with group commit, every request waiting on
/// that write) pays for copying the log into the database. Here the request connections stop
/// auto-checkpointing and a connection of its own, on a thread of its own, runs a PASSIVE checkpoint every
/// `interval` seconds, which never takes the write lock. The measurements behind this and the 5-second
/// default are in bench/README.md (may-call, "checkpoint interval").
struct SQLiteCheckpointLifecycle: LifecycleHandler {
    let path: String
    let interval: TimeInterval
    let state = State()

    final class State: @unchecked Sendable {
        // Set once at boot and ended at shutdown, both from the lifecycle's thread.
        var task: Task<Void, Never>?
        var pool: NIOThreadPool?
        var connection: SQLiteConnection?
    }

    /// Log frames (pages) after which the log is started over, not only copied back.
    let logLimitFrames: Int

    init(path: String, interval: TimeInterval, logLimitFrames: Int) {
        self.path = path
        self.interval = interval
        self.logLimitFrames = logLimitFrames
    }

    func didBootAsync(_ application: Application) async throws {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        state.pool = pool
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: pool, logger: application.logger, on: application.eventLoopGroup.any())
        } catch {
            // Without the checkpointer the request connections keep SQLite's own checkpoints.
            application.logger.warning("SQLite checkpointer not started; SQLite checkpoints during commits")
            return
        }
        state.connection = connection
        try await SQLiteCheckpointer.setAutoCheckpoint(pages: 0, app: application)
        // Never wait inside SQLite for readers: a RESTART that finds one returns at once (see `step`).
        // SQLiteNIO's own busy handler would spin until they end, SQLite's timeout sleeps 1, 2, 5, 10 …
        // ms while writers wait.
        _ = try? await connection.query("PRAGMA busy_timeout = 0")
        let interval = self.interval
        let limit = logLimitFrames
        state.task = Task { [application] in
            var previous: Int?
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                if Task.isCancelled { break }
                do {
                    previous = try await SQLiteCheckpointer.step(connection, logLimitFrames: limit, previousLogFrames: previous).passive.logFrames
                } catch {
                    application.logger.warning("SQLite checkpoint failed", metadata: ["error-type": .string(String(reflecting: type(of: error)))])
                }
            }
            // Shutdown cancelled this task, and SQLiteNIO's async calls refuse to run in a cancelled task:
            // the last checkpoint and the close run in a task of their own. (Left open, the connection
            // was never closed: a debug build stopped with an assertion at every shutdown.)
            await Task {
                _ = try? await SQLiteCheckpointer.checkpoint(connection)
                try? await connection.close()
            }.value
        }
    }

    func shutdownAsync(_ application: Application) async {
        state.task?.cancel()
        await state.task?.value
        try? await state.pool?.shutdownGracefully()
    }
}

/// The checkpoint itself and the setting of the request connections.
enum SQLiteCheckpointer {
    /// What one checkpoint did: whether a writer kept it from finishing, log frames, frames copied.
    struct Result: Sendable, Equatable {
        let busy: Bool
        let logFrames: Int
        let checkpointedFrames: Int
    }

    /// One round: a PASSIVE checkpoint, and when the log has grown past `logLimitFrames`, a RESTART one.
    ///
    /// A passive checkpoint copies the log back but never starts it over: SQLite reuses the log from its
    /// beginning only when a write begins while no reader is using it, and under steady load some reader
    /// always is, so the log grows without limit. A RESTART checkpoint waits for the readers of the moment
    /// to finish (writers wait meanwhile) so the next write starts the log over; the file keeps its size
    /// and is overwritten, which is cheaper than truncating it.
    ///
    /// The connection must not wait for readers itself (`busy_timeout = 0`): a RESTART that meets a reader
    /// returns busy at once, and is tried again 2 ms later, up to `attempts` times. Writers wait only
    /// while an attempt runs, never while readers finish.
    ///
    /// Restarting still stalls writers for a moment, which shows in the p99 under a burst of writes. So
    /// past the limit the log is restarted when writing is quiet: it grew by less than a sixteenth of the
    /// limit since the previous round (`previousLogFrames`). Only past four times the limit is it
    /// restarted during a burst. The measurements behind these choices are in bench/README.md.
    static func step(
        _ connection: SQLiteConnection, logLimitFrames: Int, previousLogFrames: Int? = nil, attempts: Int = 50
    ) async throws -> (passive: Result, restart: Result?) {
        let passive = try await checkpoint(connection)
        guard passive.logFrames > logLimitFrames else { return (passive, nil) }
        let growth = previousLogFrames.map { passive.logFrames >= $0 ? passive.logFrames - $0 : passive.logFrames } ?? 0
        guard growth < max(1, logLimitFrames / 16) || passive.logFrames > 4 * logLimitFrames else { return (passive, nil) }
        var restart = try await checkpoint(connection, mode: "RESTART")
        for _ in 1..<max(1, attempts) where restart.busy {
            try await Task.sleep(nanoseconds: 2_000_000)
            restart = try await checkpoint(connection, mode: "RESTART")
        }
        return (passive, restart)
    }

    /// A PASSIVE checkpoint: copies what it can without waiting for readers or writers.
    static func checkpoint(_ connection: SQLiteConnection, mode: String = "PASSIVE") async throws -> Result {
        let row = try await connection.query("PRAGMA wal_checkpoint(\(mode))").first
        return Result(
            busy: (row?.column("busy")?.integer ?? 0) != 0, logFrames: row?.column("log")?.integer ?? 0,
            checkpointedFrames: row?.column("checkpointed")?.integer ?? 0)
    }

    /// Sets `wal_autocheckpoint` on the connection of each event loop and the writer's (0 turns it off; SQLite's default is 1 000).
    static func setAutoCheckpoint(pages: Int, app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            if let sql = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase {
                try await sql.raw("PRAGMA wal_autocheckpoint=\(unsafeRaw: String(max(0, pages)))").run()
            }
        }
        try await app.sqliteWriter?.run("PRAGMA wal_autocheckpoint=\(unsafeRaw: String(max(0, pages)))", logger: app.logger)
    }
}
