/// A calendar date without time or zone (proleptic Gregorian), Codable as "YYYY-MM-DD".
public struct LocalDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Years a date may have: four-digit years, so "YYYY-MM-DD" round-trips.
    public static let representableYears = 1...9999

    /// A checked date; throws for 2025-02-29, month 13, year 0 and the like.
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        guard Self.representableYears.contains(year) else {
            throw .yearOutOfRange(year, supported: Self.representableYears)
        }
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        guard day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
            throw .dayOutOfRange(year: year, month: month, day: day)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Only for values already known to be valid (derived from a day number).
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date), e.g. "2026-05-17".
    public init(parsing text: String) throws(CalendarError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Self.digits(parts[0]), let m = Self.digits(parts[1]), let d = Self.digits(parts[2])
        else { throw .malformedDate(text) }
        try self.init(year: y, month: m, day: d)
    }

    /// "2026-05-17".
    public var iso8601: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// "17.05.2026", the Norwegian way of writing a date.
    public var norwegianFormatted: String { "\(Self.pad(day, 2)).\(Self.pad(month, 2)).\(Self.pad(year, 4))" }

    public var description: String { iso8601 }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso8601)
    }

    // MARK: Day arithmetic

    /// Days since 1970-01-01 (negative before); the basis of all date arithmetic here.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12  // March = 0, so the leap day ends the year.
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date a number of days after 1970-01-01 (inverse of `daysSinceEpoch`).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// This date moved by `days` (negative goes back).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The next day.
    public var next: LocalDate { adding(days: 1) }

    /// Day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let mod = ((daysSinceEpoch % 7) + 7) % 7
        return Weekday(isoNumber: (mod + 3) % 7 + 1) ?? .monday
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// Whether the year has 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month (0 for a month outside 1–12).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// The last given weekday of a month, e.g. the last Sunday of March (the EU summer-time rule).
    public static func last(_ weekday: Weekday, ofMonth month: Int, year: Int) -> LocalDate {
        let end = LocalDate(uncheckedYear: year, month: month, day: daysInMonth(year: year, month: month))
        let back = (end.weekday.isoNumber - weekday.isoNumber + 7) % 7
        return end.adding(days: -back)
    }

    /// The first given weekday of a month.
    public static func first(_ weekday: Weekday, ofMonth month: Int, year: Int) -> LocalDate {
        let start = LocalDate(uncheckedYear: year, month: month, day: 1)
        let forward = (weekday.isoNumber - start.weekday.isoNumber + 7) % 7
        return start.adding(days: forward)
    }

    static func digits(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(s)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
