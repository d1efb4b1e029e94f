import NIOPosix
import Vapor

/// bcrypt on a thread pool of its own, smaller than the machine: a burst of log-ins queues here instead of
/// taking every core from the event loops that serve pages (8 parallel log-ins slowed every page to ~600 ms
/// on 2 cores when bcrypt ran on the shared pool, one thread per core).
final class PasswordHashing: Sendable {
    let pool: NIOThreadPool
    let cost: Int

    init(cost: Int, threads: Int = max(1, System.coreCount - 1)) {
        self.cost = cost
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await pool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    /// False for a wrong password and for a malformed stored hash.
    func verify(_ password: String, created hash: String) async -> Bool {
        (try? await pool.runIfActive { try Bcrypt.verify(password, created: hash) }) ?? false
    }
}

/// Stops the pool when the application shuts down.
struct PasswordHashingLifecycle: LifecycleHandler {
    let hashing: PasswordHashing

    func shutdownAsync(_ application: Application) async {
        try? await hashing.pool.shutdownGracefully()
    }
}
