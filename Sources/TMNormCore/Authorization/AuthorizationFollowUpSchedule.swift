import Foundation

/// A yearly follow-up an approved centre owes: the year it covers, when it is due and when it is overdue.
public struct AuthorizationFollowUpDue: Sendable, Hashable, Codable {
    public let approvalID: String
    /// 1 after the first year, 2 after the second.
    public let year: Int
    /// First and last day of the year the report covers.
    public let periodStart: LocalDate
    public let periodEnd: LocalDate
    /// The anniversary: the first day the report can be submitted.
    public let opensOn: LocalDate
    public let dueOn: LocalDate
    /// The first day a missing report is overdue (after the grace period) and flagged to the board.
    public let overdueFrom: LocalDate

    /// Where the follow-up stands on a day, given when (if ever) its report was submitted.
    public func state(on date: LocalDate, submittedOn: LocalDate?) -> AuthorizationFollowUpState {
        if let submittedOn, submittedOn <= date { return .submitted(on: submittedOn) }
        if date < opensOn { return .upcoming }
        if date <= dueOn { return .open }
        if date < overdueFrom { return .inGrace }
        return .overdue
    }
}

/// Where a follow-up stands on a day.
public enum AuthorizationFollowUpState: Sendable, Hashable, Codable {
    /// The year is not over yet.
    case upcoming
    /// The report can be submitted and is not yet due.
    case open
    /// Past the due date but within the grace period.
    case inGrace
    /// Past the grace period without a report: the board is told.
    case overdue
    case submitted(on: LocalDate)
}

extension AuthorizationApproval {
    /// The follow-ups the policy asks for, in order (years 1 and 2 of a 3-year approval).
    public func followUps(policy: AuthorizationPolicy = .standard) -> [AuthorizationFollowUpDue] {
        policy.followUpYears.map { year in
            let start = AuthorizationPolicy.anniversary(of: validFrom, years: year - 1)
            let anniversary = AuthorizationPolicy.anniversary(of: validFrom, years: year)
            let due = anniversary.adding(days: policy.followUpDueDays)
            return AuthorizationFollowUpDue(
                approvalID: id, year: year, periodStart: start, periodEnd: anniversary.adding(days: -1),
                opensOn: anniversary, dueOn: due, overdueFrom: due.adding(days: policy.followUpGraceDays + 1))
        }
    }
}

/// What a reminder is about.
public enum AuthorizationReminderSubject: Sendable, Hashable, Codable {
    case followUp(year: Int)
    case renewal
}

/// A reminder to send to a centre; `key` lets the server record it as sent so it is never sent twice.
public struct AuthorizationReminder: Sendable, Hashable, Codable {
    public let approvalID: String
    public let subject: AuthorizationReminderSubject
    /// How many days before the deadline this reminder belongs to.
    public let daysBefore: Int
    /// The first day it may be sent.
    public let sendOn: LocalDate
    /// The due date (follow-up) or last valid day (renewal).
    public let deadline: LocalDate

    /// A stable key, e.g. "A-17/follow-up-1/14" or "A-17/renewal/30".
    public var key: String {
        switch subject {
        case .followUp(let year): "\(approvalID)/follow-up-\(year)/\(daysBefore)"
        case .renewal: "\(approvalID)/renewal/\(daysBefore)"
        }
    }
}

extension AuthorizationApproval {
    /// Every reminder the policy plans for this approval, earliest first.
    public func reminderPlan(policy: AuthorizationPolicy = .standard) -> [AuthorizationReminder] {
        var plan: [AuthorizationReminder] = []
        for due in followUps(policy: policy) {
            for days in policy.reminderDaysBeforeDue {
                plan.append(
                    AuthorizationReminder(
                        approvalID: id, subject: .followUp(year: due.year), daysBefore: days,
                        sendOn: due.dueOn.adding(days: -days), deadline: due.dueOn))
            }
        }
        for days in policy.renewalReminderDaysBeforeExpiry {
            plan.append(
                AuthorizationReminder(
                    approvalID: id, subject: .renewal, daysBefore: days, sendOn: validUntil.adding(days: -days),
                    deadline: validUntil))
        }
        return plan.sorted { ($0.sendOn, $0.daysBefore) < ($1.sendOn, $1.daysBefore) }
    }

    /// Reminders to send on a day. Per subject only the most recent one that is due is returned, so a job
    /// that missed days does not send a stale "14 days left" next to "3 days left". Subjects already dealt
    /// with (follow-up submitted, renewal applied for) and keys already sent are left out.
    public func remindersToSend(
        on date: LocalDate, policy: AuthorizationPolicy = .standard, submittedFollowUpYears: Set<Int>,
        renewalAppliedFor: Bool, alreadySent: Set<String>
    ) -> [AuthorizationReminder] {
        let candidates = reminderPlan(policy: policy).filter { r in
            guard r.sendOn <= date, date <= r.deadline else { return false }
            switch r.subject {
            case .followUp(let year): return !submittedFollowUpYears.contains(year)
            case .renewal: return !renewalAppliedFor
            }
        }
        let latestPerSubject = Dictionary(grouping: candidates, by: \.subject).compactMap { _, group in
            group.max { $0.sendOn < $1.sendOn }
        }
        return latestPerSubject.filter { !alreadySent.contains($0.key) }.sorted { $0.key < $1.key }
    }
}
