import Foundation
import Testing
@testable import TMNormCore

@Suite("A norm may not loosen the law")
struct IndustryNormValidationTests {
    @Test("a norm version opening at 08:00 is rejected")
    func opensEarly() throws {
        let v = IndustryNormVersion(id: "early", effectiveFrom: try date("2024-02-13"), hours: try workdayHours(8, 21))
        #expect(
            throws: IndustryNormError.opensBeforeLaw(version: "early", weekday: .monday, norm: try LocalTime(hour: 8), law: try LocalTime(hour: 9))
        ) {
            try IndustryNorm(name: "n", versions: [v])
        }
    }

    @Test("a norm version closing at 22:00 is rejected")
    func closesLate() throws {
        let v = IndustryNormVersion(id: "late", effectiveFrom: try date("2024-02-13"), hours: try workdayHours(9, 22))
        let error = IndustryNormError.closesAfterLaw(version: "late", weekday: .monday, norm: try LocalTime(hour: 22), law: try LocalTime(hour: 21))
        #expect(throws: error) { try IndustryNorm(name: "n", versions: [v]) }
        #expect(error.description.contains("a norm may only be stricter than the law"))
        #expect(error.norwegian.contains("en norm kan bare være strengere enn loven"))
    }

    @Test("a norm version opening on Saturdays is rejected")
    func opensSaturday() throws {
        var hours = try workdayHours(9, 21)
        hours[.saturday] = try CallingHours(opens: try LocalTime(hour: 10), closes: try LocalTime(hour: 16))
        let v = IndustryNormVersion(id: "sat", effectiveFrom: try date("2024-02-13"), hours: hours)
        #expect(throws: IndustryNormError.opensWhereLawCloses(version: "sat", weekday: .saturday, lawRuleSet: "mfl-2009-06-01")) {
            try IndustryNorm(name: "n", versions: [v])
        }
    }

    @Test("a norm version dated before the law is checked against the law's first rule")
    func beforeLaw() throws {
        let v = IndustryNormVersion(id: "2008", effectiveFrom: try date("2008-01-01"), hours: try workdayHours(8, 21))
        #expect(throws: IndustryNormError.self) { try IndustryNorm(name: "n", versions: [v]) }
    }

    @Test("exactly the law's hours and shorter hours are accepted")
    func equalOrStricter() throws {
        #expect(throws: Never.self) {
            try IndustryNorm(
                name: "n",
                versions: [
                    IndustryNormVersion(id: "a", effectiveFrom: try date("2009-08-19"), hours: try workdayHours(9, 21)),
                    IndustryNormVersion(id: "b", effectiveFrom: try date("2024-02-13"), hours: try workdayHours(10, 20)),
                ])
        }
    }

    @Test(
        "malformed norms are rejected with the reason",
        arguments: [
            ("", ["a"], ["2020-01-01"], IndustryNormError.emptyName),
            ("n", [], [], .noVersions),
            ("n", [""], ["2020-01-01"], .emptyVersionID),
            ("n", ["a", "a"], ["2020-01-01", "2021-01-01"], .duplicateVersionID("a")),
        ])
    func malformed(name: String, ids: [String], dates: [String], error: IndustryNormError) throws {
        let versions = try zip(ids, dates).map { IndustryNormVersion(id: $0, effectiveFrom: try date($1), hours: [:]) }
        #expect(throws: error) { try IndustryNorm(name: name, versions: versions) }
    }

    @Test("two versions taking effect on the same day are rejected")
    func sameDay() throws {
        let d = try date("2020-01-01")
        #expect(throws: IndustryNormError.duplicateEffectiveDate(d)) {
            try IndustryNorm(
                name: "n",
                versions: [
                    IndustryNormVersion(id: "a", effectiveFrom: d, hours: [:]),
                    IndustryNormVersion(id: "b", effectiveFrom: d, hours: [:]),
                ])
        }
    }

    @Test("hours that close before they open are rejected")
    func emptyHours() throws {
        #expect(throws: CallingRulesError.invalidHours(opens: try LocalTime(hour: 10), closes: try LocalTime(hour: 9))) {
            try CallingHours(opens: try LocalTime(hour: 10), closes: try LocalTime(hour: 9))
        }
    }

    @Test("a stored norm that loosens the law fails to decode")
    func decodingValidates() {
        let json = #"{"name":"n","versions":[{"id":"x","effective_from":"2024-01-01","hours":{"monday":{"opens":"08:00","closes":"21:00"}}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(IndustryNorm.self, from: Data(json.utf8)) }
    }

    @Test("an unvalidated loose norm still cannot open what the law closes")
    func structurallyStricter() throws {
        let loose = IndustryNorm(
            uncheckedName: "loose",
            versions: [
                IndustryNormVersion(id: "x", effectiveFrom: try date("2020-01-01"), hours: try workdayHours(0, 23))
            ])
        #expect(try CallingRules.decide(at: try at("2026-12-01T08:00:00+01:00"), norm: loose).reason == .beforeOpening)
        #expect(try CallingRules.decide(at: try at("2026-12-01T22:00:00+01:00"), norm: loose).reason == .afterClosing)
        #expect(try CallingRules.decide(at: try at("2026-12-05T12:00:00+01:00"), norm: loose).reason == .saturday)
    }
}
