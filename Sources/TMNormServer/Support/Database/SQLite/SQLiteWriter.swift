import Fluent
import FluentSQLiteDriver
import NIOCore
import NIOPosix
import SQLKit
import Vapor

/// The one connection that runs a process's SQLite write transactions, on a thread of its own for the
/// statements and an event loop of its own for what runs between them.
///
/// SQLite allows one writer at a time, so write transactions are serial anyway; what matters is how long
/// each one holds the lock. A transaction's task prefers the writer's own event loop, which does nothing
/// else, and its statements run on the writer's own thread, so the lock is held for the statements and
/// the hops between them only, not while the next statement waits behind other requests' work on a
/// request event loop; the request connections keep serving reads meanwhile.
final class SQLiteWriter: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases
    private let executor: EventLoopTaskExecutor
    private let mutex = AsyncMutex()
    /// Set inside a writer's transaction, so a nested `writeTransaction` runs on it instead of queueing
    /// behind itself.
    @TaskLocal static var holding = false

    /// Opens nothing yet: the connection is made on first use.
    init(path: String) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        databases.use(.sqlite(.file(path)), as: .sqlite)
        executor = EventLoopTaskExecutor(group.next())
    }

    /// Runs `closure` in a `BEGIN IMMEDIATE` transaction on the writer's connection, after the
    /// transactions before it (first come, first served; waiters are suspended, not spinning).
    func transaction<T: Sendable>(logger: Logger, _ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) {
            try await mutex.withLock {
                try await Self.$holding.withValue(true) {
                    guard let database = databases.database(.sqlite, logger: logger, on: executor.eventLoop) else {
                        throw SQLiteWriterError.shutDown
                    }
                    return try await database.withConnection { connection in try await connection.immediateTransaction(closure) }
                }
            }
        }
    }

    /// Runs a statement on the writer's connection outside any transaction (its PRAGMAs).
    func run(_ statement: SQLQueryString, logger: Logger) async throws {
        try await withTaskExecutorPreference(executor) {
            try await mutex.withLock {
                guard let sql = databases.database(.sqlite, logger: logger, on: executor.eventLoop) as? any SQLDatabase else {
                    throw SQLiteWriterError.shutDown
                }
                _ = try await sql.raw(statement).all()
            }
        }
    }

    func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }
}

enum SQLiteWriterError: Error {
    case shutDown
}

/// Runs a task's jobs on one event loop, so that a task preferring it resumes there after each await.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// The SQLite configuration with its writer attached: every `Database` made from it carries this in its
/// context, which is how `writeTransaction` finds the writer of the file the database is on.
struct SQLiteWriterConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let writer: SQLiteWriter

    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        inner.makeDriver(for: databases)
    }
}

/// Closes the writer with the application.
struct SQLiteWriterLifecycle: LifecycleHandler {
    let writer: SQLiteWriter

    func shutdownAsync(_ application: Application) async {
        await writer.shutdown()
    }
}

extension Application {
    /// The SQLite writer of the default database, when it is SQLite.
    var sqliteWriter: SQLiteWriter? {
        (databases.configuration(for: nil) as? SQLiteWriterConfiguration)?.writer
    }
}
