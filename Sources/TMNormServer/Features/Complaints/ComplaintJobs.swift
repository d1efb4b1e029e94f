import Fluent
import Foundation
import TMNormCore
import Vapor

/// The complaint handling's background work: reminders before the answer deadline, late answers flagged to
/// the board, and the consumer's contact details erased when the retention period has run out. Each run
/// reads only what is due, by an index, and does nothing twice (idempotency keys on every message).
enum ComplaintJobs {
    static let deadlines = JobDefinition(
        name: "complaint-deadlines",
        summary: Phrase(
            nb: "Minner bedriftene om svarfristen i klagesaker og melder svar på overtid til nemnda.",
            en: "Reminds businesses of the answer deadline in complaint cases and flags late answers to the board."),
        schedule: .every(seconds: 600)
    ) { context in
        let (reminded, overdue) = try await runDeadlines(context.app, now: context.now)
        return reminded + overdue == 0 ? nil : "\(reminded) reminded, \(overdue) overdue"
    }

    static let erasure = JobDefinition(
        name: "complaint-erasure",
        summary: Phrase(
            nb: "Sletter forbrukerens kontaktopplysninger i avsluttede klagesaker når oppbevaringstiden er ute.",
            en: "Erases the consumer's contact details in closed complaint cases when the retention period has run out."),
        schedule: .every(seconds: 3600)
    ) { context in
        let erased = try await runErasure(context.app, now: context.now)
        return erased == 0 ? nil : "\(erased) erased"
    }

    /// Sends each due reminder once and marks late answers overdue; returns how many of each.
    @discardableResult
    static func runDeadlines(_ app: Application, now: Date) async throws -> (reminded: Int, overdue: Int) {
        let policy = app.complaintSettings.policy
        let horizon = now.addingTimeInterval(Double(policy.reminderDaysBefore) * 86_400)
        let due = try await ComplaintModel.query(on: app.db).filter(\.$stateRaw == ComplaintState.awaitingAnswer.rawValue)
            .filter(\.$answerDueAt <= horizon).all()
        var reminded = 0
        var overdue = 0
        for complaint in due {
            guard let handling = try complaint.handling(), handling.runningStop == nil else { continue }
            let id = try complaint.requireID().uuidString.lowercased()
            if handling.isAnswerLate(at: now) {
                _ = try ComplaintCases.change(complaint) { c throws(ComplaintCaseError) in try c.markOverdue(at: now) }
                let overseers = try await UserModel.query(on: app.db)
                    .filter(\.$roleRaw ~~ [Role.boardMember.rawValue, Role.associationAdmin.rawValue]).filter(\.$disabledAt == nil).all()
                let link = app.config.publicBaseURL + SiteRoute.complaintCaseFile(try complaint.requireID()).path
                try await app.db.writeTransaction { db in
                    try await complaint.save(on: db)
                    for person in overseers {
                        try await Messaging.queue(
                            on: db, kind: .email, to: person.email, subject: "Klage \(complaint.reference): svar på overtid / Answer overdue",
                            text: """
                                Bedriften har ikke svart på klage \(complaint.reference) innen fristen. Saken kan sendes til nemnda.
                                \(link)

                                The business has not answered complaint \(complaint.reference) by the deadline. The case can go to the board.
                                """,
                            idempotencyKey: "complaint-overdue:\(id):\(try person.requireID().uuidString.lowercased())", now: now)
                    }
                }
                overdue += 1
            } else {
                let answered = try await ComplaintAnswerModel.query(on: app.db).filter(\.$complaintID == complaint.requireID()).all()
                    .map(\.organisationID)
                let deadline = handling.answerDue.map(NorwegianFormat.date) ?? ""
                let link = app.config.publicBaseURL + SiteRoute.complaintCaseFile(try complaint.requireID()).path
                for (organisationID, user) in try await ComplaintCases.partyUsers(complaint, on: app.db) where !answered.contains(organisationID) {
                    try await Messaging.queue(
                        on: app.db, kind: .email, to: user.email,
                        subject: "Påminnelse: klage \(complaint.reference), svarfrist \(deadline) / Reminder",
                        text: """
                            Vi har ikke mottatt svar på klage \(complaint.reference). Svarfristen er \(deadline); et svar som ikke kommer, meldes til nemnda.
                            \(link)

                            We have not received your answer to complaint \(complaint.reference). The deadline is \(deadline); a missing answer is flagged to the board.
                            """,
                        // One reminder per deadline: a deadline moved by a stopped clock gets its own.
                        idempotencyKey: "complaint-reminder:\(id):\(deadline):\(try user.requireID().uuidString.lowercased())",
                        organisationID: organisationID,
                        now: now)
                }
                reminded += 1
            }
        }
        return (reminded, overdue)
    }

    /// Erases the consumer's name, e-mail, phone and the called number from cases closed longer than the
    /// retention period; the case, its facts (linked by the number's keyed hash) and the decision remain.
    @discardableResult
    static func runErasure(_ app: Application, now: Date) async throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(app.complaintSettings.policy.retentionDays) * 86_400)
        let due = try await ComplaintModel.query(on: app.db).filter(\.$stateRaw == ComplaintState.closed.rawValue)
            .filter(\.$closedAt <= cutoff).filter(\.$contactsErasedAt == nil).all()
        for complaint in due {
            complaint.contactName = nil
            complaint.contactEmail = nil
            complaint.contactPhone = nil
            complaint.number = nil
            complaint.contactsErasedAt = now
            try await complaint.save(on: app.db)
        }
        return due.count
    }
}
