import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// Reminds approved centres before a yearly follow-up report is due and before their approval runs out.
/// The core plans the reminders (`remindersToSend`); this job sends each one once, by e-mail through the
/// outbox to the centre's administrators, and records it so the centre page and the board can see it.
enum AuthorizationReminderJob {
    /// How often the worker loop looks for reminders; they are planned by the day, so a few passes an hour suffice.
    static let interval: TimeInterval = 600

    /// Runs the job from the worker loop at most once per `interval`.
    static func runIfDue(_ app: Application, now: Date) async throws {
        let due = app.authorizationReminderPacer.withLockedValue { last -> Bool in
            if let last, now.timeIntervalSince(last) < interval, now >= last { return false }
            last = now
            return true
        }
        if due { try await run(app, now: now) }
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
            let submitted = Set(approval.followUps(policy: policy).compactMap { due in
                record.submission(approvalID: approval.id, year: due.year).map { _ in due.year }
            })
            let alreadySent = Set(try await AuthorizationReminderModel.query(on: app.db)
                .filter(\.$organisation.$id == organisationID).all().map(\.reminderKey))
            let renewalAppliedFor = try await AuthorizationApplicationModel.query(on: app.db)
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
    private static func send(_ reminder: AuthorizationReminder, to organisationID: UUID, centreName: String, app: Application, now: Date) async throws {
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

extension AuthorizationReminderJob {
    /// Registers the job with the worker loop.
    static func boot(_ app: Application) {
        _ = app.authorizationReminderPacer
        app.messaging.jobs.append { app, now in
            try await AuthorizationReminderJob.runIfDue(app, now: now)
        }
    }
}

extension Application {
    private struct ReminderPacerKey: StorageKey { typealias Value = NIOLockedValueBox<Date?> }

    /// When the reminder job last ran in this process.
    var authorizationReminderPacer: NIOLockedValueBox<Date?> {
        if let box = storage[ReminderPacerKey.self] { return box }
        let box = NIOLockedValueBox<Date?>(nil)
        storage[ReminderPacerKey.self] = box
        return box
    }
}
