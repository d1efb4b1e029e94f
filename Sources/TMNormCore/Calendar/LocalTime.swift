/// A wall-clock time of day (second precision), Codable as "HH:MM" or "HH:MM:SS".
public struct LocalTime: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Midnight, 00:00:00.
    public static let midnight = LocalTime(secondsSinceMidnight: 0)

    /// A checked time 00:00:00–23:59:59.
    public init(hour: Int, minute: Int = 0, second: Int = 0) throws(CalendarError) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw .timeOutOfRange(hour: hour, minute: minute, second: second)
        }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// From seconds after midnight, taken modulo one day.
    public init(secondsSinceMidnight: Int) {
        let s = ((secondsSinceMidnight % 86_400) + 86_400) % 86_400
        hour = s / 3600
        minute = (s % 3600) / 60
        second = s % 60
    }

    /// Parses "09:00" or "09:00:00".
    public init(parsing text: String) throws(CalendarError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 }),
            let h = LocalDate.digits(parts[0]), let m = LocalDate.digits(parts[1])
        else { throw .malformedTime(text) }
        var s = 0
        if parts.count == 3 {
            guard let parsed = LocalDate.digits(parts[2]) else { throw .malformedTime(text) }
            s = parsed
        }
        try self.init(hour: h, minute: m, second: s)
    }

    /// Seconds after midnight.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// "09:00" when the seconds are zero, otherwise "09:00:30".
    public var formatted: String {
        let hm = "\(CalendarError.pad(hour)):\(CalendarError.pad(minute))"
        return second == 0 ? hm : "\(hm):\(CalendarError.pad(second))"
    }

    public var description: String { formatted }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.secondsSinceMidnight < rhs.secondsSinceMidnight }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(formatted)
    }
}

/// A wall-clock date and time without zone, as read off a clock in Norway.
public struct LocalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Seconds since 1970-01-01T00:00:00 on this wall clock (as if the zone were UTC).
    public var wallSecondsSinceEpoch: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(time.secondsSinceMidnight)
    }

    /// The inverse of `wallSecondsSinceEpoch`.
    public init(wallSecondsSinceEpoch s: Int64) {
        let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
        date = LocalDate(daysSinceEpoch: Int(days))
        time = LocalTime(secondsSinceMidnight: Int(s - days * 86_400))
    }

    /// "2026-12-01T09:00:00".
    public var iso8601: String {
        "\(date.iso8601)T\(CalendarError.pad(time.hour)):\(CalendarError.pad(time.minute)):\(CalendarError.pad(time.second))"
    }

    public var description: String { iso8601 }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.date, lhs.time) < (rhs.date, rhs.time) }
}
