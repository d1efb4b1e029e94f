import Fluent
import Foundation
import SQLKit
import TMNormCore

/// One run of a job: a recurring job's slot (`unique_key` = name@slot) or a one-off queued by a feature.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
public final class JobModel: Model, @unchecked Sendable {
    public static let schema = "jobs"

    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for `run_at` (a first run, or a retry after a failure).
        case queued
        /// Claimed by a worker until `lease_until`; after that another worker may claim it again.
        case running
        case done
        /// Failed `max_attempts` times; an administrator may queue it again.
        case dead
    }

    @ID(key: .id) public var id: UUID?
    /// The job's name in `JobList` (e.g. "offer-expiry").
    @Field(key: "kind") public var kind: String
    /// JSON the job reads; "{}" for recurring runs.
    @Field(key: "payload") public var payload: String
    /// Unique when set: one run per recurring slot, or one per thing a one-off is about.
    @OptionalField(key: "unique_key") public var uniqueKey: String?
    @Field(key: "status") public var statusRaw: String
    @Field(key: "run_at") public var runAt: Date
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @OptionalField(key: "claim_token") public var claimToken: String?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    /// What the last successful run did, in a few words ("3 offers expired").
    @OptionalField(key: "result") public var result: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public var status: Status { Status(rawValue: statusRaw) ?? .queued }
}

/// Creates `jobs`.
struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(JobModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("unique_key", .string)
            .field("status", .string, .required)
            .field("run_at", .datetime, .required)
            .field("lease_until", .datetime)
            .field("claim_token", .string)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("last_error", .string)
            .field("result", .string)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .unique(on: "unique_key")
            .create()
        if let sql = database as? any SQLDatabase {
            // The claim reads due rows by status and time, the scheduler a job's open runs, the pruning
            // finished runs by age.
            try await sql.raw("CREATE INDEX jobs_due ON jobs (status, run_at)").run()
            try await sql.raw("CREATE INDEX jobs_open ON jobs (kind, status)").run()
            try await sql.raw("CREATE INDEX jobs_finished ON jobs (status, finished_at)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(JobModel.schema).delete()
    }
}

extension JobModel {
    /// Finished runs are kept this long for the administrators' page, then deleted; dead runs stay
    /// until someone queues them again.
    static let retention: TimeInterval = 7 * 24 * 3600

    static let pruneJob = JobDefinition(
        name: "jobs-prune",
        summary: Phrase(nb: "Sletter fullførte jobbkjøringer eldre enn sju dager.", en: "Deletes finished job runs older than seven days."),
        schedule: .daily(at: LocalTime(secondsSinceMidnight: 3 * 3600 + 30 * 60))
    ) { context in
        let query = JobModel.query(on: context.app.db)
            .filter(\.$statusRaw == Status.done.rawValue).filter(\.$finishedAt < context.now.addingTimeInterval(-retention))
        let count = try await query.count()
        if count > 0 { try await query.delete() }
        return count == 0 ? nil : "\(count) deleted"
    }
}
