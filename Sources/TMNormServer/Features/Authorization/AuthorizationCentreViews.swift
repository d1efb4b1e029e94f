import Foundation
import TMNormCore

/// `/authorization`: the centre sees its standing, applications and what it owes; the secretariat and
/// the board see every case and every centre, with overdue follow-ups flagged.
enum AuthorizationOverviewView {
    struct Centre: Sendable {
        let organisationID: UUID
        let record: AuthorizationCentreRecord
        let standing: AuthorizationPublicStanding
        let overdue: [Int]
        let renewal: AuthorizationRenewalStatus?
    }

    struct Model: Sendable {
        let viewer: CurrentUser
        let today: LocalDate
        let applications: [(id: UUID, application: AuthorizationApplication)]
        let centres: [Centre]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Godkjent Callcenter", en: "Godkjent Callcenter")), context: context) {
            if model.viewer.role == .callCentreAdmin {
                if let centre = model.centres.first {
                    el("p") {
                        context.t(Phrase(nb: "Status: ", en: "Status: "))
                        el("strong", .data("status", centre.standing.status.rawValue)) { context.t(AuthorizationText.status(centre.standing.status)) }
                        if centre.standing.status == .approved {
                            " · " + context.t(Phrase(nb: "gyldig til ", en: "valid until ")) + AuthorizationText.date(centre.standing.validUntil)
                        }
                    }
                    el("p") {
                        el("a", .href(SiteRoute.authorizationCentre(centre.organisationID).path)) {
                            context.t(Phrase(nb: "Godkjenning, oppfølging og sanksjoner", en: "Approval, follow-up and sanctions"))
                        }
                    }
                    if case .notYetOpen(let opens)? = centre.renewal {
                        el("p", .class("notice")) {
                            context.t(
                                Phrase(
                                    nb: "Søknad om fornyelse kan sendes fra \(opens.norwegianFormatted).",
                                    en: "Renewal can be applied for from \(opens.norwegianFormatted)."))
                        }
                    }
                }
                // While the renewal window is not yet open there is nothing to apply for: no button then.
                let renewal = model.centres.first?.renewal
                let tooEarly: Bool = if case .notYetOpen? = renewal { true } else { false }
                if !tooEarly && !model.applications.contains(where: { !$0.application.state.isFinal }) {
                    Form.post(SiteRoute.authorizationApplications.path, csrf: context.csrf) {
                        if case .open? = renewal {
                            Form.submit(context.t(Phrase(nb: "Søk om fornyelse", en: "Apply for renewal")))
                        } else {
                            Form.submit(context.t(Phrase(nb: "Start ny søknad", en: "Start a new application")))
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Søknader", en: "Applications")) }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Søker", en: "Applicant")),
                context.t(Phrase(nb: "Status", en: "State")),
                context.t(Phrase(nb: "Komplett", en: "Complete")),
            ]) {
                for (id, application) in model.applications {
                    el("tr") {
                        el("td") { el("a", .href(SiteRoute.authorizationApplication(id).path)) { application.applicantName } }
                        el("td") { context.t(AuthorizationApplicationView.stateText(application.state)) }
                        el("td") {
                            "\(application.completeness.rows.count - application.completeness.missing.count)/\(application.completeness.rows.count)"
                        }
                    }
                }
            }
            if model.viewer.role != .callCentreAdmin {
                el("h2") { context.t(Phrase(nb: "Callsentre i ordningen", en: "Call centres in the scheme")) }
                Table.scrolling(headings: [
                    context.t(Phrase(nb: "Callsenter", en: "Call centre")),
                    context.t(Phrase(nb: "Status", en: "Status")),
                    context.t(Phrase(nb: "Gyldig til", en: "Valid until")),
                    context.t(Phrase(nb: "Forfalt oppfølging", en: "Overdue follow-up")),
                ]) {
                    for centre in model.centres {
                        el("tr") {
                            el("td") { el("a", .href(SiteRoute.authorizationCentre(centre.organisationID).path)) { centre.record.name } }
                            el("td") {
                                Badge.make(
                                    context.t(AuthorizationText.status(centre.standing.status)), tone: AuthorizationText.tone(centre.standing.status))
                            }
                            el("td") { context.t(AuthorizationText.validUntil(centre.standing.status, centre.standing.validUntil)) }
                            el("td", .class(centre.overdue.isEmpty ? "" : "error")) {
                                centre.overdue.map { context.t(Phrase(nb: "år \($0)", en: "year \($0)")) }.joined(separator: ", ")
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `/authorization/centres/ORGNR`: approvals, follow-ups, sanctions with reasons and appeal deadlines.
enum AuthorizationCentreView {
    struct Model: Sendable {
        let organisationID: UUID
        let viewer: CurrentUser
        let today: LocalDate
        let record: AuthorizationCentreRecord
        let standing: AuthorizationPublicStanding
        let followUps: [(due: AuthorizationFollowUpDue, state: AuthorizationFollowUpState)]
        /// Reminders sent before follow-up and renewal deadlines, newest first.
        var reminders: [Reminder] = []
    }

    /// A reminder as the page shows it.
    struct Reminder: Sendable {
        let subject: String
        let deadline: LocalDate?
        let sentAt: Date
        let recipients: Int
    }

    static func reminderSubject(_ key: String) -> Phrase {
        if key == "renewal" { return Phrase(nb: "Fornyelse av godkjenningen", en: "Renewal of the approval") }
        let year = key.replacingOccurrences(of: "follow-up-", with: "")
        return Phrase(nb: "Oppfølgingsrapport år \(year)", en: "Follow-up report year \(year)")
    }

    static func followUpState(_ state: AuthorizationFollowUpState) -> Phrase {
        switch state {
        case .upcoming: Phrase(nb: "Kommer", en: "Upcoming")
        case .open: Phrase(nb: "Åpen", en: "Open")
        case .inGrace: Phrase(nb: "Forfalt (frist for purring)", en: "Past due (grace period)")
        case .overdue: Phrase(nb: "Forfalt – meldt til nemnda", en: "Overdue – flagged to the board")
        case .submitted(let on): Phrase(nb: "Levert \(on.norwegianFormatted)", en: "Submitted \(on.norwegianFormatted)")
        }
    }

    static func sanctionText(_ kind: AuthorizationSanctionKind) -> Phrase {
        switch kind {
        case .warning: Phrase(nb: "Advarsel", en: "Warning")
        case .suspension(.untilDate(let day)):
            Phrase(nb: "Suspensjon til \(day.norwegianFormatted)", en: "Suspension until \(day.norwegianFormatted)")
        case .suspension(.untilCondition(let condition)): Phrase(nb: "Suspensjon til: \(condition)", en: "Suspension until: \(condition)")
        case .revocation: Phrase(nb: "Tilbakekall", en: "Revocation")
        case .reinstatement: Phrase(nb: "Gjeninnsettelse", en: "Reinstatement")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let record = model.record
        return Layout.page(title: record.name, context: context) {
            el("p") {
                context.t(Phrase(nb: "Offentlig status: ", en: "Public status: "))
                el("strong", .data("status", model.standing.status.rawValue)) { context.t(AuthorizationText.status(model.standing.status)) }
                " · " + record.centre.formatted + " · "
                el("a", .href(SiteRoute.registerEntry(record.centre.digits).path)) {
                    context.t(Phrase(nb: "registeroppføring", en: "register entry"))
                }
            }
            el("h2") { context.t(Phrase(nb: "Godkjenninger", en: "Approvals")) }
            el("ul") {
                for approval in record.approvals {
                    el("li") {
                        context.t(approvalLine(approval, record: record))
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Årlig oppfølging", en: "Yearly follow-up")) }
            el("ul") {
                for (due, state) in model.followUps {
                    el("li", .data("follow-up", "\(due.year)")) {
                        context.t(
                            Phrase(
                                nb: "År \(due.year), frist \(due.dueOn.norwegianFormatted): ",
                                en: "Year \(due.year), due \(due.dueOn.norwegianFormatted): ")) + context.t(followUpState(state)) + " "
                        if state != .upcoming {
                            el("a", .href(SiteRoute.centreFollowUp(model.organisationID, year: due.year).path)) {
                                context.t(Phrase(nb: "rapport", en: "report"))
                            }
                        }
                    }
                }
            }
            if !model.reminders.isEmpty {
                el("h2") { context.t(Phrase(nb: "Påminnelser sendt", en: "Reminders sent")) }
                el("ul") {
                    for reminder in model.reminders {
                        el("li", .data("reminder", reminder.subject)) {
                            context.t(reminderSubject(reminder.subject)) + " — "
                                + context.t(
                                    Phrase(
                                        nb:
                                            "frist \(reminder.deadline?.norwegianFormatted ?? "–"), sendt \(NorwegianFormat.dateTime(reminder.sentAt)) til \(reminder.recipients) administrator(er)",
                                        en:
                                            "deadline \(reminder.deadline?.norwegianFormatted ?? "–"), sent \(NorwegianFormat.dateTime(reminder.sentAt)) to \(reminder.recipients) administrator(s)"
                                    ))
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Vedtak om sanksjoner", en: "Sanction decisions")) }
            el("ul") {
                for decision in record.sanctions {
                    el("li") {
                        context.t(sanctionText(decision.kind)) + " — "
                            + context.t(
                                Phrase(
                                    nb:
                                        "vedtatt \(decision.decidedOn.norwegianFormatted), virkning \(decision.effectiveFrom.norwegianFormatted), klagefrist \(decision.appealDeadline.norwegianFormatted): ",
                                    en:
                                        "decided \(decision.decidedOn.norwegianFormatted), effective \(decision.effectiveFrom.norwegianFormatted), appeal by \(decision.appealDeadline.norwegianFormatted): "
                                ))
                            + decision.reasons
                    }
                }
            }
            if model.viewer.role == .boardMember {
                Form.post(SiteRoute.centreSanctions(model.organisationID).path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Vedtak", en: "Decision")), name: "kind",
                        options: [
                            ("warning", context.t(Phrase(nb: "Advarsel", en: "Warning"))),
                            ("suspension", context.t(Phrase(nb: "Suspensjon", en: "Suspension"))),
                            ("revocation", context.t(Phrase(nb: "Tilbakekall", en: "Revocation"))),
                            ("reinstatement", context.t(Phrase(nb: "Gjeninnsettelse", en: "Reinstatement"))),
                        ])
                    Form.field(context.t(Phrase(nb: "Begrunnelse", en: "Reasons")), name: "reasons")
                    Form.field(
                        context.t(Phrase(nb: "Virkning fra (valgfritt)", en: "Effective from (optional)")), name: "effective_from", type: "date",
                        required: false)
                    Form.field(
                        context.t(Phrase(nb: "Suspensjon til dato", en: "Suspension until date")), name: "until", type: "date", required: false)
                    Form.field(
                        context.t(Phrase(nb: "…eller til vilkår er oppfylt", en: "…or until a condition is met")), name: "condition", required: false)
                    Form.submit(context.t(Phrase(nb: "Registrer vedtak", en: "Record decision")))
                }
            }
        }
    }
}

extension AuthorizationCentreView {
    /// "Gyldig 01.12.2025–30.11.2028 (første godkjenning, vedtatt 28.11.2025)".
    static func approvalLine(_ approval: AuthorizationApproval, record: AuthorizationCentreRecord) -> Phrase {
        let kind = AuthorizationWords.kind(approval.kind)
        let from = approval.validFrom.norwegianFormatted
        let to = record.effectiveEnd(of: approval).norwegianFormatted
        let granted = approval.grantedOn.norwegianFormatted
        return Phrase(nb: "Gyldig \(from)–\(to) (\(kind.nb), vedtatt \(granted))", en: "Valid \(from)–\(to) (\(kind.en), granted \(granted))")
    }
}
