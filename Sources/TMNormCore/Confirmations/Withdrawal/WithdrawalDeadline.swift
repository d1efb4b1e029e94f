import Foundation

/// What the consumer is buying, which decides when the withdrawal period starts and whether an offer is exempt.
public enum OfferProductKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Services (electricity, telecom, insurance, memberships…): the period runs from written acceptance.
    case service
    /// Goods: the period runs from the day the consumer receives them.
    case goods
    /// Newspaper subscriptions: exempt from written confirmation (docs/domain.md, “Written confirmation”).
    case newspaperSubscription = "newspaper_subscription"
}

/// Whether and when the consumer got the information about the withdrawal right.
public enum WithdrawalInformation: Sendable, Hashable, Codable {
    /// In the written offer (the normal case here: the offer text always carries it).
    case givenWithOffer
    /// Never given: the deadline is extended by the policy's months.
    case missing
    /// Given later, on that Oslo date: the period runs from then, but never past the extended deadline.
    case givenLater(LocalDate)
}

/// The last day a consumer may withdraw, and the instant it ends (23:59:59 Oslo time).
public struct WithdrawalDeadline: Sendable, Hashable, Codable {
    /// The day the period counts from (acceptance or receipt); day 1 is the day after.
    public let periodStart: LocalDate
    /// The last day before any move past weekends and holidays.
    public let unadjustedLastDay: LocalDate
    /// The last day the consumer may withdraw.
    public let lastDay: LocalDate
    /// 23:59:59 Oslo time on `lastDay`.
    public let endsAt: Date

    /// True when the last day was moved past a weekend, holiday or non-working special day.
    public var wasMovedToWorkingDay: Bool { lastDay != unadjustedLastDay }

    /// Whether a withdrawal at this instant is in time (any fraction of the last second still counts).
    public func isOpen(at instant: Date) -> Bool {
        instant < OsloTime.startOfDay(lastDay.next)
    }

    public init(periodStart: LocalDate, unadjustedLastDay: LocalDate, lastDay: LocalDate) {
        self.periodStart = periodStart
        self.unadjustedLastDay = unadjustedLastDay
        self.lastDay = lastDay
        self.endsAt = WithdrawalDeadlineCalculator.endOfDay(lastDay)
    }
}

/// Computes withdrawal deadlines in Oslo dates from a `WithdrawalPolicy`.
public enum WithdrawalDeadlineCalculator {
    /// The deadline for a period starting on `start` (the Oslo date of acceptance or receipt):
    /// `start + periodDays`; with missing information `missingInformationExtensionMonths` later; with
    /// information given later, `periodDays` after that, capped at the extended deadline.
    public static func deadline(
        startingOn start: LocalDate, information: WithdrawalInformation = .givenWithOffer,
        policy: WithdrawalPolicy = .standard
    ) -> WithdrawalDeadline {
        let original = start.adding(days: policy.periodDays)
        let extended = addingMonths(policy.missingInformationExtensionMonths, to: original)
        let last: LocalDate
        switch information {
        case .givenWithOffer: last = original
        case .missing: last = extended
        case .givenLater(let day): last = min(max(original, day.adding(days: policy.periodDays)), extended)
        }
        let adjusted = policy.extendToNextWorkingDay ? nextWorkingDay(onOrAfter: last, policy: policy) : last
        return WithdrawalDeadline(periodStart: start, unadjustedLastDay: last, lastDay: adjusted)
    }

    /// The deadline for an accepted offer: services from the Oslo date of acceptance, goods (and newspaper
    /// subscriptions, from the first issue) from the day of receipt; nil before receipt (the period has not
    /// started, withdrawal stays open).
    public static func deadline(
        for kind: OfferProductKind, acceptedAt: Date, goodsReceivedOn: LocalDate?,
        information: WithdrawalInformation = .givenWithOffer, policy: WithdrawalPolicy = .standard
    ) -> WithdrawalDeadline? {
        switch kind {
        case .service:
            return deadline(startingOn: OsloTime.localDate(of: acceptedAt), information: information, policy: policy)
        case .goods, .newspaperSubscription:
            // A newspaper subscription is a regular delivery of goods: from receipt of the first issue.
            guard let received = goodsReceivedOn else { return nil }
            return deadline(startingOn: received, information: information, policy: policy)
        }
    }

    /// Whether a day ends no deadline: weekend, public holiday (1 and 17 May included), or a listed special day.
    /// Years outside the holiday calendar (1900–2100) count weekends only.
    public static func isNonWorkingDay(_ day: LocalDate, policy: WithdrawalPolicy = .standard) -> Bool {
        if day.isWeekend { return true }
        if let holidays = try? NorwegianHolidays.holidays(on: day), !holidays.isEmpty { return true }
        if let special = try? NorwegianHolidays.specialDay(on: day), policy.nonWorkingSpecialDays.contains(special) {
            return true
        }
        return false
    }

    /// The first working day on or after `day` (at most a few days away: Easter gives the longest run).
    public static func nextWorkingDay(onOrAfter day: LocalDate, policy: WithdrawalPolicy = .standard) -> LocalDate {
        var candidate = day
        while isNonWorkingDay(candidate, policy: policy) { candidate = candidate.next }
        return candidate
    }

    /// The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb).
    public static func addingMonths(_ months: Int, to date: LocalDate) -> LocalDate {
        let zeroBased = date.year * 12 + (date.month - 1) + months
        let year = zeroBased / 12
        let month = zeroBased % 12 + 1
        let day = min(date.day, LocalDate.daysInMonth(year: year, month: month))
        return (try? LocalDate(year: year, month: month, day: day)) ?? date
    }

    /// 23:59:59 Oslo time on a day.
    static func endOfDay(_ day: LocalDate) -> Date {
        OsloTime.startOfDay(day.next).addingTimeInterval(-1)
    }
}
