import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/jobs`: the association's administrators see every background job — when it last ran and what it
/// did, when it runs next, runs that failed or died — and can run a job now or queue a dead run again.
struct JobWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.jobs, use: list)
        routes.post(.runJob, use: run)
        routes.post(.requeueJob, use: requeue)
    }

    private func requireOperator(_ req: Request) throws {
        guard try req.requireUser().role == .associationAdmin else { throw AppError.forbidden() }
    }

    func list(req: Request) async throws -> Response {
        try requireOperator(req)
        let model = try await JobOverview.load(app: req.application, now: req.now, on: req.db)
        return .html(JobsView.render(model, message: nil, context: req.pageContext))
    }

    func run(req: Request) async throws -> Response {
        try requireOperator(req)
        guard let name = req.parameters.get("name"), req.application.jobs.definition(name) != nil else { throw AppError.notFound() }
        let row = try await JobRunner.runNow(name, app: req.application, now: req.now)
        let message: Phrase =
            row.status == .done
            ? Phrase(nb: "Jobben er kjørt: \(row.result ?? "ingenting å gjøre").", en: "The job has run: \(row.result ?? "nothing to do").")
            : Phrase(nb: "Jobben feilet: \(row.lastError ?? "").", en: "The job failed: \(row.lastError ?? "").")
        let model = try await JobOverview.load(app: req.application, now: req.now, on: req.db)
        return .html(JobsView.render(model, message: message, context: req.pageContext))
    }

    func requeue(req: Request) async throws -> Response {
        try requireOperator(req)
        let id = try req.uuidParameter()
        guard try await JobModel.find(id, on: req.db) != nil else { throw AppError.notFound() }
        try await JobRunner.requeue(id, on: req.db, now: req.now)
        return req.redirect(to: .jobs)
    }
}

/// What the jobs page and `tmnorm jobs list` show.
struct JobOverview: Sendable {
    struct Job: Sendable {
        let name: String
        let summary: Phrase
        let schedule: JobSchedule?
        let lastDone: Date?
        let lastResult: String?
        let nextRun: Date?
        let queued: Int
        let running: Int
        let dead: Int
    }

    struct Run: Sendable {
        let id: UUID
        let kind: String
        let status: JobModel.Status
        let attempts: Int
        let maxAttempts: Int
        let runAt: Date
        let lastError: String?
    }

    let jobs: [Job]
    /// Runs that failed at least once and are waiting for a retry, and dead runs (newest first).
    let troubled: [Run]

    static func load(app: Application, now: Date, on db: any Database) async throws -> JobOverview {
        var jobs: [Job] = []
        for definition in app.jobs.definitions {
            let lastDone = try await JobModel.query(on: db).filter(\.$kind == definition.name)
                .filter(\.$statusRaw == JobModel.Status.done.rawValue).sort(\.$finishedAt, .descending).first()
            let open = try await JobModel.query(on: db).filter(\.$kind == definition.name)
                .filter(\.$statusRaw ~~ [JobModel.Status.queued.rawValue, JobModel.Status.running.rawValue, JobModel.Status.dead.rawValue]).all()
            let queued = open.filter { $0.status == .queued }
            jobs.append(
                Job(
                    name: definition.name, summary: definition.summary, schedule: definition.schedule,
                    lastDone: lastDone?.finishedAt, lastResult: lastDone?.result,
                    nextRun: queued.map(\.runAt).min() ?? definition.schedule?.nextRun(after: now),
                    queued: queued.count, running: open.filter { $0.status == .running }.count, dead: open.filter { $0.status == .dead }.count))
        }
        let troubled = try await JobModel.query(on: db)
            .group(.or) { group in
                group.filter(\.$statusRaw == JobModel.Status.dead.rawValue)
                group.group(.and) { $0.filter(\.$statusRaw == JobModel.Status.queued.rawValue).filter(\.$attempts > 0) }
            }
            .sort(\.$createdAt, .descending).range(..<100).all()
        return JobOverview(
            jobs: jobs,
            troubled: troubled.map { row in
                Run(
                    id: row.id ?? UUID(), kind: row.kind, status: row.status, attempts: row.attempts, maxAttempts: row.maxAttempts,
                    runAt: row.runAt, lastError: row.lastError)
            })
    }
}

extension JobSchedule {
    /// "hvert 5. sekund", "daglig kl. 03:30".
    var phrase: Phrase {
        switch self {
        case .every(let seconds) where seconds % 3600 == 0:
            seconds == 3600
                ? Phrase(nb: "hver time", en: "every hour") : Phrase(nb: "hver \(seconds / 3600). time", en: "every \(seconds / 3600) hours")
        case .every(let seconds) where seconds % 60 == 0:
            seconds == 60
                ? Phrase(nb: "hvert minutt", en: "every minute") : Phrase(nb: "hvert \(seconds / 60). minutt", en: "every \(seconds / 60) minutes")
        case .every(let seconds):
            seconds == 1 ? Phrase(nb: "hvert sekund", en: "every second") : Phrase(nb: "hvert \(seconds). sekund", en: "every \(seconds) seconds")
        case .daily(let time):
            Phrase(nb: "daglig kl. \(Self.hhmm(time))", en: "daily at \(Self.hhmm(time))")
        }
    }

    private static func hhmm(_ time: LocalTime) -> String {
        (time.hour < 10 ? "0" : "") + String(time.hour) + ":" + (time.minute < 10 ? "0" : "") + String(time.minute)
    }
}

extension JobRunner {
    /// The jobs as a plain-text table for `tmnorm jobs list` (English: command output is for operators' scripts too).
    public static func describe(_ app: Application, now: Date? = nil) async throws -> String {
        let now = now ?? app.clock.now()
        let overview = try await JobOverview.load(app: app, now: now, on: app.db)
        func time(_ date: Date?) -> String { date.map(OsloTime.iso8601) ?? "-" }
        var lines = ["NAME\tSCHEDULE\tLAST DONE\tNEXT\tQUEUED\tRUNNING\tDEAD\tWHAT IT DOES"]
        for job in overview.jobs {
            lines.append(
                [
                    job.name, job.schedule?.phrase.en ?? "when queued", time(job.lastDone) + (job.lastResult.map { " (\($0))" } ?? ""),
                    time(job.nextRun), String(job.queued), String(job.running), String(job.dead), job.summary.en,
                ].joined(separator: "\t"))
        }
        for run in overview.troubled {
            lines.append(
                "\(run.status == .dead ? "dead" : "retrying"): \(run.kind) attempt \(run.attempts)/\(run.maxAttempts): \(run.lastError ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// The names of the jobs this application knows.
    public static func names(_ app: Application) -> [String] { app.jobs.definitions.map(\.name) }
}
