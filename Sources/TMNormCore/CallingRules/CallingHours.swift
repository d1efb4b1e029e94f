/// The hours of one day when calls are allowed: from `opens` (inclusive) until `closes` (exclusive).
public struct CallingHours: Hashable, Sendable, Codable, CustomStringConvertible {
    public let opens: LocalTime
    public let closes: LocalTime

    /// Checked: `opens` must come before `closes`.
    public init(opens: LocalTime, closes: LocalTime) throws(CallingRulesError) {
        guard opens < closes else { throw .invalidHours(opens: opens, closes: closes) }
        self.opens = opens
        self.closes = closes
    }

    /// For values already known to be valid (built-in literals, intersections).
    init(uncheckedOpens opens: LocalTime, closes: LocalTime) {
        self.opens = opens
        self.closes = closes
    }

    /// Whether a time of day falls within the hours.
    public func contains(_ time: LocalTime) -> Bool { opens <= time && time < closes }

    /// The hours both allow, or nil when they do not overlap.
    public func intersection(_ other: CallingHours) -> CallingHours? {
        let o = max(opens, other.opens)
        let c = min(closes, other.closes)
        return o < c ? CallingHours(uncheckedOpens: o, closes: c) : nil
    }

    /// "09:00–21:00".
    public var description: String { "\(opens.formatted)–\(closes.formatted)" }

    private enum CodingKeys: String, CodingKey { case opens, closes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let opens = try c.decode(LocalTime.self, forKey: .opens)
        let closes = try c.decode(LocalTime.self, forKey: .closes)
        do { try self.init(opens: opens, closes: closes) } catch {
            throw DecodingError.dataCorruptedError(forKey: .closes, in: c, debugDescription: error.description)
        }
    }

    /// Whole-hour literal for built-in rules, e.g. `wholeHours(9, 21)`; callers pass constants 0–23.
    static func wholeHours(_ opens: Int, _ closes: Int) -> CallingHours {
        CallingHours(
            uncheckedOpens: LocalTime(secondsSinceMidnight: opens * 3600),
            closes: LocalTime(secondsSinceMidnight: closes * 3600))
    }
}
