import Foundation
import TMNormCore

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
                context.t(
                    Phrase(
                        nb:
                            "Arbeid som går av seg selv: utløp av tilbud, påminnelser og opprydding. En jobb som feiler, prøves igjen med økende ventetid; etter siste forsøk stopper den og vises her.",
                        en:
                            "Work that runs by itself: offer expiry, reminders and clean-up. A failing job is retried with growing delays; after the last attempt it stops and is shown here."
                    ))
            }
            if let message { el("p", .class("notice"), .init("role", "status")) { context.t(message) } }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Jobb", en: "Job")), context.t(Phrase(nb: "Når", en: "When")),
                context.t(Phrase(nb: "Sist fullført", en: "Last done")), context.t(Phrase(nb: "Neste", en: "Next")), "",
            ]) {
                for job in model.jobs {
                    el("tr", .data("job", job.name), .data("dead", String(job.dead))) {
                        el("td") {
                            el("p") { context.t(job.summary) }
                            el("small", .class("hint")) {
                                context.t(Phrase(nb: "Fra kommandolinjen: ", en: "From the command line: "))
                                el("code") { "tmnorm jobs run \(job.name)" }
                            }
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
                        el("td") {
                            job.running > 0
                                ? context.t(Phrase(nb: "kjører nå", en: "running now")) : (job.nextRun.map(NorwegianFormat.dateTime) ?? "–")
                        }
                        el("td") {
                            Form.post(SiteRoute.runJob(job.name).path, csrf: context.csrf) {
                                Form.submit(context.t(Phrase(nb: "Kjør nå", en: "Run now")), class: "button secondary")
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Feil og stoppede kjøringer", en: "Failed and stopped runs")) }
            if model.troubled.isEmpty {
                el("p") { context.t(Phrase(nb: "Ingen: alle jobber har gått som de skal.", en: "None: every job has run as it should.")) }
            } else {
                Table.scrolling(headings: [
                    context.t(Phrase(nb: "Jobb", en: "Job")), context.t(Phrase(nb: "Status", en: "Status")),
                    context.t(Phrase(nb: "Forsøk", en: "Attempts")), context.t(Phrase(nb: "Feil", en: "Error")), "",
                ]) {
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
