import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import TMNormCore
import Vapor

/// Runs background jobs. Several processes may run it against one database:
/// - a recurring job's slot is one row (`unique_key` = name@slot), inserted by whichever process comes
///   first, and not at all while an earlier run of the job is still queued or running (so a failing job
///   waits out its back-off instead of piling up runs);
/// - a row is claimed by one statement (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite serialises writers)
///   and carries a lease, so a crashed worker's run is taken over when the lease runs out;
/// - a failure is retried after a growing delay and is dead after the job's last attempt, visible to
///   administrators on `/jobs`, who can queue it again.
public enum JobRunner {
    /// One pass: schedule the current slot of every recurring job, then claim and run what is due.
    /// Returns the runs made, in the order they ran. The limit is above the number of jobs, so one pass
    /// runs every job that is due at once (a pass at 10 left the eleventh for the next second).
    @discardableResult
    public static func runDue(_ app: Application, now: Date? = nil, limit: Int = 32, only names: [String]? = nil) async throws -> [JobModel] {
        let now = now ?? app.clock.now()
        try await schedule(app, now: now, only: names)
        let rows = try await claim(app, now: now, limit: limit, only: names)
        var ran: [JobModel] = []
        for row in rows {
            ran.append(await execute(row, app: app, now: now))
        }
        return ran
    }

    /// Inserts the current slot of every recurring job that has none yet.
    static func schedule(_ app: Application, now: Date, only names: [String]? = nil) async throws {
        guard let sql = app.db as? any SQLDatabase else { throw JobError.noSQLDatabase }
        for definition in app.jobs.definitions where names?.contains(definition.name) ?? true {
            guard let schedule = definition.schedule else { continue }
            let slot = schedule.slot(at: now)
            let key = "\(definition.name)@\(slot.key)"
            // Each process inserts a slot once; the unique key settles races between processes.
            guard app.jobs.markScheduled(definition.name, slot: key) else { continue }
            try await sql.raw(
                """
                INSERT INTO jobs (id, kind, payload, unique_key, status, run_at, attempts, max_attempts, created_at)
                SELECT \(bind: UUID()), \(bind: definition.name), '{}', \(bind: key), 'queued', \(bind: now), 0, \(bind: definition.maxAttempts), \(bind: now)
                WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = \(bind: definition.name) AND status IN ('queued', 'running'))
                ON CONFLICT (unique_key) DO NOTHING
                """
            ).run()
        }
    }

    /// Claims up to `limit` due runs of jobs this process knows.
    static func claim(_ app: Application, now: Date, limit: Int, only names: [String]? = nil) async throws -> [JobModel] {
        guard let sql = app.db as? any SQLDatabase else { throw JobError.noSQLDatabase }
        let kinds = names ?? app.jobs.definitions.map(\.name)
        guard !kinds.isEmpty else { return [] }
        let token = UUID().uuidString
        let lease = app.jobs.definitions.map(\.lease).max() ?? 600
        let due: SQLQueryString = """
            SELECT id FROM jobs
            WHERE ((status = 'queued' AND run_at <= \(bind: now)) OR (status = 'running' AND lease_until < \(bind: now)))
              AND kind IN (\(binds: kinds))
            ORDER BY run_at LIMIT \(unsafeRaw: String(max(1, limit)))
            """
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        try await sql.raw(
            """
            UPDATE jobs SET status = 'running', claim_token = \(bind: token), lease_until = \(bind: now.addingTimeInterval(lease)),
                attempts = attempts + 1, started_at = \(bind: now)
            WHERE id IN (\(due)\(lock))
            """
        ).run()
        return try await JobModel.query(on: app.db).filter(\.$claimToken == token).filter(\.$statusRaw == JobModel.Status.running.rawValue)
            .sort(\.$runAt).all()
    }

