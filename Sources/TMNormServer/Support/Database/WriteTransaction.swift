import Fluent
import SQLKit

/// SQLite allows one writer at a time, and SQLiteNIO waits for its lock by spinning on a thread-pool
/// thread. Write transactions therefore queue (suspended, not spinning), so they never wait for each
/// other inside SQLite; only single autocommit statements can still meet a running transaction, and
/// those wait briefly. A database configured with an `SQLiteWriter` queues there; this process-wide
/// queue serves SQLite databases configured without one.
enum SQLiteWriteQueue {
    static let mutex = AsyncMutex()
    /// Set inside a queued transaction, so a nested call runs on it instead of queueing behind itself.
    @TaskLocal static var holding = false
}

extension Database {
    /// A transaction that will write. On SQLite it runs on the file's `SQLiteWriter` (or, without one,
    /// waits its turn in `SQLiteWriteQueue` on the caller's connection) and starts with
    /// `BEGIN IMMEDIATE`, taking the write lock up front: Fluent's plain `BEGIN` starts as a reader, and
    /// in WAL mode a reader that later writes after another connection committed fails at once with
    /// SQLITE_BUSY, which concurrent requests hit under load. On PostgreSQL it is Fluent's transaction.
    /// Inside a transaction it simply runs the closure on it.
    func writeTransaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await closure(self) }
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(closure)
        }
        if SQLiteWriteQueue.holding { return try await closure(self) }
        if let writer = (context.configuration as? SQLiteWriterConfiguration)?.writer {
            return try await writer.transaction(logger: logger, closure)
        }
        return try await SQLiteWriteQueue.mutex.withLock {
            try await SQLiteWriteQueue.$holding.withValue(true) {
                try await withConnection { connection in try await connection.immediateTransaction(closure) }
            }
        }
    }

    /// `closure` between `BEGIN IMMEDIATE` and `COMMIT` on this connection (rolled back if it throws).
    func immediateTransaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase else { return try await transaction(closure) }
        try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
        do {
            let result = try await closure(self)
            try await sql.raw("COMMIT TRANSACTION").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK TRANSACTION").run()
            throw error
        }
    }
}
