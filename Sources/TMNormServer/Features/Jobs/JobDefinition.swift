import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// What a job run gets: the application's services, the time it runs at, and its payload.
struct JobContext: Sendable {
    let app: Application
    let now: Date
    /// The run's JSON payload ("{}" for recurring runs).
    let payload: String
    let jobID: UUID

    /// The payload decoded as `T`; a payload that does not decode fails the run (and is retried, then dead).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(payload.utf8))
    }
}

/// One kind of background work. Every job must be idempotent: a run may be repeated after a crash (its
/// lease runs out) or overlap with a manual run, and must then do nothing twice. A job reads only what
/// is due (by an index), never every row of a table.
struct JobDefinition: Sendable {
    /// A stable name, used in the jobs table, on the command line and on the administrators' page.
    let name: String
    /// What the job does, for the administrators' page and `tmnorm jobs list`.
    let summary: Phrase
    /// Recurring jobs have a schedule; one-off kinds are queued by features with `JobQueue.enqueue`.
    let schedule: JobSchedule?
    /// Attempts in all before a run is dead; failures wait `retry` between attempts.
    let maxAttempts: Int
    let retry: RetrySchedule
    /// How long a claim holds before another worker may take the run over.
    let lease: TimeInterval
    /// Does the work; returns a few words on what it did ("3 offers expired"), or nil.
    let run: @Sendable (JobContext) async throws -> String?

    init(
        name: String, summary: Phrase, schedule: JobSchedule?, maxAttempts: Int = 5,
        retry: RetrySchedule = RetrySchedule(initialDelay: 30, multiplier: 2, maximumDelay: 3600, maximumAttempts: 5),
        lease: TimeInterval = 600, run: @escaping @Sendable (JobContext) async throws -> String?
    ) {
        self.name = name
        self.summary = summary
        self.schedule = schedule
        self.maxAttempts = max(1, maxAttempts)
        self.retry = retry
        self.lease = lease
        self.run = run
    }
}

/// The jobs this process knows, by name (set once at boot from `JobList`).
final class JobRegistry: Sendable {
    let definitions: [JobDefinition]
    private let byName: [String: JobDefinition]
    /// The slot each recurring job was last scheduled for by this process.
    let scheduled = NIOLockedValueBox<[String: String]>([:])

    init(_ definitions: [JobDefinition]) {
        self.definitions = definitions
        byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        precondition(byName.count == definitions.count, "two jobs share a name")
    }

    func definition(_ name: String) -> JobDefinition? { byName[name] }
}
