import Foundation

/// How long a washed list may be called (policy; docs/domain.md, “Reservation register”).
public enum WashFreshnessRule: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Brønnøysundregistrene's "wash in the month the marketing is done": a list may be called in
    /// calendar month M (Europe/Oslo) only if washed in M against a register copy obtained in M.
    case sameCalendarMonth
    /// The register copy may be at most N days old (Oslo calendar days) when a call is made, like the US
    /// safe harbour of 31 days — and never past the end of the month the list was washed in, since a list
    /// may be called in month M only if washed in M.
    case maxAgeDays(Int)

    /// Reads "same-month" or "max-age-days:N".
    public init?(parsing text: String) {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        if t == "same-month" || t == "samecalendarmonth" {
            self = .sameCalendarMonth
        } else if t.hasPrefix("max-age-days:"), let n = Int(t.dropFirst("max-age-days:".count)), n >= 0 {
            self = .maxAgeDays(n)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .sameCalendarMonth: "same-month"
        case .maxAgeDays(let n): "max-age-days:\(n)"
        }
    }

    /// Decodes the text form ("same-month", "max-age-days:31").
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rule = WashFreshnessRule(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a freshness rule (same-month or max-age-days:N)")
        }
        self = rule
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The record of one wash: what was washed, against which register copy and block-list versions, the
/// outcome, when and by whom, and until when the list may be called.
public struct WashCertificate: Sendable, Codable, Equatable {
    public var listSHA256: String
    public var listBytes: Int
    public var register: WashRegisterReference
    /// Owner → version of each internal block list applied.
    public var blockListVersions: [String: String]
    public var rows: Int
    public var callable: Int
    public var rejected: Int
    public var byReason: [String: Int]
    public var exempted: Int
    public var voluntaryOrganisation: Bool
    public var personMatching: Bool
    public var washedAt: Date
    public var washedBy: String
    public var rule: WashFreshnessRule
    /// Calls are allowed from `washedAt` up to (not including) this instant; nil when never.
    public var validUntil: Date?
    /// Why the wash never permits calling (e.g. the register copy is from an earlier month).
    public var invalidReason: String?

    /// Issues the certificate for a finished wash. `washedAt` and `washedBy` come from the caller (no
    /// clock in the core).
    public static func issue(summary: WashSummary, washedAt: Date, washedBy: String, rule: WashFreshnessRule) -> WashCertificate {
        let (validUntil, invalidReason) = validity(washedAt: washedAt, obtainedAt: summary.register.obtainedAt, rule: rule)
        return WashCertificate(
            listSHA256: summary.listSHA256, listBytes: summary.listBytes, register: summary.register,
            blockListVersions: summary.blockListVersions, rows: summary.rows, callable: summary.callable,
            rejected: summary.rejected, byReason: summary.byReason, exempted: summary.exempted,
            voluntaryOrganisation: summary.voluntaryOrganisation, personMatching: summary.personMatching,
            washedAt: washedAt, washedBy: washedBy, rule: rule, validUntil: validUntil, invalidReason: invalidReason)
    }

    /// Whether the washed list may be called at `instant` under this certificate.
    public func permitsCalling(at instant: Date) -> Bool {
        guard let validUntil else { return false }
        return instant >= washedAt && instant < validUntil
    }

    /// The end of the calling period, or why there is none.
    public static func validity(washedAt: Date, obtainedAt: Date, rule: WashFreshnessRule) -> (Date?, String?) {
        switch rule {
        case .sameCalendarMonth:
            let washed = OsloTime.localDate(of: washedAt)
            let obtained = OsloTime.localDate(of: obtainedAt)
            guard washed.year == obtained.year && washed.month == obtained.month else {
                return (
                    nil,
                    "the register copy was obtained in \(monthText(obtained)), not in the wash month \(monthText(washed)): import this month's register delivery and wash again"
                )
            }
            return (startOfNextMonth(after: washed), nil)
        case .maxAgeDays(let days):
            let local = OsloTime.localDateTime(of: obtainedAt)
            let end = OsloTime.instant(for: LocalDateTime(date: local.date.adding(days: days), time: local.time))
            guard washedAt < end else {
                return (nil, "the register copy obtained \(OsloTime.iso8601(obtainedAt)) was more than \(days) days old when the list was washed")
            }
            // Capped at the wash month's end: a list never spans two calendar months.
            return (min(end, startOfNextMonth(after: OsloTime.localDate(of: washedAt))), nil)
        }
    }

    /// 00:00 Oslo time on the first day of the month after `date`'s month.
    static func startOfNextMonth(after date: LocalDate) -> Date {
        let daysLeft = LocalDate.daysInMonth(year: date.year, month: date.month) - date.day + 1
        return OsloTime.startOfDay(date.adding(days: daysLeft))
    }

    private static func monthText(_ date: LocalDate) -> String {
        String(date.iso8601.prefix(7))
    }
}
