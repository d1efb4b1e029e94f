import Foundation

/// When a recurring job runs. Time is cut into slots (every 5 seconds; every day at 03:00 Oslo time);
/// a slot has one run, whichever process schedules it first. The slot current when a process starts
/// runs then (a daily job whose hour passed while no process was up runs at start); earlier missed slots
/// are not made up for: the next run finds everything that became due meanwhile.
public enum JobSchedule: Sendable, Hashable {
    /// Every `seconds` seconds (at least 1), slots counted from the Unix epoch.
    case every(seconds: Int)
    /// Once a day at this Oslo wall-clock time (a time skipped by the spring change runs at the next
    /// existing instant; the repeated autumn hour runs once).
    case daily(at: LocalTime)

    /// The slot `instant` falls in: a stable key (the same in every process) and when the slot began.
    public func slot(at instant: Date) -> (key: String, start: Date) {
        switch self {
        case .every(let seconds):
            let length = Int64(max(1, seconds))
            let now = Int64(instant.timeIntervalSince1970.rounded(.down))
            let start = now - ((now % length) + length) % length
            return (String(start), Date(timeIntervalSince1970: TimeInterval(start)))
        case .daily(let time):
            let today = OsloTime.localDate(of: instant)
            let todays = OsloTime.instant(for: LocalDateTime(date: today, time: time))
            let day = instant >= todays ? today : today.adding(days: -1)
            return (day.iso8601, OsloTime.instant(for: LocalDateTime(date: day, time: time)))
        }
    }

    /// When the slot after the one `instant` falls in begins.
    public func nextRun(after instant: Date) -> Date {
        switch self {
        case .every(let seconds):
            return slot(at: instant).start.addingTimeInterval(TimeInterval(max(1, seconds)))
        case .daily(let time):
            let current = OsloTime.localDate(of: slot(at: instant).start)
            return OsloTime.instant(for: LocalDateTime(date: current.adding(days: 1), time: time))
        }
    }
}
