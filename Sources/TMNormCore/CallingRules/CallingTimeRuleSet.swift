/// A version of the statutory calling-time rule (mfl § 14), in force from `effectiveFrom` (Oslo date).
public struct CallingTimeRuleSet: Hashable, Sendable, Codable {
    /// Stable id recorded with every decision, e.g. "mfl-2009-06-01".
    public let id: String
    public let effectiveFrom: LocalDate
    /// Allowed hours per weekday; a weekday without hours is closed all day.
    public let hours: [Weekday: CallingHours]
    public let closedOnPublicHolidays: Bool
    public let closedOnHolidayEquivalents: Bool
    /// Where the rule comes from.
    public let source: String

    public init(
        id: String, effectiveFrom: LocalDate, hours: [Weekday: CallingHours],
        closedOnPublicHolidays: Bool, closedOnHolidayEquivalents: Bool, source: String
    ) {
        self.id = id
        self.effectiveFrom = effectiveFrom
        self.hours = hours
        self.closedOnPublicHolidays = closedOnPublicHolidays
        self.closedOnHolidayEquivalents = closedOnHolidayEquivalents
        self.source = source
    }
}

/// The recorded history of the statutory calling-time rule.
///
/// Only the 2009 rule is recorded: no earlier statutory calling-time rule was found. A question about a
/// moment before 1 June 2009 is answered with the 2009 rule, marked not in force (`statutoryInForce ==
/// false`), because refusing is the cautious answer when the law of the time is not known.
public enum StatutoryCallingRules {
    /// Markedsføringsloven 2009 § 14: Monday–Friday 09:00–21:00, never on Saturdays, Sundays, public
    /// holidays or the days treated as holidays (1 and 17 May).
    public static let mfl2009 = CallingTimeRuleSet(
        id: "mfl-2009-06-01",
        effectiveFrom: LocalDate(uncheckedYear: 2009, month: 6, day: 1),
        hours: Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, CallingHours.wholeHours(9, 21)) }),
        closedOnPublicHolidays: true,
        closedOnHolidayEquivalents: true,
        source: "markedsføringsloven (LOV-2009-01-09-2) § 14, in force 2009-06-01")

    /// Every recorded version, oldest first.
    public static let history: [CallingTimeRuleSet] = [mfl2009]

    /// The version in force on an Oslo date, and whether it really was in force then (false before the
    /// first recorded version, whose rule is then applied as the cautious answer).
    public static func ruleSet(on date: LocalDate, history: [CallingTimeRuleSet] = history) -> (
        ruleSet: CallingTimeRuleSet, inForce: Bool
    ) {
        let sorted = history.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if let current = sorted.last(where: { $0.effectiveFrom <= date }) { return (current, true) }
        return (sorted.first ?? mfl2009, false)
    }
}
