import Foundation
@testable import TMNormCore

/// An instant from an ISO 8601 text with offset (the parser itself is tested in the Calendar tests).
func at(_ text: String) throws -> Date { try OsloTime.parseTimestamp(text) }

/// Oslo wall-clock noon (or another time) on a date.
func osloInstant(_ date: LocalDate, _ hour: Int = 12, _ minute: Int = 0, _ second: Int = 0) throws -> Date {
    OsloTime.instant(for: LocalDateTime(date: date, time: try LocalTime(hour: hour, minute: minute, second: second)))
}

func date(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

/// A norm built in a test; fails the test (throws) when it does not validate.
func testNorm(_ versions: [IndustryNormVersion], name: String = "testnorm") throws -> IndustryNorm {
    try IndustryNorm(name: name, versions: versions)
}

/// Weekday hours for Monday–Friday, e.g. `workdayHours(10, 20)`.
func workdayHours(_ opens: Int, _ closes: Int) throws -> [Weekday: CallingHours] {
    let hours = try CallingHours(opens: try LocalTime(hour: opens), closes: try LocalTime(hour: closes))
    return Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, hours) })
}
