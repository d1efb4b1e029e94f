import Foundation
import Testing
@testable import TMNormCore

@Suite("Statutory calling times (markedsføringsloven § 14, from 2009-06-01)")
struct StatutoryCallingTimeTests {
    @Test(
        "on a weekday calls are allowed from 09:00 up to but not including 21:00",
        arguments: [
            ("2026-12-01T08:59:59+01:00", false, CallingReason.beforeOpening, "2026-12-01T09:00:00+01:00"),
            ("2026-12-01T09:00:00+01:00", true, .ok, "2026-12-01T09:00:00+01:00"),
            ("2026-12-01T20:59:59+01:00", true, .ok, "2026-12-01T20:59:59+01:00"),
            ("2026-12-01T21:00:00+01:00", false, .afterClosing, "2026-12-02T09:00:00+01:00"),
            ("2026-12-01T00:00:00+01:00", false, .beforeOpening, "2026-12-01T09:00:00+01:00"),
            ("2026-12-01T23:59:59+01:00", false, .afterClosing, "2026-12-02T09:00:00+01:00"),
            ("2026-06-10T08:59:59+02:00", false, .beforeOpening, "2026-06-10T09:00:00+02:00"),
            ("2026-06-10T21:00:00+02:00", false, .afterClosing, "2026-06-11T09:00:00+02:00"),
        ])
    func weekdayHours(time: String, allowed: Bool, reason: CallingReason, next: String) throws {
        // given a Tuesday in winter or a Wednesday in summer, when asked, then:
        let d = try CallingRules.decide(at: try at(time))
        #expect(d.allowed == allowed)
        #expect(d.reason == reason)
        #expect(d.nextAllowed.map(OsloTime.iso8601) == next)
        #expect(d.ruleSetID == "mfl-2009-06-01" && d.statutoryInForce)
    }

    @Test("a call at 21:00 on a weekday is refused")
    func ninePM() throws {
        let d = try CallingRules.decide(at: try at("2026-12-01T21:00:00+01:00"))
        #expect(!d.allowed && d.reason == .afterClosing)
        #expect(d.textEnglish.contains("not allowed from 21:00"))
        #expect(d.textNorwegian.contains("ikke tillatt fra kl. 21:00"))
    }

    @Test("a moment given in UTC is judged on the Oslo clock")
    func utcInput() throws {
        // 08:00Z is 09:00 in Oslo in winter, 10:00 in summer; 20:00Z is 21:00 in winter.
        #expect(try CallingRules.decide(at: try at("2026-12-01T08:00:00Z")).allowed)
        #expect(try !CallingRules.decide(at: try at("2026-12-01T07:59:59Z")).allowed)
        #expect(try !CallingRules.decide(at: try at("2026-12-01T20:00:00Z")).allowed)
        #expect(try CallingRules.decide(at: try at("2026-07-01T18:59:59Z")).allowed)
        #expect(try !CallingRules.decide(at: try at("2026-07-01T19:00:00Z")).allowed)
    }

    @Test(
        "no calls on Saturdays or Sundays, and the next allowed moment is Monday 09:00",
        arguments: [
            ("2026-12-05T12:00:00+01:00", CallingReason.saturday, "2026-12-07T09:00:00+01:00"),
            ("2026-12-06T12:00:00+01:00", .sunday, "2026-12-07T09:00:00+01:00"),
            ("2026-12-04T21:00:00+01:00", .afterClosing, "2026-12-07T09:00:00+01:00"),
            ("2026-12-05T10:00:00+01:00", .saturday, "2026-12-07T09:00:00+01:00"),
        ])
    func weekend(time: String, reason: CallingReason, next: String) throws {
        let d = try CallingRules.decide(at: try at(time))
        #expect(!d.allowed && d.reason == reason)
        #expect(d.nextAllowed.map(OsloTime.iso8601) == next)
    }

    @Test("a refused moment's next allowed moment is itself allowed, and an allowed one is its own next")
    func nextIsAllowed() throws {
        var t = try at("2026-03-25T00:00:00+01:00")
        let end = try at("2026-04-15T00:00:00+02:00")
        while t < end {
            let d = try CallingRules.decide(at: t)
            let next = try #require(d.nextAllowed)
            #expect(next >= t)
            #expect(try CallingRules.decide(at: next).allowed)
            if d.allowed { #expect(next == t) }
            t = t.addingTimeInterval(1800)
        }
    }

    @Test("Easter 2026: Maundy Thursday to Easter Monday are closed and calling resumes Tuesday 09:00")
    func easterWeek() throws {
        let thursday = try CallingRules.decide(at: try at("2026-04-02T12:00:00+02:00"))
        #expect(thursday.reason == .publicHoliday && thursday.holiday?.holiday == .maundyThursday)
        #expect(thursday.nextAllowed.map(OsloTime.iso8601) == "2026-04-07T09:00:00+02:00")
        #expect(thursday.textNorwegian.contains("Skjærtorsdag"))
        #expect(thursday.textEnglish.contains("Maundy Thursday"))
        // Easter Saturday is closed as a Saturday by law, Easter Sunday as a holiday.
        #expect(try CallingRules.decide(at: try at("2026-04-04T12:00:00+02:00")).reason == .saturday)
        #expect(try CallingRules.decide(at: try at("2026-04-05T12:00:00+02:00")).reason == .publicHoliday)
    }

    @Test("17 May on a Sunday is refused as a holiday-equivalent day, which outranks Sunday")
    func constitutionDayOnSunday() throws {
        let d = try CallingRules.decide(at: try at("2026-05-17T12:00:00+02:00"))
        #expect(d.reason == .holidayEquivalent && d.holiday?.holiday == .constitutionDay)
    }

    @Test("Christmas Eve and New Year's Eve are ordinary days under the law")
    func specialDaysOpenByLaw() throws {
        #expect(try CallingRules.decide(at: try at("2026-12-24T12:00:00+01:00")).allowed)
        #expect(try CallingRules.decide(at: try at("2026-12-31T20:59:59+01:00")).allowed)
    }

    @Test("moments outside 1980–2100 are refused as unsupported, not answered")
    func unsupported() {
        #expect(throws: CallingRulesError.self) { try CallingRules.decide(at: try at("2101-01-03T12:00:00+01:00")) }
        #expect(throws: CallingRulesError.self) { try CallingRules.decide(at: try at("1979-12-31T12:00:00+01:00")) }
    }

    @Test("near the end of 2100 the next allowed moment is searched no further than the calendar goes")
    func endOfCalendar() throws {
        let d = try CallingRules.decide(at: try at("2100-12-31T21:00:00+01:00"))
        #expect(!d.allowed && d.nextAllowed == nil)
    }
}
