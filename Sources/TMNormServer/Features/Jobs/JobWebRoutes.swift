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
        let message: Phrase = row.status == .done
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
            jobs.append(Job(
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
        return JobOverview(jobs: jobs, troubled: troubled.map { row in
            Run(id: row.id ?? UUID(), kind: row.kind, status: row.status, attempts: row.attempts, maxAttempts: row.maxAttempts,
                runAt: row.runAt, lastError: row.lastError)
        })
    }
}

extension JobSchedule {
    /// "hvert 5. sekund", "daglig kl. 03:30".
    var phrase: Phrase {
        switch self {
        case .every(let seconds) where seconds % 3600 == 0:
            seconds == 3600 ? Phrase(nb: "hver time", en: "every hour") : Phrase(nb: "hver \(seconds / 3600). time", en: "every \(seconds / 3600) hours")
        case .every(let seconds) where seconds % 60 == 0:
            seconds == 60 ? Phrase(nb: "hvert minutt", en: "every minute") : Phrase(nb: "hvert \(seconds / 60). minutt", en: "every \(seconds / 60) minutes")
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

/// The jobs page.
enum JobsView {
    static func statusLabel(_ status: JobModel.Status) -> Phrase {
        switch status {
        case .queued: Phrase(nb: "Venter på nytt forsøk", en: "Waiting to retry")
        case .running: Phrase(nb: "Kjører", en: "Running")
        case .done: Phrase(nb: "Fullført", en: "Done")
        case .dead: Phrase(nb: "Stoppet (forsøk brukt opp)", en: "Stopped (retries exhausted)")
        }
    }

    static func render(_ model: JobOverview, message: Phrase?, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Bakgrunnsjobber", en: "Background jobs")), context: context) {
            el("p") {
                context.t(Phrase(
                    nb: "Arbeid som går av seg selv: utløp av tilbud, påminnelser og opprydding. En jobb som feiler, prøves igjen med økende ventetid; etter siste forsøk stopper den og vises her.",
                    en: "Work that runs by itself: offer expiry, reminders and clean-up. A failing job is retried with growing delays; after the last attempt it stops and is shown here."))
            }
            if let message { el("p", .class("notice"), .init("role", "status")) { context.t(message) } }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") {
                        el("tr") {
                            el("th") { context.t(Phrase(nb: "Jobb", en: "Job")) }
                            el("th") { context.t(Phrase(nb: "Når", en: "When")) }
                            el("th") { context.t(Phrase(nb: "Sist fullført", en: "Last done")) }
                            el("th") { context.t(Phrase(nb: "Neste", en: "Next")) }
                            el("th") { "" }
                        }
                    }
                    el("tbody") {
                        for job in model.jobs {
                            el("tr", .data("job", job.name), .data("dead", String(job.dead))) {
                                el("td") {
                                    el("p") { context.t(job.summary) }
                                    el("small") { job.name }
                                    if job.dead > 0 {
                                        el("p", .class("field-error")) { context.t(Phrase(nb: "\(job.dead) stoppet", en: "\(job.dead) stopped")) }
                                    }
                                }
                                el("td") { job.schedule.map { context.t($0.phrase) } ?? context.t(Phrase(nb: "ved behov", en: "when queued")) }
                                el("td") {
                                    if let done = job.lastDone {
                                        NorwegianFormat.dateTime(done) + (job.lastResult.map { " · " + $0 } ?? "")
                                    } else {
                                        context.t(Phrase(nb: "ikke ennå", en: "not yet"))
                                    }
                                }
                                el("td") { job.running > 0 ? context.t(Phrase(nb: "kjører nå", en: "running now")) : (job.nextRun.map(NorwegianFormat.dateTime) ?? "–") }
                                el("td") {
                                    Form.post(SiteRoute.runJob(job.name).path, csrf: context.csrf) {
                                        Form.submit(context.t(Phrase(nb: "Kjør nå", en: "Run now")), class: "button secondary")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Feil og stoppede kjøringer", en: "Failed and stopped runs")) }
            if model.troubled.isEmpty {
                el("p") { context.t(Phrase(nb: "Ingen: alle jobber har gått som de skal.", en: "None: every job has run as it should.")) }
            } else {
                el("div", .class("table-wrap")) {
                    el("table") {
                        el("thead") {
                            el("tr") {
                                el("th") { context.t(Phrase(nb: "Jobb", en: "Job")) }
                                el("th") { context.t(Phrase(nb: "Status", en: "Status")) }
                                el("th") { context.t(Phrase(nb: "Forsøk", en: "Attempts")) }
                                el("th") { context.t(Phrase(nb: "Feil", en: "Error")) }
                                el("th") { "" }
                            }
                        }
                        el("tbody") {
                            for run in model.troubled {
                                el("tr", .data("status", run.status.rawValue)) {
                                    el("td") { run.kind }
                                    el("td") {
                                        context.t(statusLabel(run.status))
                                            + (run.status == .queued ? " " + NorwegianFormat.dateTime(run.runAt) : "")
                                    }
                                    el("td") { "\(run.attempts) / \(run.maxAttempts)" }
                                    el("td", .class("field-error")) { run.lastError ?? "" }
                                    el("td") {
                                        if run.status == .dead {
                                            Form.post(SiteRoute.requeueJob(run.id).path, csrf: context.csrf) {
                                                Form.submit(context.t(Phrase(nb: "Prøv igjen", en: "Try again")))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
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
            lines.append([
                job.name, job.schedule?.phrase.en ?? "when queued", time(job.lastDone) + (job.lastResult.map { " (\($0))" } ?? ""),
                time(job.nextRun), String(job.queued), String(job.running), String(job.dead), job.summary.en,
            ].joined(separator: "\t"))
        }
        for run in overview.troubled {
            lines.append("\(run.status == .dead ? "dead" : "retrying"): \(run.kind) attempt \(run.attempts)/\(run.maxAttempts): \(run.lastError ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// The names of the jobs this application knows.
    public static func names(_ app: Application) -> [String] { app.jobs.definitions.map(\.name) }
}
