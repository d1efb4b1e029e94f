import Foundation
import Testing

@testable import TMNormCore

@Suite("Recurring job schedules")
struct JobScheduleTests {
    private func oslo(_ text: String) throws -> Date { try OsloTime.parseTimestamp(text) }

    @Test("every N seconds: slots start at multiples of N from the epoch, the same in every process")
    func every() throws {
        let schedule = JobSchedule.every(seconds: 5)
        let a = schedule.slot(at: Date(timeIntervalSince1970: 1_000_002.9))
        #expect(a.key == "1000000")
        #expect(a.start == Date(timeIntervalSince1970: 1_000_000))
        #expect(schedule.slot(at: Date(timeIntervalSince1970: 1_000_004.99)).key == "1000000")
        #expect(schedule.slot(at: Date(timeIntervalSince1970: 1_000_005)).key == "1000005")
        #expect(schedule.nextRun(after: Date(timeIntervalSince1970: 1_000_002)) == Date(timeIntervalSince1970: 1_000_005))
        #expect(JobSchedule.every(seconds: 0).slot(at: Date(timeIntervalSince1970: 7.5)).key == "7", "a zero interval counts as one second")
    }

    @Test("daily at 03:00 Oslo: before 03:00 the slot is yesterday's, from 03:00 today's; next run is tomorrow 03:00")
    func daily() throws {
        let schedule = JobSchedule.daily(at: try LocalTime(hour: 3))
        #expect(schedule.slot(at: try oslo("2026-12-07T02:59:59+01:00")).key == "2026-12-06")
        let slot = schedule.slot(at: try oslo("2026-12-07T03:00:00+01:00"))
        #expect(slot.key == "2026-12-07")
        #expect(slot.start == (try oslo("2026-12-07T03:00:00+01:00")))
        #expect(schedule.nextRun(after: try oslo("2026-12-07T12:00:00+01:00")) == (try oslo("2026-12-08T03:00:00+01:00")))
    }

    @Test("daily across the clock changes: 02:30 on the spring day runs once at 03:00 summer time; the autumn day has one slot")
    func clockChanges() throws {
        let schedule = JobSchedule.daily(at: try LocalTime(hour: 2, minute: 30))
        // 29 March 2026: 02:00 → 03:00, so 02:30 does not exist that day.
        let spring = schedule.slot(at: try oslo("2026-03-29T04:00:00+02:00"))
        #expect(spring.key == "2026-03-29")
        // 25 October 2026: 03:00 → 02:00, so 02:30 happens twice; the second one is still the same slot.
        let first = schedule.slot(at: try oslo("2026-10-25T02:30:00+02:00"))
        let second = schedule.slot(at: try oslo("2026-10-25T02:30:00+01:00"))
        #expect(first.key == "2026-10-25")
        #expect(second.key == "2026-10-25")
    }
}
