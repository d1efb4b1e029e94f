/// The Norwegian holiday calendar: public holidays, holiday-equivalent days and special days, 1900–2100.
///
/// Today's list (helligdagsloven 1995; 1 and 17 May as offentlige høytidsdager) is applied to every
/// supported year: historical changes to which days were holidays are not modelled.
public enum NorwegianHolidays {
    /// The years this calendar answers for.
    public static let supportedYears = 1900...2100

    /// Every public holiday and holiday-equivalent day of a year, in date order.
    /// Two entries may share a date (17 May was Ascension Day in 2012 and is Whit Monday in 2027).
    public static func holidays(in year: Int) throws(CalendarError) -> [NorwegianHoliday] {
        try checkYear(year)
        let easter = EasterComputus.easterSunday(year: year)
        return NorwegianHolidayName.allCases
            .map { NorwegianHoliday(date: $0.date(year: year, easter: easter), holiday: $0) }
            .sorted()
    }

    /// The holidays falling on a date (empty on an ordinary day).
    public static func holidays(on date: LocalDate) throws(CalendarError) -> [NorwegianHoliday] {
        try holidays(in: date.year).filter { $0.date == date }
    }

    /// The special (non-holiday) days of a year: Christmas Eve, New Year's Eve, Easter Saturday.
    public static func specialDays(in year: Int) throws(CalendarError) -> [(day: NorwegianSpecialDay, date: LocalDate)] {
        try checkYear(year)
        let easter = EasterComputus.easterSunday(year: year)
        return NorwegianSpecialDay.allCases
            .map { (day: $0, date: $0.date(year: year, easter: easter)) }
            .sorted { $0.date < $1.date }
    }

    /// The special day falling on a date, if any.
    public static func specialDay(on date: LocalDate) throws(CalendarError) -> NorwegianSpecialDay? {
        try specialDays(in: date.year).first { $0.date == date }?.day
    }

    static func checkYear(_ year: Int) throws(CalendarError) {
        guard supportedYears.contains(year) else { throw .yearOutOfRange(year, supported: supportedYears) }
    }
}
