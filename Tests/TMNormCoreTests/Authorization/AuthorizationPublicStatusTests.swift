import Foundation
import Testing
@testable import TMNormCore

@Suite("Public status and register")
struct AuthorizationPublicStatusTests {
    static func d(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }

    /// Approved 2024-02-01; warning; suspension until 2024-09-01; suspension until a condition from 2025-05-01,
    /// reinstated 2025-06-01; revoked 2025-10-01; approved again from 2026-03-01.
    static func history() throws -> AuthorizationCentreRecord {
        var r = AuthorizationCentreRecord(centre: try AZOrg.number(AZOrg.unicall), name: "UniCall AS")
        try r.add(AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication()))
        let org = try AZOrg.number(AZOrg.unicall)
        let decisions: [(String, AuthorizationSanctionKind)] = [
            ("2024-06-01", .warning), ("2024-08-01", .suspension(.untilDate(d("2024-09-01")))),
            ("2025-05-01", .suspension(.untilCondition("Ny internkontroll"))), ("2025-06-01", .reinstatement),
            ("2025-10-01", .revocation),
        ]
        for (i, (day, kind)) in decisions.enumerated() {
            try r.record(AuthorizationSanctionDecision(id: "S-\(i)", centre: org, kind: kind, decidedOn: d(day), reasons: "Begrunnelse \(i)."))
        }
        try r.add(AuthorizationApproval.grant(id: "AP-2", for: azApprovedApplication(id: "A-2", openedDay: "2025-11-01", decidedDay: "2026-03-01")))
        return r
    }

    @Test(
        "the public status follows the record day by day",
        arguments: [
            ("2024-01-31", AuthorizationPublicStatus.notApproved, nil), ("2024-02-01", .approved, "2027-01-31"),
            ("2024-06-01", .approved, "2027-01-31"), ("2024-08-01", .suspended, "2027-01-31"), ("2024-08-31", .suspended, "2027-01-31"),
            ("2024-09-01", .approved, "2027-01-31"), ("2025-05-01", .suspended, "2027-01-31"), ("2025-06-01", .approved, "2027-01-31"),
            ("2025-09-30", .approved, "2027-01-31"), ("2025-10-01", .revoked, nil), ("2026-02-28", .revoked, nil),
            ("2026-03-01", .approved, "2029-02-28"), ("2029-02-28", .approved, "2029-02-28"), ("2029-03-01", .expired, "2029-02-28"),
        ] as [(String, AuthorizationPublicStatus, String?)])
    func timeline(day: String, status: AuthorizationPublicStatus, until: String?) throws {
        let s = try Self.history().publicStanding(on: Self.d(day))
        #expect(s.status == status)
        #expect(s.validUntil == until.map(Self.d))
    }

    @Test(
        "a pending application shows as under review when no approval runs",
        arguments: [
            ("2024-01-10", AuthorizationPublicStatus.notApproved), ("2024-01-11", .underReview), ("2027-02-01", .underReview),
            ("2026-06-01", .approved),
        ])
    func pending(day: String, status: AuthorizationPublicStatus) throws {
        var r = AuthorizationCentreRecord(centre: try AZOrg.number(AZOrg.unicall), name: "UniCall AS")
        r.pendingApplicationSince = Self.d("2024-01-11")
        if day >= "2026" {
            try r.add(AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication()))
        }
        #expect(r.publicStanding(on: Self.d(day)).status == status)
    }

    @Test("the status at an instant uses the Oslo day: 23:30 UTC on 31 July is already 1 August in Oslo")
    func instant() throws {
        let r = try Self.history()
        let lateUTC = try OsloTime.parseTimestamp("2024-07-31T23:30:00Z")
        #expect(r.publicStanding(at: lateUTC).status == .suspended)
        #expect(r.publicStanding(at: try OsloTime.parseTimestamp("2024-07-31T21:30:00Z")).status == .approved)
    }

    static func records() throws -> [AuthorizationCentreRecord] {
        func record(_ org: String, _ name: String, decided: String) throws -> AuthorizationCentreRecord {
            var r = AuthorizationCentreRecord(centre: try AZOrg.number(org), name: name)
            let app = try azApprovedApplication(id: "A-\(org)", orgnr: org, openedDay: "2020-01-02", decidedDay: decided)
            try r.add(AuthorizationApproval.grant(id: "AP-\(org)", for: app))
            return r
        }
        var suspended = try record(AZOrg.proffcom, "ProffCom AS", decided: "2024-03-01")
        try suspended.record(
            AuthorizationSanctionDecision(
                id: "S", centre: AZOrg.number(AZOrg.proffcom), kind: .suspension(.untilCondition("Klagebehandling")),
                decidedOn: d("2024-10-01"), reasons: "Mange klager."))
        return [
            try record(AZOrg.unicall, "UniCall AS", decided: "2024-02-01"), suspended,
            try record(AZOrg.aktiv, "Ålesund Aktiv Partner AS", decided: "2024-02-01"),
            try record(AZOrg.smart, "Smart 1 AS", decided: "2020-02-01"),  // expired in 2023
        ]
    }

    @Test("the register lists approved and suspended centres in Norwegian order, with a stable JSON shape")
    func register() throws {
        let entries = AuthorizationPublicRegister.entries(try Self.records(), on: Self.d("2024-11-01"))
        #expect(entries.map(\.name) == ["ProffCom AS", "UniCall AS", "Ålesund Aktiv Partner AS"])
        #expect(entries.map(\.status) == [.suspended, .approved, .approved])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(entries[1]), as: UTF8.self)
        #expect(json == #"{"name":"UniCall AS","orgnr":"912345009","status":"approved","valid_until":"2027-01-31"}"#)
        let all = AuthorizationPublicRegister.entries(try Self.records(), on: Self.d("2024-11-01"), listing: Set(AuthorizationPublicStatus.allCases))
        let expired = try #require(all.first { $0.name == "Smart 1 AS" })
        #expect(expired.status == .expired)
        let none = AuthorizationRegisterEntry(orgnr: try AZOrg.number(AZOrg.smart), name: "X", status: .notApproved, validUntil: nil)
        #expect(String(decoding: try encoder.encode(none), as: UTF8.self).contains(#""valid_until":null"#))
        #expect(try JSONDecoder().decode(AuthorizationRegisterEntry.self, from: encoder.encode(entries[0])) == entries[0])
    }

    @Test(
        "search matches every word in the name, or digits in the organisation number",
        arguments: [
            ("uni", ["UniCall AS"]), ("912 345 017", ["ProffCom AS"]), ("aktiv ålesund", ["Ålesund Aktiv Partner AS"]),
            ("AS", ["ProffCom AS", "UniCall AS", "Ålesund Aktiv Partner AS"]), ("", ["ProffCom AS", "UniCall AS", "Ålesund Aktiv Partner AS"]),
            ("nobody", []), ("9123450", ["ProffCom AS", "UniCall AS", "Ålesund Aktiv Partner AS"]),
        ])
    func search(query: String, names: [String]) throws {
        let entries = AuthorizationPublicRegister.entries(try Self.records(), on: Self.d("2024-11-01"))
        #expect(AuthorizationPublicRegister.search(query, in: entries).map(\.name) == names)
    }
}
