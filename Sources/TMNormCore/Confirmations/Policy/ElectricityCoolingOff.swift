import Foundation

/// Energiloven chapter 4 A (in force 1 July 2024): a consumer offered an electricity agreement by telephone can
/// accept it at the earliest 24 hours after receiving the offer (docs/domain.md, "Electricity"). A dated rule:
/// an offer sent before the rule's first day is judged without it.
public enum ElectricityCoolingOff {
    /// One version of the rule, in force from an Oslo date.
    public struct Rule: Sendable, Hashable {
        public let id: String
        public let effectiveFrom: LocalDate
        /// Hours between receiving the offer and the earliest acceptance.
        public let hours: Int
    }

    public static let energiloven2024 = Rule(
        id: "energiloven-kap4a-2024-07-01", effectiveFrom: LocalDate(uncheckedYear: 2024, month: 7, day: 1), hours: 24)

    /// Every version, oldest first.
    public static let history: [Rule] = [energiloven2024]

    /// Product categories that are electricity agreements (compared case-insensitively).
    public static let categories: Set<String> = ["strøm", "strom", "electricity", "elektrisitet", "kraft", "strømavtale"]

    public static func isElectricity(category: String) -> Bool {
        categories.contains(category.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The rule in force for an offer sent at `sentAt`, or nil before the first version.
    public static func rule(sentAt: Date, history: [Rule] = history) -> Rule? {
        let day = OsloTime.localDate(of: sentAt)
        return history.sorted { $0.effectiveFrom < $1.effectiveFrom }.last { $0.effectiveFrom <= day }
    }

    /// The earliest moment an offer of this category sent at `sentAt` may be accepted; nil when no cooling-off
    /// applies (not electricity, or sent before the rule).
    public static func earliestAcceptance(category: String, sentAt: Date, history: [Rule] = history) -> Date? {
        guard isElectricity(category: category), let rule = rule(sentAt: sentAt, history: history) else { return nil }
        return sentAt.addingTimeInterval(TimeInterval(rule.hours) * 3600)
    }
}
