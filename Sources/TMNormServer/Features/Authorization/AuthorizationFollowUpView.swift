import Foundation
import TMNormCore

/// The yearly follow-up form, pre-filled with the platform's figures for the period.
enum AuthorizationFollowUpView {
    struct Model: Sendable {
        let organisationID: UUID
        let viewer: CurrentUser
        let record: AuthorizationCentreRecord
        let draft: AuthorizationFollowUpDraft
        let submitted: AuthorizationFollowUpSubmission?
        let problems: [FieldProblem]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let due = model.draft.due
        let figures = model.draft.platformFigures
        return Layout.page(
            title: context.t(Phrase(nb: "Oppfølging år \(due.year): \(model.record.name)", en: "Follow-up year \(due.year): \(model.record.name)")),
            context: context
        ) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Perioden \(due.periodStart.norwegianFormatted)–\(due.periodEnd.norwegianFormatted); frist \(due.dueOn.norwegianFormatted).",
                        en: "Period \(due.periodStart.norwegianFormatted)–\(due.periodEnd.norwegianFormatted); due \(due.dueOn.norwegianFormatted)."))
            }
            el("h2") { context.t(Phrase(nb: "Det plattformen vet", en: "What the platform knows")) }
            el("dl", .class("card")) {
                el("dt") { context.t(Phrase(nb: "Vaskinger mot Reservasjonsregisteret", en: "Washes against the reservation register")) }
                el("dd", .data("figure", "wash_runs")) { figures.washRuns.map(String.init) ?? "—" }
                el("dt") { context.t(Phrase(nb: "«Kan jeg ringe?»-svar: tillatt / avvist", en: "May-call answers: allowed / refused")) }
                el("dd", .data("figure", "may_call")) {
                    "\(figures.callsAllowed.map(String.init) ?? "—") / \(figures.callsRefused.map(String.init) ?? "—")"
                }
            }
            if let submitted = model.submitted {
                let report = submitted.report
                el("p", .class("notice")) {
                    context.t(
                        Phrase(
                            nb: "Levert \(submitted.submittedOn.norwegianFormatted).", en: "Submitted \(submitted.submittedOn.norwegianFormatted)."))
                }
                el("ul") {
                    el("li") {
                        context.t(Phrase(nb: "Oppfyller fortsatt søknaden: ", en: "Still meets the application: "))
                            + (report.stillMeetsApplication ? "ja / yes" : "nei / no")
                    }
                    el("li") {
                        context.t(Phrase(nb: "Klager direkte / via Forbrukertilsynet: ", en: "Complaints direct / via the consumer authority: "))
                            + "\(report.complaintsDirect) / \(report.complaintsViaConsumerAuthority)"
                    }
                    el("li") {
                        context.t(Phrase(nb: "Besvarte / oppkoblede samtaler: ", en: "Answered / connected calls: "))
                            + "\(report.statistics.answeredCalls) / \(report.statistics.connectedCalls)"
                    }
                    el("li") {
                        context.t(Phrase(nb: "Klager per ringer: ", en: "Complaints per caller: "))
                            + (report.statistics.complaintsPerCaller.map { String(format: "%.2f", $0) } ?? "—")
                    }
                }
            } else if model.viewer.role == .callCentreAdmin {
                Form.post(SiteRoute.centreFollowUp(model.organisationID, year: due.year).path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Oppfyller dere fortsatt det dere søkte på?", en: "Do you still meet your application?")),
                        name: "still_meets_application",
                        options: [
                            ("", "—"), ("yes", context.t(Phrase(nb: "Ja", en: "Yes"))), ("no", context.t(Phrase(nb: "Nei", en: "No"))),
                        ])
                    Form.field(
                        context.t(Phrase(nb: "Kommentar (påkrevd ved nei)", en: "Statement (required if no)")), name: "statement", required: false)
                    Form.field(
                        context.t(Phrase(nb: "Klager mottatt direkte", en: "Complaints received directly")), name: "complaints_direct",
                        type: "number", value: figures.complaintsDirect.map(String.init) ?? "")
                    Form.field(
                        context.t(Phrase(nb: "Klager mottatt via Forbrukertilsynet", en: "Complaints via the consumer authority")),
                        name: "complaints_via_consumer_authority", type: "number",
                        value: figures.complaintsViaConsumerAuthority.map(String.init) ?? "")
                    Form.field(
                        context.t(Phrase(nb: "Besvarte samtaler (bransjenorm 2.4)", en: "Answered calls (industry norm 2.4)")),
                        name: "answered_calls", type: "number", value: figures.answeredCalls.map(String.init) ?? "")
                    Form.field(
                        context.t(Phrase(nb: "Oppkoblede samtaler", en: "Connected calls")), name: "connected_calls", type: "number",
                        value: figures.connectedCalls.map(String.init) ?? "")
                    el("div", .class("field")) {
                        el("label", .for("f-complaints_by_caller")) {
                            context.t(
                                Phrase(
                                    nb: "Klager per ringer (én per linje: ANSATTNR: ANTALL)",
                                    en: "Complaints per caller (one per line: EMPLOYEE NO: COUNT)"))
                        }
                        el("textarea", .id("f-complaints_by_caller"), .name("complaints_by_caller")) {
                            (figures.complaintsByCaller ?? []).map { "\($0.callerReference): \($0.complaints)" }.joined(separator: "\n")
                        }
                    }
                    Form.submit(context.t(Phrase(nb: "Send rapport", en: "Submit report")))
                }
            }
        }
    }
}
