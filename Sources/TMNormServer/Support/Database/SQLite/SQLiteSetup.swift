import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Everything SQLite-specific in setting up the database: the writer, the pragmas, the checkpointer.
enum SQLiteSetup {
    /// Uses the SQLite file at `path` as the application's database.
    static func use(path: String, poolTimeout: Int64, on app: Application) async throws {
        // Write transactions run on a connection of their own (see SQLiteWriter); reads and single
        // statements use one connection per event loop.
        let writer = SQLiteWriter(path: path)
        app.lifecycle.use(SQLiteWriterLifecycle(writer: writer))
        // A request waits up to `poolTimeout` for a read connection (one per event loop).
        app.databases.use(
            SQLiteWriterConfiguration(
                inner: DatabaseConfigurationFactory.sqlite(.file(path), connectionPoolTimeout: .seconds(poolTimeout)).make(), writer: writer),
            as: .sqlite)
        // WAL lets readers run while a writer commits; NORMAL sync is durable across process crashes
        // and avoids an fsync per commit. `synchronous` is per connection: one connection per event loop.
        for eventLoop in app.eventLoopGroup.makeIterator() {
            if let sql = app.databases.database(.sqlite, logger: app.logger, on: eventLoop) as? any SQLDatabase {
                _ = try? await sql.raw("PRAGMA journal_mode=WAL").all()
                _ = try? await sql.raw("PRAGMA synchronous=NORMAL").all()
            }
        }
        try? await writer.run("PRAGMA synchronous=NORMAL", logger: app.logger)
    }

    /// Outside tests, the write-ahead log is checkpointed off the request path (see `SQLiteCheckpointLifecycle`).
    /// `logLimitMB`: the log size past which it is started over (see `SQLiteCheckpointer.step`).
    static func checkpointOffTheRequestPath(path: String, interval: TimeInterval, logLimitMB: Int, on app: Application) {
        // 4 KiB pages: 256 frames per MB.
        app.lifecycle.use(SQLiteCheckpointLifecycle(path: path, interval: interval, logLimitFrames: logLimitMB * 256))
    }
}
