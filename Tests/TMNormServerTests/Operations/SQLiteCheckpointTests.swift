import FluentSQLiteDriver
import Foundation
import NIOPosix
import Testing
import Vapor

@testable import TMNormServer

@Suite("SQLite log checkpoints off the request path")
struct SQLiteCheckpointTests {
    /// An app on a fresh SQLite file with auto-checkpoints off and a `wal_probe` table, plus a checkpoint
    /// connection of its own (waiting for nobody); `write` inserts rows of 2 kB.
    func withProbe(_ body: (Application, any SQLDatabase, SQLiteConnection, NIOThreadPool, String) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await withTestApp(database: .sqlite(path: path)) { app in
            try await SQLiteCheckpointer.setAutoCheckpoint(pages: 0, app: app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE wal_probe (n INTEGER, text TEXT)").run()
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: pool, on: app.eventLoopGroup.any())
            _ = try await connection.query("PRAGMA busy_timeout = 0")
            try await body(app, sql, connection, pool, path)
            try await connection.close()
            try await pool.shutdownGracefully()
        }
    }

    func write(_ range: Range<Int>, on sql: any SQLDatabase) async throws {
        for i in range {
            try await sql.raw("INSERT INTO wal_probe VALUES (\(bind: i), \(bind: String(repeating: "x", count: 2_000)))").run()
        }
    }

    @Test("with auto-checkpoints off, a checkpoint on a connection of its own copies the whole log back while the app's connections keep working")
    func passiveCheckpoint() async throws {
        try await withProbe { _, sql, connection, _, _ in
            try await write(0..<300, on: sql)
            let result = try await SQLiteCheckpointer.checkpoint(connection)
            #expect(result.logFrames > 150, "300 rows of 2 kB stayed in the log (\(result.logFrames) frames)")
            #expect(result.checkpointedFrames == result.logFrames)
            #expect(!result.busy)
            // The app's own connections still work and see everything.
            let count = try await sql.raw("SELECT count(*) AS n FROM wal_probe").first()?.decode(column: "n", as: Int.self)
            #expect(count == 300)
        }
    }

    @Test("past the limit a round also restarts the log, which a passive checkpoint alone never starts over while it is read")
    func restartWhenLarge() async throws {
        try await withProbe { app, sql, connection, pool, path in
            // A reader that stays in the log keeps SQLite from starting it over by itself.
            let reader = try await SQLiteConnection.open(storage: .file(path: path), threadPool: pool, on: app.eventLoopGroup.any())
            try await write(0..<150, on: sql)
            _ = try await reader.query("BEGIN")
            _ = try await reader.query("SELECT count(*) FROM wal_probe")
            try await write(150..<300, on: sql)
            // Under the limit: copied back as far as the reader allows, and the log keeps growing.
            let small = try await SQLiteCheckpointer.step(connection, logLimitFrames: 100_000)
            #expect(small.restart == nil)
            _ = try await reader.query("COMMIT")
            _ = try await reader.query("BEGIN")
            _ = try await reader.query("SELECT count(*) FROM wal_probe")
            try await write(300..<310, on: sql)
            let grown = try await SQLiteCheckpointer.checkpoint(connection)
            #expect(grown.logFrames > small.passive.logFrames, "the log grew on: \(grown.logFrames) after \(small.passive.logFrames)")
            // Over it during a burst of writes (grown by more than a sixteenth of the limit since the
            // previous round), but not four times over: no restart now.
            let burst = try await SQLiteCheckpointer.step(connection, logLimitFrames: grown.logFrames / 2, previousLogFrames: 0)
            #expect(burst.restart == nil)
            // Four times over: restarted even in a burst. With a reader still in the log, the round gives
            // up without waiting inside SQLite.
            let forced = try await SQLiteCheckpointer.step(connection, logLimitFrames: grown.logFrames / 5, previousLogFrames: 0, attempts: 2)
            #expect(forced.restart?.busy == true)
            // Quiet (no growth since the previous round), with the reader still there: busy again.
            let blocked = try await SQLiteCheckpointer.step(connection, logLimitFrames: 100, previousLogFrames: grown.logFrames, attempts: 3)
            #expect(blocked.restart?.busy == true)
            _ = try await reader.query("COMMIT")
            // Once the reader is done: the next write starts the log from its beginning.
            let large = try await SQLiteCheckpointer.step(connection, logLimitFrames: 100, previousLogFrames: grown.logFrames)
            let restarted = try #require(large.restart)
            #expect(!restarted.busy)
            try await write(310..<311, on: sql)
            let after = try await SQLiteCheckpointer.checkpoint(connection)
            #expect(after.logFrames < 10, "the log starts over: \(after.logFrames) frames")
            try await reader.close()
            let count = try await sql.raw("SELECT count(*) AS n FROM wal_probe").first()?.decode(column: "n", as: Int.self)
            #expect(count == 311)
        }
    }

    @Test("shutdown, which comes while the checkpointer sleeps, still copies the log back and closes its connection")
    func shutdownClosesTheConnection() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await withTestApp(database: .sqlite(path: path)) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let lifecycle = SQLiteCheckpointLifecycle(path: path, interval: 3600, logLimitFrames: 1_000_000)
            try await lifecycle.didBootAsync(app)
            try await sql.raw("CREATE TABLE wal_probe (n INTEGER, text TEXT)").run()
            try await write(0..<200, on: sql)
            func size(_ file: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0 }
            #expect(try size(path) < 200 * 2_000, "the rows are in the log, not yet in the database file")
            await lifecycle.shutdownAsync(app)
            // Before the fix the cancelled task's checkpoint and close were refused, and the connection's
            // deinit stopped a debug build with an assertion.
            let connection = try #require(lifecycle.state.connection)
            #expect(connection.isClosed)
            #expect(try size(path) > 200 * 2_000, "the last checkpoint copied the rows into the database file")
        }
    }
}
