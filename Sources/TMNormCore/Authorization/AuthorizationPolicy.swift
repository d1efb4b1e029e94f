/// The scheme's time rules (**policy**: sources give the 3-year validity and the follow-ups after years 1
/// and 2; the day counts are assumptions the association can change).
public struct AuthorizationPolicy: Sendable, Hashable, Codable {
    /// How long an approval lasts.
    public let validityYears: Int
    /// Anniversaries after which the centre reports (years 1 and 2).
    public let followUpYears: [Int]
    /// Days after the anniversary the report is due, so the year's statistics can be compiled.
    public let followUpDueDays: Int
    /// Days after the due date before a missing report is overdue and flagged to the board.
    public let followUpGraceDays: Int
    /// Reminders this many days before a report is due.
    public let reminderDaysBeforeDue: [Int]
    /// Days before expiry a renewal (continuation) application may be made.
    public let renewalWindowDays: Int
    /// Reminders this many days before an approval expires.
    public let renewalReminderDaysBeforeExpiry: [Int]
    /// Days after a board decision during which it can be appealed.
    public let appealDays: Int

    /// A checked policy: positive periods, follow-ups inside the validity, reminders not negative.
    public init(
        validityYears: Int = 3, followUpYears: [Int] = [1, 2], followUpDueDays: Int = 30, followUpGraceDays: Int = 14,
        reminderDaysBeforeDue: [Int] = [14, 3], renewalWindowDays: Int = 90,
        renewalReminderDaysBeforeExpiry: [Int] = [90, 30], appealDays: Int = 21
    ) throws(AuthorizationError) {
        guard validityYears >= 1 else { throw .invalidPolicy(field: "validityYears", value: validityYears) }
        for year in followUpYears where !(1..<validityYears).contains(year) {
            throw .invalidPolicy(field: "followUpYears", value: year)
        }
        guard Set(followUpYears).count == followUpYears.count else {
            throw .invalidPolicy(field: "followUpYears", value: followUpYears.count)
        }
        for (field, value) in [
            ("followUpDueDays", followUpDueDays), ("followUpGraceDays", followUpGraceDays),
            ("renewalWindowDays", renewalWindowDays),
        ] where value < 0 {
            throw .invalidPolicy(field: field, value: value)
        }
        guard appealDays >= 1 else { throw .invalidPolicy(field: "appealDays", value: appealDays) }
        for d in reminderDaysBeforeDue where d < 0 { throw .invalidPolicy(field: "reminderDaysBeforeDue", value: d) }
        for d in renewalReminderDaysBeforeExpiry where d < 0 {
            throw .invalidPolicy(field: "renewalReminderDaysBeforeExpiry", value: d)
        }
        self.validityYears = validityYears
        self.followUpYears = followUpYears.sorted()
        self.followUpDueDays = followUpDueDays
        self.followUpGraceDays = followUpGraceDays
        self.reminderDaysBeforeDue = reminderDaysBeforeDue.sorted(by: >)
        self.renewalWindowDays = renewalWindowDays
        self.renewalReminderDaysBeforeExpiry = renewalReminderDaysBeforeExpiry.sorted(by: >)
        self.appealDays = appealDays
    }

    /// 3 years; follow-ups after years 1 and 2, due 30 days after the anniversary with 14 days' grace;
    /// reminders 14 and 3 days before; renewal from 90 days before expiry; appeals within 21 days (3 weeks).
    public static let standard = AuthorizationPolicy(uncheckedDefaults: ())

    /// The defaults, which are known to pass the checks.
    private init(uncheckedDefaults: Void) {
        validityYears = 3
        followUpYears = [1, 2]
        followUpDueDays = 30
        followUpGraceDays = 14
        reminderDaysBeforeDue = [14, 3]
        renewalWindowDays = 90
        renewalReminderDaysBeforeExpiry = [90, 30]
        appealDays = 21
    }

    /// The same calendar day `years` later. The anniversary of 29 February in a common year is 1 March,
    /// so a period starting on a leap day still lasts the full number of years (through 28 February).
    public static func anniversary(of date: LocalDate, years: Int) -> LocalDate {
        let year = date.year + years
        if date.month == 2, date.day == 29, !LocalDate.isLeapYear(year) {
            return LocalDate(uncheckedYear: year, month: 3, day: 1)
        }
        return LocalDate(uncheckedYear: year, month: date.month, day: date.day)
    }
}
