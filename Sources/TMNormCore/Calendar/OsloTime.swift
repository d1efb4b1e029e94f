import Foundation

/// Europe/Oslo civil time computed in code (no tzdata): CET +01:00, CEST +02:00.
///
/// Supported exactly from 1980: summer time 1980 from the first Sunday of April to the last Sunday of
/// September; 1981–1995 last Sunday of March to last Sunday of September; from 1996 (the EU rule, also
/// assumed for every later year) last Sunday of March to last Sunday of October. Every change happens
/// at 01:00 UTC. Before 1980 no summer time is modelled (+01:00 throughout), which is wrong for the
/// Norwegian summer times of 1916, 1940–1945 and 1959–1965; nothing here asks about those years.
public enum OsloTime {
    /// Years in which the offsets are exact.
    public static let exactYears = 1980...2100

    /// Standard time (CET) offset, seconds east of UTC.
    public static let standardOffset = 3600
    /// Summer time (CEST) offset, seconds east of UTC.
    public static let summerOffset = 7200

    /// How to read a wall-clock time that does not exist or exists twice on a change day.
    public enum Resolution: Sendable, Hashable {
        /// Nonexistent (spring-forward) times move forward by the gap, like a clock set before the
        /// change that kept running: 02:30 becomes 03:30 CEST. Ambiguous (autumn) times take the
        /// first occurrence, in summer time (02:30 CEST).
        case earlier
        /// As `earlier` for nonexistent times, but ambiguous times take the second occurrence (02:30 CET).
        case later
    }

    /// The UTC instants (seconds since 1970) when summer time starts and ends in a year, or nil.
    public static func summerTimeTransitions(year: Int) -> (start: Int64, end: Int64)? {
        guard year >= 1980 else { return nil }
        let startDay: LocalDate =
            year == 1980
            ? LocalDate.first(.sunday, ofMonth: 4, year: year)
            : LocalDate.last(.sunday, ofMonth: 3, year: year)
        let endDay = LocalDate.last(.sunday, ofMonth: year <= 1995 ? 9 : 10, year: year)
        let oneAMUTC: Int64 = 3600
        return (
            Int64(startDay.daysSinceEpoch) * 86_400 + oneAMUTC,
            Int64(endDay.daysSinceEpoch) * 86_400 + oneAMUTC
        )
    }

    /// The offset from UTC in seconds in force at an instant (whole seconds since 1970).
    public static func offset(atUnixSeconds t: Int64) -> Int {
        // The UTC year equals the Oslo year at every transition (01:00 UTC in spring or autumn).
        let year = LocalDateTime(wallSecondsSinceEpoch: t).date.year
        guard let dst = summerTimeTransitions(year: year) else { return standardOffset }
        return (dst.start..<dst.end).contains(t) ? summerOffset : standardOffset
    }

    /// The offset from UTC in seconds in force at an instant.
    public static func offset(at instant: Date) -> Int { offset(atUnixSeconds: unixSeconds(instant)) }

    /// Whether an instant is in summer time (CEST).
    public static func isSummerTime(_ instant: Date) -> Bool { offset(at: instant) == summerOffset }

    /// The Oslo wall-clock date and time of an instant (fractions of a second are dropped).
    public static func localDateTime(of instant: Date) -> LocalDateTime {
        let t = unixSeconds(instant)
        return LocalDateTime(wallSecondsSinceEpoch: t + Int64(offset(atUnixSeconds: t)))
    }

    /// The Oslo calendar date of an instant.
    public static func localDate(of instant: Date) -> LocalDate { localDateTime(of: instant).date }

    /// The instant a wall-clock time in Oslo denotes; gaps and overlaps resolved as `resolution` says.
    public static func instant(for local: LocalDateTime, resolution: Resolution = .earlier) -> Date {
        Date(timeIntervalSince1970: TimeInterval(unixSeconds(for: local, resolution: resolution)))
    }

    /// The start of a calendar day in Oslo (00:00 never falls in a gap or overlap in Oslo).
    public static func startOfDay(_ date: LocalDate) -> Date {
        instant(for: LocalDateTime(date: date, time: .midnight))
    }

    /// Seconds since 1970 for a wall-clock time in Oslo.
    public static func unixSeconds(for local: LocalDateTime, resolution: Resolution = .earlier) -> Int64 {
        let wall = local.wallSecondsSinceEpoch
        // Try both offsets: a candidate is valid when the offset in force at it is the one assumed.
        let asSummer = wall - Int64(summerOffset)
        let asStandard = wall - Int64(standardOffset)
        let summerValid = offset(atUnixSeconds: asSummer) == summerOffset
        let standardValid = offset(atUnixSeconds: asStandard) == standardOffset
        switch (summerValid, standardValid) {
        case (true, true): return resolution == .earlier ? asSummer : asStandard
        case (true, false): return asSummer
        case (false, true): return asStandard
        case (false, false):
            // In the spring gap: read with the offset before the change (CET), landing after it.
            return asStandard
        }
    }

    /// Whether a wall-clock time is skipped when the clocks go forward.
    public static func isNonexistent(_ local: LocalDateTime) -> Bool {
        let wall = local.wallSecondsSinceEpoch
        return offset(atUnixSeconds: wall - Int64(summerOffset)) != summerOffset
            && offset(atUnixSeconds: wall - Int64(standardOffset)) != standardOffset
    }

    /// Whether a wall-clock time occurs twice when the clocks go back.
    public static func isAmbiguous(_ local: LocalDateTime) -> Bool {
        let wall = local.wallSecondsSinceEpoch
        return offset(atUnixSeconds: wall - Int64(summerOffset)) == summerOffset
            && offset(atUnixSeconds: wall - Int64(standardOffset)) == standardOffset
    }

    /// Whole seconds since 1970, rounded down (so 20:59:59.9 is still 20:59:59).
    static func unixSeconds(_ instant: Date) -> Int64 {
        Int64(instant.timeIntervalSince1970.rounded(.down))
    }
}
