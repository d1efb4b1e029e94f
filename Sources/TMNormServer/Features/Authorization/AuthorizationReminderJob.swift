import Fluent
import Foundation
import TMNormCore
import Vapor

/// Reminds approved centres before a yearly follow-up report is due and before their approval runs out.
/// The core plans the reminders (`remindersToSend`); this job sends each one once, by e-mail through the
/// outbox to the centre's administrators, and records it so the centre page and the board can see it.
enum AuthorizationReminderJob {
    /// Reminders are planned by the day, so a few runs an hour suffice.
    static let definition = JobDefinition(
        name: "authorization-reminders",
        summary: Phrase(
            nb: "Minner godkjente callsentre om årlig oppfølgingsrapport og om fornyelse før godkjenningen utløper.",
            en: "Reminds approved call centres of the yearly follow-up report and of renewal before the approval expires."),
        schedule: .every(seconds: 600)
    ) { context in
        let sent = try await run(context.app, now: context.now)
        return sent.isEmpty ? nil : "\(sent.count) sent"
    }

    /// Sends every reminder due on the Oslo day of `now` that was not sent before; returns those sent.
    @discardableResult
    static func run(_ app: Application, now: Date) async throws -> [AuthorizationReminder] {
        let today = OsloTime.localDate(of: now)
        let policy = app.authorizationSettings.policy
        var sent: [AuthorizationReminder] = []
        for model in try await AuthorizationRecordModel.query(on: app.db).all() {
            let organisationID = model.$organisation.id
            let record = try model.record()
            guard let approval = record.approval(runningOn: today), record.publicStanding(on: today).status == .approved else { continue }
            let submitted = Set(
                approval.followUps(policy: policy).compactMap { due in
                    record.submission(approvalID: approval.id, year: due.year).map { _ in due.year }
                })
            let alreadySent = Set(
                try await AuthorizationReminderModel.query(on: app.db)
                    .filter(\.$organisation.$id == organisationID).all().map(\.reminderKey))
            let renewalAppliedFor =
                try await AuthorizationApplicationModel.query(on: app.db)
                .filter(\.$organisation.$id == organisationID)
                .filter(\.$kind == AuthorizationApplicationKind.continuation.rawValue)
                .filter(\.$state !~ [AuthorizationApplicationState.draft.rawValue, AuthorizationApplicationState.withdrawn.rawValue])
                .filter(\.$createdAt >= OsloTime.startOfDay(approval.renewalWindowOpens(policy: policy)))
                .count() > 0
            let reminders = approval.remindersToSend(
                on: today, policy: policy, submittedFollowUpYears: submitted, renewalAppliedFor: renewalAppliedFor, alreadySent: alreadySent)
            for reminder in reminders {
                try await send(reminder, to: organisationID, centreName: record.name, app: app, now: now)
                sent.append(reminder)
            }
        }
        return sent
    }

    /// Records the reminder and queues one e-mail per administrator in the same transaction, so a crash
    /// leaves either both or neither.
    private static func send(_ reminder: AuthorizationReminder, to organisationID: UUID, centreName: String, app: Application, now: Date) async throws
    {
        let admins = try await UserModel.query(on: app.db)
            .filter(\.$organisation.$id == organisationID).filter(\.$roleRaw == Role.callCentreAdmin.rawValue).all()
        let link = app.config.publicBaseURL + SiteRoute.authorizationCentre(organisationID).path
        let text = AuthorizationReminderText.body(reminder, centreName: centreName, link: link)
        try await app.db.writeTransaction { db in
            let row = AuthorizationReminderModel()
            row.id = UUID()
            row.$organisation.id = organisationID
            row.reminderKey = reminder.key
            row.subject = AuthorizationReminderText.subjectKey(reminder.subject)
            row.deadline = reminder.deadline.description
            row.daysBefore = reminder.daysBefore
            row.recipients = admins.count
            row.sentAt = now
            try await row.create(on: db)
            for admin in admins {
                try await Messaging.enqueue(
                    on: db, kind: .email, to: admin.email, subject: AuthorizationReminderText.subject(reminder), text: text,
                    idempotencyKey: "authorization-reminder:\(organisationID.uuidString):\(reminder.key):\(try admin.requireID().uuidString)",
                    organisationID: organisationID, now: now)
            }
        }
    }
}

/// The reminder e-mail, Norwegian first with English below (the recipient's language is not known).
enum AuthorizationReminderText {
    static func subjectKey(_ subject: AuthorizationReminderSubject) -> String {
        switch subject {
        case .followUp(let year): "follow-up-\(year)"
        case .renewal: "renewal"
        }
    }

    static func subject(_ reminder: AuthorizationReminder) -> String {
        switch reminder.subject {
        case .followUp(let year):
            "Påminnelse: oppfølgingsrapport år \(year) innen \(reminder.deadline.norwegianFormatted) / Follow-up report due"
        case .renewal:
            "Påminnelse: godkjenningen utløper \(reminder.deadline.norwegianFormatted) / Approval expires"
        }
    }

    static func body(_ reminder: AuthorizationReminder, centreName: String, link: String) -> String {
        let deadline = reminder.deadline.norwegianFormatted
        switch reminder.subject {
        case .followUp(let year):
            return """
                Til \(centreName)

                Den årlige oppfølgingsrapporten for godkjenningsår \(year) skal leveres innen \(deadline). \
                Tall plattformen kjenner er fylt ut på forhånd; dere legger til resten. \
                En rapport som ikke er levert etter fristen, meldes til nemnda.
                \(link)

                The yearly follow-up report for approval year \(year) is due by \(deadline). \
                Figures the platform knows are pre-filled; add the rest. A report missing after the grace period is flagged to the board.
                """
        case .renewal:
            return """
                Til \(centreName)

                Godkjenningen gjelder til og med \(deadline). Søk om fortsatt godkjenning før denne datoen, \
                ellers blir dere stående som utløpt i det offentlige registeret.
                \(link)

                Your approval is valid through \(deadline). Apply for continuation before then, \
                or the public register will show the approval as expired.
                """
        }
    }
}
