import Foundation
import Testing
@testable import TMNormCore

@Suite("ISO 8601 timestamps in Oslo time")
struct OsloTimestampTests {
    @Test(
        "a timestamp with an offset or Z is an exact instant",
        arguments: [
            ("2026-12-01T09:00:00+01:00", utc(2026, 12, 1, 8)),
            ("2026-12-01T08:00:00Z", utc(2026, 12, 1, 8)),
            ("2026-12-01T08:00Z", utc(2026, 12, 1, 8)),
            ("2026-12-01T03:00:00-05:00", utc(2026, 12, 1, 8)),
            ("2026-12-01T09:00:00+0100", utc(2026, 12, 1, 8)),
            ("2026-12-01T09:00+01", utc(2026, 12, 1, 8)),
            ("2026-12-01 09:00:00+01:00", utc(2026, 12, 1, 8)),
            ("2026-07-01T09:00:00+02:00", utc(2026, 7, 1, 7)),
        ])
    func withOffset(text: String, instant: Date) throws {
        #expect(try OsloTime.parseTimestamp(text) == instant)
    }

    @Test(
        "a timestamp without offset is Oslo wall-clock time, winter or summer",
        arguments: [
            ("2026-12-01T09:00:00", utc(2026, 12, 1, 8)),
            ("2026-12-01T09:00", utc(2026, 12, 1, 8)),
            ("2026-07-01T09:00", utc(2026, 7, 1, 7)),
            ("2026-03-29T02:30", utc(2026, 3, 29, 1, 30)),  // skipped hour → 03:30 CEST
            ("2026-10-25T02:30", utc(2026, 10, 25, 0, 30)),  // repeated hour → first (CEST)
        ])
    func local(text: String, instant: Date) throws {
        #expect(try OsloTime.parseTimestamp(text) == instant)
    }

    @Test("fractions of a second are kept when reading and dropped when writing")
    func fractions() throws {
        let t = try OsloTime.parseTimestamp("2026-12-01T20:59:59.750+01:00")
        #expect(t == utc(2026, 12, 1, 19, 59, 59).addingTimeInterval(0.75))
        #expect(OsloTime.iso8601(t) == "2026-12-01T20:59:59+01:00")
    }

    @Test(
        "unreadable timestamps are refused with a reason",
        arguments: [
            "", "nonsense", "2026-12-01", "2026-13-01T09:00", "2026-12-01T25:00", "2026-12-01T09:00+25:00",
            "2026-12-01X09:00", "2026-12-01T9:00", "2026-12-01T09:00:00.+01:00", "2026-12-01T09:00+1",
        ])
    func refused(text: String) {
        #expect(throws: CalendarError.self) { try OsloTime.parseTimestamp(text) }
    }

    @Test("an instant is written with the Oslo offset in force")
    func writing() {
        #expect(OsloTime.iso8601(utc(2026, 12, 1, 8)) == "2026-12-01T09:00:00+01:00")
        #expect(OsloTime.iso8601(utc(2026, 7, 1, 7)) == "2026-07-01T09:00:00+02:00")
    }
}
