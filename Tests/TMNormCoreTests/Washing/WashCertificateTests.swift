import Foundation
import Testing

@testable import TMNormCore

@Suite("Wash certificate and the month rule")
struct WashCertificateTests {
    static func at(_ text: String) -> Date {
        do { return try OsloTime.parseTimestamp(text) } catch {
            Issue.record("bad fixture time \(text)")
            return Date(timeIntervalSince1970: 0)
        }
    }

    static func validity(washed: String, obtained: String, rule: WashFreshnessRule = .sameCalendarMonth) -> (Date?, String?) {
        WashCertificate.validity(washedAt: at(washed), obtainedAt: at(obtained), rule: rule)
    }

    @Test("a list washed in November against a November copy may be called until 1 December 00:00 Oslo time")
    func sameMonth() {
        let (until, problem) = Self.validity(washed: "2026-11-15T10:00", obtained: "2026-11-02T08:00")
        #expect(until == Self.at("2026-12-01T00:00"))
        #expect(problem == nil)
    }

    @Test("a copy obtained in the previous Oslo month does not allow calling, even minutes before midnight")
    func previousMonth() {
        let (until, problem) = Self.validity(washed: "2026-11-01T00:30", obtained: "2026-10-31T23:30")
        #expect(until == nil)
        #expect(problem?.contains("2026-10") == true)
    }

    @Test("months are Oslo months, not UTC months: 31 Oct 23:30 UTC is already November in Oslo")
    func osloMonths() {
        let (until, _) = Self.validity(washed: "2026-11-03T09:00", obtained: "2026-10-31T23:30:00Z")
        #expect(until == Self.at("2026-12-01T00:00"))
    }

    @Test(
        "the end of a summer-time month is midnight summer time",
        arguments: [
            ("2026-03-31T23:59", "2026-04-01T00:00+02:00"), ("2026-10-10T12:00", "2026-11-01T00:00+01:00"),
            ("2026-12-31T23:59", "2027-01-01T00:00+01:00"), ("2028-02-29T12:00", "2028-03-01T00:00+01:00"),
        ])
    func monthEnds(_ washed: String, _ expected: String) {
        let (until, _) = Self.validity(washed: washed, obtained: washed)
        #expect(until == Self.at(expected))
    }

    @Test("with max-age-days the copy may be at most N Oslo days old when calling, and the list never spans two months")
    func maxAge() {
        // 31 days would reach 2 December: capped at the end of the wash month.
        let (until, _) = Self.validity(washed: "2026-11-20T10:00", obtained: "2026-11-01T10:00", rule: .maxAgeDays(31))
        #expect(until == Self.at("2026-12-01T00:00"))
        let (short, _) = Self.validity(washed: "2026-11-02T10:00", obtained: "2026-11-01T10:00", rule: .maxAgeDays(7))
        #expect(short == Self.at("2026-11-08T10:00"))
        let (none, problem) = Self.validity(washed: "2026-12-03T10:00", obtained: "2026-11-01T10:00", rule: .maxAgeDays(31))
        #expect(none == nil && problem != nil)
    }

    @Test(
        "the freshness rule is read from its text form",
        arguments: [
            ("same-month", WashFreshnessRule.sameCalendarMonth), ("max-age-days:31", .maxAgeDays(31)),
        ])
    func ruleParsing(_ text: String, _ rule: WashFreshnessRule) {
        #expect(WashFreshnessRule(parsing: text) == rule)
        #expect(rule.description == text)
        #expect(WashFreshnessRule(parsing: "monthly") == nil)
        let json = String(decoding: (try? JSONEncoder().encode([rule])) ?? Data(), as: UTF8.self)
        #expect(json == "[\"\(text)\"]")
        #expect((try? JSONDecoder().decode([WashFreshnessRule].self, from: Data(json.utf8))) == [rule])
    }

    @Test("the certificate records the wash and permits calling only inside its period")
    func certificate() throws {
        let result = try WashFixture.wash("telefon\n91234567\n12\n")
        let washedAt = Self.at("2026-11-20T09:00")
        let cert = WashCertificate.issue(summary: result.summary, washedAt: washedAt, washedBy: "kari@callsenter.no", rule: .sameCalendarMonth)
        #expect(cert.listSHA256 == result.summary.listSHA256)
        #expect(cert.register.id == "reg-test")
        #expect(cert.rows == 2 && cert.callable == 1 && cert.rejected == 1 && cert.byReason == ["invalid_number": 1])
        #expect(cert.washedBy == "kari@callsenter.no")
        #expect(cert.permitsCalling(at: Self.at("2026-11-30T20:59")))
        #expect(!cert.permitsCalling(at: Self.at("2026-12-01T00:00")))
        #expect(!cert.permitsCalling(at: Self.at("2026-11-20T08:59")))
        let json = try JSONEncoder().encode(cert)
        #expect(try JSONDecoder().decode(WashCertificate.self, from: json) == cert)
    }
}
