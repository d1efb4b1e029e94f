import Foundation

/// When an offer sent at a given instant must be accepted and when its reminder is due (from the policy).
public struct OfferDeadlines: Sendable, Hashable, Codable {
    /// The instant the offer was sent.
    public let sentAt: Date
    /// The last Oslo day the consumer may accept: the sending day plus `acceptanceDeadlineDays`.
    public let acceptByDay: LocalDate
    /// 23:59:59 Oslo time on `acceptByDay`; an acceptance after it finds the offer expired.
    public let acceptBy: Date
    /// The same Oslo wall-clock time `reminderAfterDays` later; nil when the policy sends no reminder.
    public let reminderDueAt: Date?

    public init(sentAt: Date, policy: ConfirmationPolicy = .standard) {
        self.sentAt = sentAt
        let sent = OsloTime.localDateTime(of: sentAt)
        acceptByDay = sent.date.adding(days: policy.acceptanceDeadlineDays)
        acceptBy = WithdrawalDeadlineCalculator.endOfDay(acceptByDay)
        reminderDueAt = policy.reminderAfterDays.map { days in
            let due = OsloTime.instant(for: LocalDateTime(date: sent.date.adding(days: days), time: sent.time))
            return min(due, WithdrawalDeadlineCalculator.endOfDay(sent.date.adding(days: policy.acceptanceDeadlineDays)))
        }
    }

    /// The first instant an acceptance is too late: midnight (Oslo) after `acceptByDay`.
    public var acceptanceClosesAt: Date { OsloTime.startOfDay(acceptByDay.next) }

    /// Whether an acceptance at this instant is in time (any fraction of the last second counts).
    public func isOpenForAcceptance(at instant: Date) -> Bool {
        instant < acceptanceClosesAt
    }
}
