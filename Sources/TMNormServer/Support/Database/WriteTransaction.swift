import Fluent
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite it waits its turn on the file's `SQLiteWriter` (SQLiteNIO
    /// would wait for the lock by spinning a thread) and starts with
    /// `BEGIN IMMEDIATE`, taking the write lock up front: Fluent's plain `BEGIN` starts as a reader, and
    /// in WAL mode a reader that later writes after another connection committed fails at once with
    /// SQLITE_BUSY, which concurrent requests hit under load. On PostgreSQL it is Fluent's transaction.
    /// Inside a transaction it simply runs the closure on it.
    func writeTransaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await closure(self) }
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(closure)
        }
        if SQLiteWriter.holding { return try await closure(self) }
        if let writer = (context.configuration as? SQLiteWriterConfiguration)?.writer {
            return try await writer.transaction(logger: logger, closure)
        }
        // SQLite configured without a writer (not done by `configure`): the caller's connection.
        return try await withConnection { connection in try await connection.immediateTransaction(closure) }
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
