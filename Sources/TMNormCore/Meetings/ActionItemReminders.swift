/// When an open action item's owner is reminded (policy): some days before the due date, and after it
/// has passed, every `overdueEveryDays` up to `overdueReminders` times.
public struct ActionItemReminderPolicy: Sendable, Hashable, Codable {
    public var daysBefore: [Int]
    public var overdueEveryDays: Int
    public var overdueReminders: Int

    public init(daysBefore: [Int] = [7, 1], overdueEveryDays: Int = 7, overdueReminders: Int = 4) {
        self.daysBefore = daysBefore
        self.overdueEveryDays = max(1, overdueEveryDays)
        self.overdueReminders = max(0, overdueReminders)
    }

    public static let standard = ActionItemReminderPolicy()

    /// Which reminder a run on `today` sends.
    public enum Reminder: Sendable, Hashable {
        /// `days` before the due date.
        case before(days: Int)
        /// The `n`th reminder after the due date passed (1 = the day after).
        case overdue(n: Int)

        /// Stable per item and reminder: the outbox's idempotency key takes it, so each goes once.
        public var key: String {
            switch self {
            case .before(let days): "before-\(days)"
            case .overdue(let n): "overdue-\(n)"
            }
        }
    }

    /// Every reminder point of an item due on `due`, in day order.
    public func schedule(due: LocalDate) -> [(day: LocalDate, reminder: Reminder)] {
        var points: [(day: LocalDate, reminder: Reminder)] = []
        for days in Set(daysBefore.filter { $0 > 0 }).sorted(by: >) {
            points.append((day: due.adding(days: -days), reminder: .before(days: days)))
        }
        var n = 1
        while n <= overdueReminders {
            points.append((day: due.adding(days: 1 + (n - 1) * overdueEveryDays), reminder: .overdue(n: n)))
            n += 1
        }
        return points
    }

    /// The reminder that is due on `today`: the latest point on or before today, and not before the item
    /// was made (`createdOn`). A run that missed days sends only the latest, never a backlog.
    public func reminder(due: LocalDate, createdOn: LocalDate, today: LocalDate) -> Reminder? {
        schedule(due: due).last { $0.day <= today && $0.day >= createdOn }?.reminder
    }
}
