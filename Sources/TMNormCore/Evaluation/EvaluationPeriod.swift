import Foundation

/// How a series is bucketed: calendar months, quarters or years in Europe/Oslo.
public enum EvaluationGranularity: String, Sendable, CaseIterable, Hashable, Codable {
    case month, quarter, year
}

/// One bucket of a series: a calendar month, quarter or year (Europe/Oslo civil dates).
public struct EvaluationPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let granularity: EvaluationGranularity
    public let year: Int
    /// 1–12 for months, 1–4 for quarters, 1 for years.
    public let index: Int

    public init(granularity: EvaluationGranularity, year: Int, index: Int) {
        self.granularity = granularity
        self.year = year
        self.index = index
    }

    /// The period that holds `date`.
    public init(containing date: LocalDate, granularity: EvaluationGranularity) {
        self.granularity = granularity
        year = date.year
        switch granularity {
        case .month: index = date.month
        case .quarter: index = (date.month - 1) / 3 + 1
        case .year: index = 1
        }
    }

    /// The label used in the API, CSV and tables: "2024-03", "2024-Q1", "2024".
    public var description: String {
        let y = String(year)
        switch granularity {
        case .month: return y + "-" + (index < 10 ? "0" : "") + String(index)
        case .quarter: return y + "-Q" + String(index)
        case .year: return y
        }
    }

    /// The label for people in Norwegian or English ("mar. 2024", "1. kv. 2024").
    public func label(norwegian: Bool) -> String {
        switch granularity {
        case .month:
            let nb = ["jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."]
            let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return (norwegian ? nb : en)[index - 1] + " " + String(year)
        case .quarter: return norwegian ? "\(index). kv. \(year)" : "Q\(index) \(year)"
        case .year: return String(year)
        }
    }

    /// The first day of the period.
    public var firstDay: LocalDate {
        let month =
            switch granularity {
            case .month: index
            case .quarter: (index - 1) * 3 + 1
            case .year: 1
            }
        // Year and month are always in range here: built from a valid date or from `next`.
        return (try? LocalDate(year: year, month: month, day: 1)) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// The last day of the period.
    public var lastDay: LocalDate { next.firstDay.adding(days: -1) }

    /// The period after this one.
    public var next: EvaluationPeriod {
        let count =
            switch granularity {
            case .month: 12
            case .quarter: 4
            case .year: 1
            }
        return index < count
            ? EvaluationPeriod(granularity: granularity, year: year, index: index + 1)
            : EvaluationPeriod(granularity: granularity, year: year + 1, index: 1)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.index) < (rhs.year, rhs.index) }

    /// Every period from the one holding `from` to the one holding `to`, in order (empty if `to` < `from`).
    public static func range(from: LocalDate, to: LocalDate, granularity: EvaluationGranularity) -> [EvaluationPeriod] {
        guard from <= to else { return [] }
        var out: [EvaluationPeriod] = []
        var period = EvaluationPeriod(containing: from, granularity: granularity)
        let last = EvaluationPeriod(containing: to, granularity: granularity)
        while period <= last {
            out.append(period)
            period = period.next
        }
        return out
    }
}

/// The scheme's milestones, marked on every line chart.
public struct EvaluationMilestone: Sendable, Hashable {
    public let date: LocalDate
    public let nb: String
    public let en: String

    public static let all: [EvaluationMilestone] = [
        EvaluationMilestone(date: day(2009, 6, 1), nb: "Markedsføringsloven i kraft", en: "Marketing act in force"),
        EvaluationMilestone(date: day(2018, 1, 1), nb: "Regler om nummervisning", en: "Caller-ID rules"),
        EvaluationMilestone(date: day(2024, 2, 13), nb: "Bransjenormen revidert", en: "Industry norm revised"),
    ]

    /// The scheme's first day: series start here by default.
    public static let schemeStart = day(2009, 6, 1)

    private static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate {
        (try? LocalDate(year: y, month: m, day: d)) ?? LocalDate(daysSinceEpoch: 0)
    }
}