    /// Runs one claimed row at `now` and records the outcome (only while the claim is still ours).
    static func execute(_ row: JobModel, app: Application, now started: Date) async -> JobModel {
        guard let id = row.id, let token = row.claimToken else { return row }
        let clock = ContinuousClock()
        let began = clock.now
        let outcome: Result<String?, any Error>
        if let definition = app.jobs.definition(row.kind) {
            if row.attempts > definition.maxAttempts {
                outcome = .failure(JobError.leaseExpired(times: row.attempts - 1))
            } else {
                do {
                    outcome = .success(try await definition.run(JobContext(app: app, now: started, payload: row.payload, jobID: id)))
                } catch {
                    outcome = .failure(error)
                }
            }
        } else {
            outcome = .failure(JobError.unknownJob(row.kind))
        }
        let elapsed = clock.now - began
        let finished = started.addingTimeInterval(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let update = JobModel.query(on: app.db).filter(\.$id == id).filter(\.$claimToken == token)
            .set(\.$claimToken, to: nil).set(\.$leaseUntil, to: nil)
        switch outcome {
        case .success(let result):
            update.set(\.$statusRaw, to: JobModel.Status.done.rawValue).set(\.$finishedAt, to: finished)
                .set(\.$result, to: result.map { String($0.prefix(300)) }).set(\.$lastError, to: nil)
            row.statusRaw = JobModel.Status.done.rawValue
            row.result = result
        case .failure(let error):
            let message = String(String(describing: error).prefix(500))
            let definition = app.jobs.definition(row.kind)
            if let definition, row.attempts < definition.maxAttempts, let delay = definition.retry.delay(afterAttempt: row.attempts) {
                update.set(\.$statusRaw, to: JobModel.Status.queued.rawValue).set(\.$runAt, to: started.addingTimeInterval(delay))
                row.statusRaw = JobModel.Status.queued.rawValue
            } else {
                update.set(\.$statusRaw, to: JobModel.Status.dead.rawValue).set(\.$finishedAt, to: finished)
                row.statusRaw = JobModel.Status.dead.rawValue
            }
            update.set(\.$lastError, to: message)
            row.lastError = message
        }
        do {
            try await update.update()
        } catch {
            app.logger.error("job outcome not recorded", metadata: ["job": .string(row.kind), "error": .string(String(describing: error))])
        }
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        if case .failure = outcome {
            app.logger.warning(
                "job failed",
                metadata: [
                    "job": .string(row.kind), "attempt": .stringConvertible(row.attempts), "status": .string(row.statusRaw),
                    "error": .string(row.lastError ?? ""), "ms": .stringConvertible(milliseconds),
                ])
        } else {
            app.logger.debug("job done", metadata: ["job": .string(row.kind), "ms": .stringConvertible(milliseconds)])
        }
        return row
    }

    /// Runs job `name` now, outside its schedule, as a run of its own (the command line, tests).
    @discardableResult
    public static func runNow(_ name: String, app: Application, now: Date? = nil, payload: String = "{}") async throws -> JobModel {
        guard let definition = app.jobs.definition(name) else { throw JobError.unknownJob(name) }
        let now = now ?? app.clock.now()
        let row = JobModel()
        row.id = UUID()
        row.kind = name
        row.payload = payload
        row.uniqueKey = nil
        row.statusRaw = JobModel.Status.running.rawValue
        row.runAt = now
        row.claimToken = UUID().uuidString
        row.leaseUntil = now.addingTimeInterval(definition.lease)
        row.attempts = 1
        // A run by hand is tried once: a failure is reported, not retried behind the caller's back.
        row.maxAttempts = 1
        row.createdAt = now
        row.startedAt = now
        try await row.create(on: app.db)
        return await execute(row, app: app, now: now)
    }

    /// Queues a dead (or failed-for-now) run again with fresh attempts (administrators).
    public static func requeue(_ id: UUID, on db: any Database, now: Date) async throws {
        try await JobModel.query(on: db).filter(\.$id == id)
            .filter(\.$statusRaw ~~ [JobModel.Status.dead.rawValue, JobModel.Status.queued.rawValue])
            .set(\.$statusRaw, to: JobModel.Status.queued.rawValue).set(\.$attempts, to: 0).set(\.$runAt, to: now)
            .set(\.$finishedAt, to: nil)
            .update()
    }
}

/// Queues one-off runs of a job kind (a deadline, a follow-up): features call this inside the
/// transaction that makes the run necessary.
public enum JobQueue {
    /// Queues `kind` at `runAt` unless a run with `uniqueKey` exists.
    public static func enqueue<Payload: Encodable>(
        _ kind: String, payload: Payload, runAt: Date, uniqueKey: String?, maxAttempts: Int = 5, on db: any Database, now: Date
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw JobError.noSQLDatabase }
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        try await sql.insert(into: JobModel.schema)
            .columns("id", "kind", "payload", "unique_key", "status", "run_at", "attempts", "max_attempts", "created_at")
            .values(UUID(), kind, json, uniqueKey, JobModel.Status.queued.rawValue, runAt, 0, max(1, maxAttempts), now)
            .ignoringConflicts(with: ["unique_key"])
            .run()
    }
}

public enum JobError: Error, CustomStringConvertible {
    case noSQLDatabase
    case unknownJob(String)
    case leaseExpired(times: Int)

    public var description: String {
        switch self {
        case .noSQLDatabase: "jobs need an SQL database"
        case .unknownJob(let name): "no job is named \(name)"
        case .leaseExpired(let times): "the run's lease ran out \(times) times (a worker stopped while running it)"
        }
    }
}

extension JobRegistry {
    /// Whether this process has not yet scheduled `slot` of job `name` (and now has).
    func markScheduled(_ name: String, slot: String) -> Bool {
        scheduled.withLockedValue { scheduled in
            guard scheduled[name] != slot else { return false }
            scheduled[name] = slot
            return true
        }
    }
}

/// Runs the job runner every `interval` seconds while the server runs.
struct JobRunnerLifecycle: LifecycleHandler {
    let interval: Double
    private let task = TaskBox()

    final class TaskBox: @unchecked Sendable {
        // Set once at boot and cancelled at shutdown, both from the lifecycle's thread.
        var task: Task<Void, Never>?
    }

    func didBootAsync(_ application: Application) async throws {
        let interval = self.interval
        task.task = Task { [application] in
            while !Task.isCancelled {
                do {
                    // Keep going while there is a backlog; then wait for the next pass.
                    while try await JobRunner.runDue(application).count >= 10, !Task.isCancelled {}
                } catch {
                    application.logger.error("job pass failed", metadata: ["error": .string(String(describing: error))])
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.task?.cancel()
        await task.task?.value
    }
}
