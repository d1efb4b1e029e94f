import Foundation
import Testing
@testable import TMNormCore

/// Easter Sundays 2009–2040 as published in almanacs (typed in; independent of `EasterComputus`).
let publishedEasterSundays: [(year: Int, month: Int, day: Int)] = [
    (2009, 4, 12), (2010, 4, 4), (2011, 4, 24), (2012, 4, 8), (2013, 3, 31), (2014, 4, 20),
    (2015, 4, 5), (2016, 3, 27), (2017, 4, 16), (2018, 4, 1), (2019, 4, 21), (2020, 4, 12),
    (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5),
    (2027, 3, 28), (2028, 4, 16), (2029, 4, 1), (2030, 4, 21), (2031, 4, 13), (2032, 3, 28),
    (2033, 4, 17), (2034, 4, 9), (2035, 3, 25), (2036, 4, 13), (2037, 4, 5), (2038, 4, 25),
    (2039, 4, 10), (2040, 4, 1),
]

@Suite("Norwegian public holidays")
struct NorwegianHolidayTests {
    @Test("Easter Sunday by the computus matches the published date", arguments: publishedEasterSundays.map(\.year))
    func easter(year: Int) throws {
        let published = try #require(publishedEasterSundays.first { $0.year == year })
        #expect(
            EasterComputus.easterSunday(year: year)
                == (try LocalDate(year: published.year, month: published.month, day: published.day)))
    }

    @Test(
        "every public holiday and holiday-equivalent day of a year falls on its legal date",
        arguments: publishedEasterSundays.map(\.year))
    func everyHoliday(year: Int) throws {
        // given: the published Easter Sunday and the law's offsets from it
        let p = try #require(publishedEasterSundays.first { $0.year == year })
        let easter = try LocalDate(year: p.year, month: p.month, day: p.day)
        let expected: [(LocalDate, NorwegianHolidayName, HolidayKind)] = [
            (try LocalDate(year: year, month: 1, day: 1), .newYearsDay, .publicHoliday),
            (easter.adding(days: -3), .maundyThursday, .publicHoliday),
            (easter.adding(days: -2), .goodFriday, .publicHoliday),
            (easter, .easterSunday, .publicHoliday),
            (easter.adding(days: 1), .easterMonday, .publicHoliday),
            (try LocalDate(year: year, month: 5, day: 1), .labourDay, .holidayEquivalent),
            (try LocalDate(year: year, month: 5, day: 17), .constitutionDay, .holidayEquivalent),
            (easter.adding(days: 39), .ascensionDay, .publicHoliday),
            (easter.adding(days: 49), .whitSunday, .publicHoliday),
            (easter.adding(days: 50), .whitMonday, .publicHoliday),
            (try LocalDate(year: year, month: 12, day: 25), .christmasDay, .publicHoliday),
            (try LocalDate(year: year, month: 12, day: 26), .boxingDay, .publicHoliday),
        ]
        // when
        let holidays = try NorwegianHolidays.holidays(in: year)
        // then: exactly these twelve, each on its date with its kind, in date order
        #expect(holidays.count == 12)
        for (date, name, kind) in expected {
            let found = holidays.filter { $0.holiday == name }
            #expect(found.map(\.date) == [date], "\(name) \(year)")
            #expect(found.first?.kind == kind)
            #expect(try NorwegianHolidays.holidays(on: date).contains { $0.holiday == name })
        }
        #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
        #expect(easter.weekday == .sunday && easter.adding(days: 39).weekday == .thursday)
    }

    @Test("Christmas Eve, New Year's Eve and Easter Saturday are special days, not holidays", arguments: publishedEasterSundays.map(\.year))
    func specialDays(year: Int) throws {
        let p = try #require(publishedEasterSundays.first { $0.year == year })
        let easterSaturday = try LocalDate(year: p.year, month: p.month, day: p.day).adding(days: -1)
        let christmasEve = try LocalDate(year: year, month: 12, day: 24)
        let newYearsEve = try LocalDate(year: year, month: 12, day: 31)
        #expect(try NorwegianHolidays.specialDay(on: easterSaturday) == .easterSaturday)
        #expect(try NorwegianHolidays.specialDay(on: christmasEve) == .christmasEve)
        #expect(try NorwegianHolidays.specialDay(on: newYearsEve) == .newYearsEve)
        for day in [easterSaturday, christmasEve, newYearsEve] {
            #expect(try NorwegianHolidays.holidays(on: day).isEmpty)
        }
    }

    @Test("an ordinary working day is no holiday")
    func ordinaryDay() throws {
        #expect(try NorwegianHolidays.holidays(on: LocalDate(parsing: "2026-12-01")).isEmpty)
        #expect(try NorwegianHolidays.specialDay(on: LocalDate(parsing: "2026-12-01")) == nil)
    }

    @Test("17 May on Ascension Day (2012) is listed as both days")
    func sharedDate() throws {
        let names = try NorwegianHolidays.holidays(on: LocalDate(parsing: "2012-05-17")).map(\.holiday)
        #expect(names == [.constitutionDay, .ascensionDay])
    }

    @Test("the first and last supported years work and the years beyond are refused", arguments: [1899, 2101])
    func bounds(year: Int) throws {
        #expect(try NorwegianHolidays.holidays(in: 1900).count == 12)
        #expect(try NorwegianHolidays.holidays(in: 2100).count == 12)
        #expect(throws: CalendarError.yearOutOfRange(year, supported: 1900...2100)) {
            try NorwegianHolidays.holidays(in: year)
        }
    }

    @Test("a holiday encodes as date, name, name_en and kind")
    func json() throws {
        let h = NorwegianHoliday(date: try LocalDate(parsing: "2026-05-17"), holiday: .constitutionDay)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(h), as: UTF8.self)
        #expect(text == #"{"date":"2026-05-17","kind":"holiday_equivalent","name":"Grunnlovsdag (17. mai)","name_en":"Constitution Day (17 May)"}"#)
    }
}
