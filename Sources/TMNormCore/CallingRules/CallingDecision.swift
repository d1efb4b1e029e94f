import Foundation

/// Why telephone marketing to consumers is or is not allowed at a moment; raw values are the API codes.
public enum CallingReason: String, Sendable, Codable, CaseIterable, Hashable {
    case ok
    case saturday
    case sunday
    case publicHoliday = "public_holiday"
    case holidayEquivalent = "holiday_equivalent"
    case beforeOpening = "before_opening"
    case afterClosing = "after_closing"
    /// The law allows the moment but the industry norm does not (closed day or shorter hours).
    case normClosed = "norm_closed"
}

/// The answer to "may we call a consumer at this moment?", with the rules used to reach it.
public struct CallingDecision: Sendable, Hashable {
    /// The moment asked about.
    public let at: Date
    /// That moment on the Oslo wall clock.
    public let local: LocalDateTime
    public let allowed: Bool
    public let reason: CallingReason
    /// The first moment at or after `at` when calling is allowed: equal to `at` when allowed now; nil
    /// only when no allowed moment exists within `CallingRules.searchHorizonDays` (or before 2101).
    public let nextAllowed: Date?
    /// The statutory rule-set version used, e.g. "mfl-2009-06-01".
    public let ruleSetID: String
    /// False for moments before the first recorded statutory version (its rule is applied cautiously).
    public let statutoryInForce: Bool
    /// The norm asked about, and the version in force (nil when none was asked for or none was in force).
    public let normName: String?
    public let normVersionID: String?
    /// The holiday, special day or closed date that decided a refusal, when one did.
    public let holiday: NorwegianHoliday?
    public let specialDay: NorwegianSpecialDay?
    /// The hours that applied on the day (law and norm combined), nil when the day was closed.
    public let hours: CallingHours?
    /// Human explanation in Norwegian bokmål.
    public let textNorwegian: String
    /// Human explanation in English.
    public let textEnglish: String

    /// `{"at", "allowed", "reason", "next_allowed"}` with Oslo-offset ISO 8601 times.
    public var summary: CallingDecisionSummary {
        CallingDecisionSummary(
            at: OsloTime.iso8601(at), allowed: allowed, reason: reason,
            nextAllowed: nextAllowed.map(OsloTime.iso8601))
    }
}

/// The JSON shape of a decision for the command line: `{"at", "allowed", "reason", "next_allowed"}`.
public struct CallingDecisionSummary: Sendable, Hashable, Codable {
    public let at: String
    public let allowed: Bool
    public let reason: CallingReason
    public let nextAllowed: String?

    private enum CodingKeys: String, CodingKey {
        case at, allowed, reason, nextAllowed = "next_allowed"
    }

    public init(at: String, allowed: Bool, reason: CallingReason, nextAllowed: String?) {
        self.at = at
        self.allowed = allowed
        self.reason = reason
        self.nextAllowed = nextAllowed
    }

    /// Writes `next_allowed` as null rather than leaving it out, so the key is always there.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(allowed, forKey: .allowed)
        try c.encode(reason, forKey: .reason)
        try c.encode(nextAllowed, forKey: .nextAllowed)
    }
}

/// A span when calling is allowed: from `start` (inclusive) to `end` (exclusive); JSON `{"start", "end"}`
/// as Oslo-offset ISO 8601.
public struct CallingWindow: Sendable, Hashable, Codable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            start = try OsloTime.parseTimestamp(try c.decode(String.self, forKey: .start))
            end = try OsloTime.parseTimestamp(try c.decode(String.self, forKey: .end))
        } catch let error as CalendarError {
            throw DecodingError.dataCorruptedError(forKey: .start, in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(OsloTime.iso8601(start), forKey: .start)
        try c.encode(OsloTime.iso8601(end), forKey: .end)
    }
}
