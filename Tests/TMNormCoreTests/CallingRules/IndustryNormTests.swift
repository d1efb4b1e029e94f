import Foundation
import Testing
@testable import TMNormCore

@Suite("Industry norms: stricter layers with their own versions")
struct IndustryNormTests {
    @Test("the built-in example norm validates against the law")
    func builtInValid() throws {
        let n = IndustryNorm.exampleStricterNorm
        #expect(try IndustryNorm(name: n.name, versions: n.versions) == n)
        #expect(try IndustryNorm.builtIn(named: "Eksempelnorm") == n)
    }

    @Test("an unknown norm name is an error that lists the known ones")
    func unknownNorm() {
        #expect(throws: CallingRulesError.unknownNorm("nope", known: ["eksempelnorm"])) {
            try IndustryNorm.builtIn(named: "nope")
        }
    }

    @Test(
        "the example stricter norm closes Christmas Eve and New Year's Eve on weekdays, 2009–2040",
        arguments: Array(2009...2040))
    func christmasAndNewYearsEve(year: Int) throws {
        for day in [try LocalDate(year: year, month: 12, day: 24), try LocalDate(year: year, month: 12, day: 31)]
        where !day.isWeekend {
            let without = try CallingRules.decide(at: try osloInstant(day))
            #expect(without.allowed)
            let with = try CallingRules.decide(at: try osloInstant(day), norm: .exampleStricterNorm)
            #expect(!with.allowed && with.reason == .normClosed)
            #expect(with.normVersionID == "eksempelnorm-strengere-2009-08-19")
            #expect(with.specialDay == (day.day == 24 ? .christmasEve : .newYearsEve))
            #expect(with.textNorwegian.contains("Bransjenormen «eksempelnorm»"))
            let next = try #require(with.nextAllowed)
            #expect(try CallingRules.decide(at: next, norm: .exampleStricterNorm).allowed)
        }
    }

    @Test("Christmas 2026 with the norm: refused from Thursday the 24th until Monday the 28th at 09:00")
    func christmas2026() throws {
        let d = try CallingRules.decide(at: try at("2026-12-24T10:00:00+01:00"), norm: .exampleStricterNorm)
        #expect(d.nextAllowed.map(OsloTime.iso8601) == "2026-12-28T09:00:00+01:00")
    }

    @Test("on Easter Saturday the law's Saturday rule is the reason, not the norm")
    func easterSaturday() throws {
        let d = try CallingRules.decide(at: try at("2026-04-04T12:00:00+02:00"), norm: .exampleStricterNorm)
        #expect(d.reason == .saturday)
    }

    @Test("a norm is not applied before its first version takes effect (2009-08-19)")
    func normEffectiveDate() throws {
        // given: a norm version closing 2009-08-18 and 2009-08-19 (Tuesday, Wednesday), effective 2009-08-19
        let norm = try testNorm([
            IndustryNormVersion(
                id: "v1", effectiveFrom: try date("2009-08-19"), hours: try workdayHours(9, 21),
                closedDates: [try date("2009-08-18"), try date("2009-08-19")])
        ])
        let before = try CallingRules.decide(at: try at("2009-08-18T12:00:00+02:00"), norm: norm)
        #expect(before.allowed && before.normVersionID == nil && before.normName == "testnorm")
        let on = try CallingRules.decide(at: try at("2009-08-19T12:00:00+02:00"), norm: norm)
        #expect(on.reason == .normClosed && on.normVersionID == "v1")
        #expect(on.nextAllowed.map(OsloTime.iso8601) == "2009-08-20T09:00:00+02:00")
    }

    @Test("shorter hours in a later norm version apply from its date; earlier moments use the older version")
    func shorterHoursByVersion() throws {
        let norm = try testNorm([
            IndustryNormVersion(id: "v2020", effectiveFrom: try date("2020-01-01"), hours: try workdayHours(9, 21)),
            IndustryNormVersion(id: "v2026", effectiveFrom: try date("2026-03-02"), hours: try workdayHours(10, 20)),
        ])
        let friday = try CallingRules.decide(at: try at("2026-02-27T09:30:00+01:00"), norm: norm)
        #expect(friday.allowed && friday.normVersionID == "v2020")
        let monday = try CallingRules.decide(at: try at("2026-03-02T09:30:00+01:00"), norm: norm)
        #expect(monday.reason == .normClosed && monday.normVersionID == "v2026")
        #expect(monday.nextAllowed.map(OsloTime.iso8601) == "2026-03-02T10:00:00+01:00")
        #expect(monday.textEnglish.contains("only 10:00–20:00"))
        let evening = try CallingRules.decide(at: try at("2026-03-02T20:00:00+01:00"), norm: norm)
        #expect(evening.reason == .normClosed)
        #expect(evening.nextAllowed.map(OsloTime.iso8601) == "2026-03-03T10:00:00+01:00")
        // the law still speaks first: 08:00 is before the law's opening, 21:00 after its closing
        #expect(try CallingRules.decide(at: try at("2026-03-02T08:00:00+01:00"), norm: norm).reason == .beforeOpening)
        #expect(try CallingRules.decide(at: try at("2026-03-02T21:00:00+01:00"), norm: norm).reason == .afterClosing)
    }

    @Test("a weekday the norm gives no hours is closed by the norm")
    func closedWeekday() throws {
        var hours = try workdayHours(9, 21)
        hours[.friday] = nil
        let norm = try testNorm([IndustryNormVersion(id: "no-fridays", effectiveFrom: try date("2020-01-01"), hours: hours)])
        let d = try CallingRules.decide(at: try at("2026-12-04T12:00:00+01:00"), norm: norm)
        #expect(d.reason == .normClosed)
        #expect(d.nextAllowed.map(OsloTime.iso8601) == "2026-12-07T09:00:00+01:00")
    }

    @Test("a norm that closes every day has no next allowed moment within the search horizon")
    func neverOpen() throws {
        let norm = try testNorm([IndustryNormVersion(id: "closed", effectiveFrom: try date("2020-01-01"), hours: [:])])
        let d = try CallingRules.decide(at: try at("2026-12-01T12:00:00+01:00"), norm: norm)
        #expect(!d.allowed && d.nextAllowed == nil)
        #expect(d.textEnglish.contains("No allowed moment found in the next 731 days"))
    }

    @Test("a norm round-trips through JSON")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(IndustryNorm.exampleStricterNorm)
        #expect(try JSONDecoder().decode(IndustryNorm.self, from: data) == IndustryNorm.exampleStricterNorm)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""closed_special_days":["christmas_eve","new_years_eve","easter_saturday"]"#))
        #expect(text.contains(#""monday":{"closes":"21:00","opens":"09:00"}"#))
    }

    @Test("a stored norm version without closed days decodes with none")
    func jsonDefaults() throws {
        let json = #"{"name":"n","versions":[{"id":"x","effective_from":"2024-02-13","hours":{"friday":{"opens":"10:00","closes":"20:00"}}}]}"#
        let norm = try JSONDecoder().decode(IndustryNorm.self, from: Data(json.utf8))
        let version = try #require(norm.versions.first)
        #expect(version.closedSpecialDays.isEmpty && version.closedDates.isEmpty)
        #expect(version.hours.keys.sorted() == [.friday])
    }
}
