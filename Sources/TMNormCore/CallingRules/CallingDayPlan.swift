/// What the law and an optional norm say about one Oslo calendar day.
struct CallingDayPlan: Sendable {
    /// Why the whole day is closed.
    enum Closure: Sendable, Hashable {
        /// The law has no hours on this weekday (Saturday, Sunday).
        case lawWeekday(Weekday)
        case holiday(NorwegianHoliday)
        case normSpecialDay(NorwegianSpecialDay)
        case normClosedDate
        case normWeekday(Weekday)
        /// An unvalidated norm whose hours do not overlap the law's.
        case normHoursOutsideLaw(CallingHours)

        var reason: CallingReason {
            switch self {
            case .lawWeekday(.saturday): .saturday
            case .lawWeekday(.sunday): .sunday
            // Only Saturday and Sunday are closed by the recorded law; a future rule closing a workday
            // has no code of its own, and "after closing" is true of every moment of such a day.
            case .lawWeekday: .afterClosing
            case .holiday(let h): h.kind == .publicHoliday ? .publicHoliday : .holidayEquivalent
            case .normSpecialDay, .normClosedDate, .normWeekday, .normHoursOutsideLaw: .normClosed
            }
        }
    }

    let date: LocalDate
    let law: CallingTimeRuleSet
    let lawInForce: Bool
    let normName: String?
    let normVersion: IndustryNormVersion?
    /// Set when no moment of the day is allowed.
    let closure: Closure?
    /// The law's hours for the day (nil when the law closes it).
    let lawHours: CallingHours?
    /// The norm's own hours for the day, when a norm version is in force and has hours that day.
    let normHours: CallingHours?
    /// The hours both allow (nil when the day is closed).
    let hours: CallingHours?

    init(date: LocalDate, statutory: [CallingTimeRuleSet], norm: IndustryNorm?) throws(CalendarError) {
        self.date = date
        (law, lawInForce) = StatutoryCallingRules.ruleSet(on: date, history: statutory)
        normName = norm?.name
        let version = norm?.version(on: date)
        normVersion = version
        let weekday = date.weekday
        lawHours = law.hours[weekday]
        normHours = version?.hours[weekday]

        // Statutory closures first, holidays before weekdays: the law outranks the norm, and a
        // holiday is the more specific explanation ("Easter Sunday" rather than "Sunday").
        let holidays = try NorwegianHolidays.holidays(on: date)
        var closure: Closure? = nil
        if law.closedOnPublicHolidays, let h = holidays.first(where: { $0.kind == .publicHoliday }) {
            closure = .holiday(h)
        } else if law.closedOnHolidayEquivalents, let h = holidays.first(where: { $0.kind == .holidayEquivalent }) {
            closure = .holiday(h)
        } else if lawHours == nil {
            closure = .lawWeekday(weekday)
        } else if let version {
            if let special = try NorwegianHolidays.specialDay(on: date), version.closedSpecialDays.contains(special) {
                closure = .normSpecialDay(special)
            } else if version.closedDates.contains(date) {
                closure = .normClosedDate
            } else if normHours == nil {
                closure = .normWeekday(weekday)
            } else if let lawHours, let normHours, lawHours.intersection(normHours) == nil {
                closure = .normHoursOutsideLaw(normHours)
            }
        }
        self.closure = closure
        if closure != nil {
            hours = nil
        } else if let lawHours, let normHours {
            hours = lawHours.intersection(normHours)
        } else {
            hours = lawHours
        }
    }

    /// The reason for a time of day on this day.
    func reason(at time: LocalTime) -> CallingReason {
        if let closure { return closure.reason }
        guard let lawHours, let hours else { return .afterClosing }
        if time < lawHours.opens { return .beforeOpening }
        if time >= lawHours.closes { return .afterClosing }
        return hours.contains(time) ? .ok : .normClosed
    }

    /// The allowed span of the day as instants, or nil when the day is closed.
    var window: CallingWindow? {
        guard let hours else { return nil }
        return CallingWindow(
            start: OsloTime.instant(for: LocalDateTime(date: date, time: hours.opens)),
            end: OsloTime.instant(for: LocalDateTime(date: date, time: hours.closes)))
    }
}
