import FluentSQLiteDriver
import Foundation
import NIOPosix
import Testing
import Vapor

@testable import TMNormServer

@Suite("SQLite log checkpoints off the request path")
struct SQLiteCheckpointTests {
    @Test("with auto-checkpoints off, a checkpoint on a connection of its own copies the whole log back while the app's connections keep working")
    func passiveCheckpoint() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await withTestApp(database: .sqlite(path: path)) { app in
            try await SQLiteCheckpointer.setAutoCheckpoint(pages: 0, app: app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE wal_probe (n INTEGER, text TEXT)").run()
            for i in 0..<300 {
                try await sql.raw("INSERT INTO wal_probe VALUES (\(bind: i), \(bind: String(repeating: "x", count: 2_000)))").run()
            }
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: pool, on: app.eventLoopGroup.any())
            let result = try await SQLiteCheckpointer.checkpoint(connection)
            #expect(result.logFrames > 150, "300 rows of 2 kB stayed in the log (\(result.logFrames) frames)")
            #expect(result.checkpointedFrames == result.logFrames)
            #expect(!result.busy)
            try await connection.close()
            try await pool.shutdownGracefully()
            // The app's own connections still work and see everything.
            let count = try await sql.raw("SELECT count(*) AS n FROM wal_probe").first()?.decode(column: "n", as: Int.self)
            #expect(count == 300)
        }
    }

    @Test("past the limit a round also truncates the log, which a passive checkpoint alone never empties while it is read")
    func truncateWhenLarge() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await withTestApp(database: .sqlite(path: path)) { app in
            try await SQLiteCheckpointer.setAutoCheckpoint(pages: 0, app: app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE wal_probe (n INTEGER, text TEXT)").run()
            for i in 0..<300 {
                try await sql.raw("INSERT INTO wal_probe VALUES (\(bind: i), \(bind: String(repeating: "x", count: 2_000)))").run()
            }
            let pool = NIOThreadPool(numberOfThreads: 1)
            pool.start()
            let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: pool, on: app.eventLoopGroup.any())
            let walBytes = { ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? -1 }
            // Under the limit: copied back, the file stays as large as it was.
            let small = try await SQLiteCheckpointer.step(connection, logLimitFrames: 100_000)
            #expect(small.truncate == nil)
            #expect(walBytes() > 300 * 2_000)
            // Over it: emptied.
            let large = try await SQLiteCheckpointer.step(connection, logLimitFrames: 100)
            let truncated = try #require(large.truncate)
            #expect(!truncated.busy)
            #expect(walBytes() == 0)
            try await connection.close()
            try await pool.shutdownGracefully()
            try await sql.raw("INSERT INTO wal_probe VALUES (301, 'after')").run()
            let count = try await sql.raw("SELECT count(*) AS n FROM wal_probe").first()?.decode(column: "n", as: Int.self)
            #expect(count == 301)
        }
    }
}
