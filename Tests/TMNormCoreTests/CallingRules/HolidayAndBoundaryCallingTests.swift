import Foundation
import Testing
@testable import TMNormCore

@Suite("Calling times on holidays, change days and effective-date boundaries")
struct HolidayAndBoundaryCallingTests {
    @Test("every public holiday and holiday-equivalent day 2009–2040 is closed all day", arguments: publishedEasterSundays.map(\.year))
    func everyHolidayClosed(year: Int) throws {
        // given: the holiday dates from the published Easter table and the law's offsets
        let p = try #require(publishedEasterSundays.first { $0.year == year })
        let easter = try LocalDate(year: p.year, month: p.month, day: p.day)
        let publicHolidays = [
            try LocalDate(year: year, month: 1, day: 1), easter.adding(days: -3), easter.adding(days: -2), easter,
            easter.adding(days: 1), easter.adding(days: 39), easter.adding(days: 49), easter.adding(days: 50),
            try LocalDate(year: year, month: 12, day: 25), try LocalDate(year: year, month: 12, day: 26),
        ]
        let equivalents = [try LocalDate(year: year, month: 5, day: 1), try LocalDate(year: year, month: 5, day: 17)]
        // when asked at 09:00, noon and 20:59:59, then refused with the holiday reason
        for (day, reason) in publicHolidays.map({ ($0, CallingReason.publicHoliday) })
            + equivalents.map({ ($0, publicHolidays.contains($0) ? CallingReason.publicHoliday : .holidayEquivalent) })
        {
            for (h, m, s) in [(9, 0, 0), (12, 0, 0), (20, 59, 59)] {
                let d = try CallingRules.decide(at: try osloInstant(day, h, m, s))
                #expect(!d.allowed, "\(day) \(h):\(m)")
                #expect(d.reason == reason, "\(day)")
                #expect(d.holiday?.date == day)
                let next = try #require(d.nextAllowed)
                #expect(OsloTime.localDate(of: next) > day)
                #expect(OsloTime.localDateTime(of: next).time == (try LocalTime(hour: 9)))
            }
        }
    }

    @Test("on the days the clocks change, the next weekday opens at 09:00 on the new clock", arguments: osloChangeDays.map(\.year))
    func changeDays(year: Int) throws {
        let c = try #require(osloChangeDays.first { $0.year == year })
        // spring: Sunday is closed; Monday 09:00 CEST is 07:00 UTC
        let springSunday = try LocalDate(year: year, month: 3, day: c.march)
        let monday = springSunday.next
        let s = try CallingRules.decide(at: utc(year, 3, c.march, 0, 59, 59))
        #expect(s.reason == .sunday || s.reason == .publicHoliday)
        let mondayIsHoliday = try !NorwegianHolidays.holidays(on: monday).isEmpty
        if !mondayIsHoliday {
            #expect(s.nextAllowed == utc(year, monday.month, monday.day, 7))
            #expect(try !CallingRules.decide(at: utc(year, monday.month, monday.day, 6, 59, 59)).allowed)
            #expect(try CallingRules.decide(at: utc(year, monday.month, monday.day, 7)).allowed)
            #expect(try CallingRules.decide(at: utc(year, monday.month, monday.day, 18, 59, 59)).allowed)
            #expect(try !CallingRules.decide(at: utc(year, monday.month, monday.day, 19)).allowed)
        }
        // autumn: Monday 09:00 CET is 08:00 UTC, 21:00 CET is 20:00 UTC
        let autumnMonday = c.october + 1 <= 31 ? (10, c.october + 1) : (11, 1)
        let a = try CallingRules.decide(at: utc(year, 10, c.october, 1))
        #expect(a.reason == .sunday)
        #expect(a.nextAllowed == utc(year, autumnMonday.0, autumnMonday.1, 8))
        #expect(try !CallingRules.decide(at: utc(year, autumnMonday.0, autumnMonday.1, 7, 59, 59)).allowed)
        #expect(try CallingRules.decide(at: utc(year, autumnMonday.0, autumnMonday.1, 19, 59, 59)).allowed)
        #expect(try !CallingRules.decide(at: utc(year, autumnMonday.0, autumnMonday.1, 20)).allowed)
    }

    @Test("before 2009-06-01 the 2009 rule is applied but marked not in force; from that day it is in force")
    func lawEffectiveDate() throws {
        // 2009-05-31 was Whit Sunday and 2009-06-01 Whit Monday: the law took effect on a holiday
        let lastSecond = try CallingRules.decide(at: try at("2009-05-31T23:59:59+02:00"))
        #expect(!lastSecond.statutoryInForce && lastSecond.ruleSetID == "mfl-2009-06-01")
        #expect(lastSecond.reason == .publicHoliday && lastSecond.holiday?.holiday == .whitSunday)
        #expect(lastSecond.textEnglish.contains("no earlier rule is recorded"))
        #expect(lastSecond.nextAllowed.map(OsloTime.iso8601) == "2009-06-02T09:00:00+02:00")
        let firstSecond = try CallingRules.decide(at: try at("2009-06-01T00:00:00+02:00"))
        #expect(firstSecond.statutoryInForce && firstSecond.reason == .publicHoliday)
        #expect(firstSecond.holiday?.holiday == .whitMonday)
        #expect(!firstSecond.textEnglish.contains("no earlier rule is recorded"))
        let firstWorkday = try CallingRules.decide(at: try at("2009-06-02T08:59:59+02:00"))
        #expect(firstWorkday.statutoryInForce && firstWorkday.reason == .beforeOpening)
        // a Friday evening before the law: the cautious answer still refuses 21:00
        let friday = try CallingRules.decide(at: try at("2009-05-29T21:00:00+02:00"))
        #expect(!friday.statutoryInForce && !friday.allowed)
    }

    @Test("the rule in force is chosen by the Oslo date, not the UTC date")
    func effectiveByOsloDate() throws {
        // 2009-05-31T22:30Z is already 2009-06-01 00:30 in Oslo
        #expect(try CallingRules.decide(at: try at("2009-05-31T22:30:00Z")).statutoryInForce)
        #expect(try !CallingRules.decide(at: try at("2009-05-31T21:59:59Z")).statutoryInForce)
    }

    @Test("a later statutory version applies from its own date, and earlier moments keep the old rule")
    func laterStatutoryVersion() throws {
        // given: a hypothetical rule from 2030 allowing only 10:00–20:00
        let stricter = CallingTimeRuleSet(
            id: "hypothetical-2030", effectiveFrom: try date("2030-01-01"), hours: try workdayHours(10, 20),
            closedOnPublicHolidays: true, closedOnHolidayEquivalents: true, source: "test")
        let rules = CallingRules(statutory: [StatutoryCallingRules.mfl2009, stricter])
        // then: 2029 is judged by 2009's rule, 2030 by the new one
        let old = try rules.decide(at: try at("2029-12-31T09:30:00+01:00"))
        #expect(old.allowed && old.ruleSetID == "mfl-2009-06-01")
        let new = try rules.decide(at: try at("2030-01-02T09:30:00+01:00"))
        #expect(new.reason == .beforeOpening && new.ruleSetID == "hypothetical-2030")
        #expect(new.nextAllowed.map(OsloTime.iso8601) == "2030-01-02T10:00:00+01:00")
    }
}
