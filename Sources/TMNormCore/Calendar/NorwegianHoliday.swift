/// Whether a day is a public holiday (helligdag) or a day the law treats as one (1 and 17 May).
public enum HolidayKind: String, Sendable, Codable, Hashable {
    /// Helligdag under helligdagsloven.
    case publicHoliday = "public_holiday"
    /// Offentlig høytidsdag (1 May, 17 May): treated as a holiday, e.g. for calling times.
    case holidayEquivalent = "holiday_equivalent"
}

/// The Norwegian public holidays and holiday-equivalent days, each with its rule relative to Easter or fixed.
public enum NorwegianHolidayName: String, Sendable, Codable, CaseIterable, Hashable {
    case newYearsDay = "new_years_day"
    case maundyThursday = "maundy_thursday"
    case goodFriday = "good_friday"
    case easterSunday = "easter_sunday"
    case easterMonday = "easter_monday"
    case labourDay = "labour_day"
    case constitutionDay = "constitution_day"
    case ascensionDay = "ascension_day"
    case whitSunday = "whit_sunday"
    case whitMonday = "whit_monday"
    case christmasDay = "christmas_day"
    case boxingDay = "boxing_day"

    /// The kind the law gives the day.
    public var kind: HolidayKind {
        switch self {
        case .labourDay, .constitutionDay: .holidayEquivalent
        default: .publicHoliday
        }
    }

    /// The Norwegian name as in the almanac.
    public var norwegianName: String {
        switch self {
        case .newYearsDay: "1. nyttårsdag"
        case .maundyThursday: "Skjærtorsdag"
        case .goodFriday: "Langfredag"
        case .easterSunday: "1. påskedag"
        case .easterMonday: "2. påskedag"
        case .labourDay: "Offentlig høytidsdag (1. mai)"
        case .constitutionDay: "Grunnlovsdag (17. mai)"
        case .ascensionDay: "Kristi himmelfartsdag"
        case .whitSunday: "1. pinsedag"
        case .whitMonday: "2. pinsedag"
        case .christmasDay: "1. juledag"
        case .boxingDay: "2. juledag"
        }
    }

    /// The English name.
    public var englishName: String {
        switch self {
        case .newYearsDay: "New Year's Day"
        case .maundyThursday: "Maundy Thursday"
        case .goodFriday: "Good Friday"
        case .easterSunday: "Easter Sunday"
        case .easterMonday: "Easter Monday"
        case .labourDay: "Labour Day (1 May)"
        case .constitutionDay: "Constitution Day (17 May)"
        case .ascensionDay: "Ascension Day"
        case .whitSunday: "Whit Sunday"
        case .whitMonday: "Whit Monday"
        case .christmasDay: "Christmas Day"
        case .boxingDay: "Boxing Day"
        }
    }

    /// The date in a given year; `easter` is that year's Easter Sunday.
    func date(year: Int, easter: LocalDate) -> LocalDate {
        switch self {
        case .newYearsDay: LocalDate(uncheckedYear: year, month: 1, day: 1)
        case .maundyThursday: easter.adding(days: -3)
        case .goodFriday: easter.adding(days: -2)
        case .easterSunday: easter
        case .easterMonday: easter.adding(days: 1)
        case .labourDay: LocalDate(uncheckedYear: year, month: 5, day: 1)
        case .constitutionDay: LocalDate(uncheckedYear: year, month: 5, day: 17)
        case .ascensionDay: easter.adding(days: 39)
        case .whitSunday: easter.adding(days: 49)
        case .whitMonday: easter.adding(days: 50)
        case .christmasDay: LocalDate(uncheckedYear: year, month: 12, day: 25)
        case .boxingDay: LocalDate(uncheckedYear: year, month: 12, day: 26)
        }
    }
}

/// Days that are not holidays but that a stricter industry norm may close (policy, not law).
public enum NorwegianSpecialDay: String, Sendable, Codable, CaseIterable, Hashable {
    case christmasEve = "christmas_eve"
    case newYearsEve = "new_years_eve"
    case easterSaturday = "easter_saturday"

    /// The Norwegian name.
    public var norwegianName: String {
        switch self {
        case .christmasEve: "Julaften"
        case .newYearsEve: "Nyttårsaften"
        case .easterSaturday: "Påskeaften"
        }
    }

    /// The English name.
    public var englishName: String {
        switch self {
        case .christmasEve: "Christmas Eve"
        case .newYearsEve: "New Year's Eve"
        case .easterSaturday: "Easter Saturday"
        }
    }

    /// The date in a given year; `easter` is that year's Easter Sunday.
    func date(year: Int, easter: LocalDate) -> LocalDate {
        switch self {
        case .christmasEve: LocalDate(uncheckedYear: year, month: 12, day: 24)
        case .newYearsEve: LocalDate(uncheckedYear: year, month: 12, day: 31)
        case .easterSaturday: easter.adding(days: -1)
        }
    }
}

/// One holiday on one date; encodes as `{"date", "name", "name_en", "kind"}`.
public struct NorwegianHoliday: Hashable, Sendable, Encodable, Comparable {
    public let date: LocalDate
    public let holiday: NorwegianHolidayName

    public init(date: LocalDate, holiday: NorwegianHolidayName) {
        self.date = date
        self.holiday = holiday
    }

    public var kind: HolidayKind { holiday.kind }
    public var norwegianName: String { holiday.norwegianName }
    public var englishName: String { holiday.englishName }

    enum CodingKeys: String, CodingKey {
        case date, name, nameEnglish = "name_en", kind
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(norwegianName, forKey: .name)
        try c.encode(englishName, forKey: .nameEnglish)
        try c.encode(kind, forKey: .kind)
    }

    /// By date, then in the order of `NorwegianHolidayName.allCases` (17 May before Ascension on the same day).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.date != rhs.date { return lhs.date < rhs.date }
        let order = NorwegianHolidayName.allCases
        return (order.firstIndex(of: lhs.holiday) ?? 0) < (order.firstIndex(of: rhs.holiday) ?? 0)
    }
}
