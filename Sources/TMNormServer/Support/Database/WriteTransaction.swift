import Fluent
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite it starts with `BEGIN IMMEDIATE`, taking the write lock
    /// up front: Fluent's plain `BEGIN` starts as a reader, and in WAL mode a reader that later writes
    /// after another connection committed fails at once with SQLITE_BUSY (the busy handler cannot help),
    /// which concurrent requests hit under load. On PostgreSQL it is Fluent's transaction. Inside a
    /// transaction it simply runs the closure on it.
    func writeTransaction<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await closure(self) }
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(closure)
        }
        return try await withConnection { connection in
            guard let statement = connection as? any SQLDatabase else { return try await connection.transaction(closure) }
            try await statement.raw("BEGIN IMMEDIATE TRANSACTION").run()
            do {
                let result = try await closure(connection)
                try await statement.raw("COMMIT TRANSACTION").run()
                return result
            } catch {
                try? await statement.raw("ROLLBACK TRANSACTION").run()
                throw error
            }
        }
    }
}
