import Foundation
import Testing
@testable import TMNormCore

@Suite("Sanctions: warning, suspension, revocation, reinstatement")
struct AuthorizationSanctionTests {
    static func d(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }

    /// A record with approval AP-1 valid 2024-02-01 … 2027-01-31.
    static func record() throws -> AuthorizationCentreRecord {
        var r = AuthorizationCentreRecord(centre: try AZOrg.number(AZOrg.unicall), name: "UniCall AS")
        try r.add(AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication()))
        return r
    }

    static func decision(_ code: Character, on day: String, id: String = UUID().uuidString) throws -> AuthorizationSanctionDecision {
        let kind: AuthorizationSanctionKind =
            switch code {
            case "W": .warning
            case "S": .suspension(.untilCondition("Dokumentert ny opplæringsordning"))
            case "D": .suspension(.untilDate(d("2024-07-01")))
            case "R": .revocation
            default: .reinstatement
            }
        return try AuthorizationSanctionDecision(
            id: id, centre: AZOrg.number(AZOrg.unicall), kind: kind, decidedOn: d(day), reasons: "Vedtak \(code).")
    }

    /// Prior decisions (one a day from 1 June 2024), the decision tried next, and the standing that refuses it.
    static let steps: [(String, Character, String?)] = [
        ("", "W", nil), ("", "S", nil), ("", "R", nil), ("", "I", "in good standing"),
        ("S", "W", nil), ("S", "R", nil), ("S", "I", nil), ("S", "S", "suspended"),
        ("R", "W", "revoked"), ("R", "S", "revoked"), ("R", "R", "revoked"), ("R", "I", "revoked"),
        ("SI", "S", nil), ("SR", "I", "revoked"), ("WW", "W", nil), ("D", "I", nil),
    ]

    @Test("each decision is allowed only from the standings the rules allow", arguments: steps)
    func transitions(prior: String, next: Character, refusedBy: String?) throws {
        var record = try Self.record()
        for (i, code) in prior.enumerated() { try record.record(Self.decision(code, on: "2024-06-0\(i + 1)")) }
        let attempt = try Self.decision(next, on: "2024-06-0\(prior.count + 1)")
        if let refusedBy {
            let before = record
            do {
                try record.record(attempt)
                Issue.record("expected a refusal")
            } catch {
                guard case .sanctionNotAllowed(let action, let standing) = error else { throw error }
                #expect(action == attempt.kind.action && standing.name == refusedBy)
            }
            #expect(record == before)
        } else {
            try record.record(attempt)
            #expect(record.sanctions.count == prior.count + 1)
        }
    }

    @Test("the error says what cannot be done and why, in both languages")
    func messages() {
        let e = AuthorizationError.sanctionNotAllowed(.suspension, standing: .revoked(since: Self.d("2025-01-01")))
        #expect(e.description == "a suspension is not possible for a centre that is revoked")
        #expect(e.norwegian == "suspensjon er ikke mulig for et senter som er tilbakekalt")
        #expect(e.httpStatus == 409)
    }

    @Test("a suspension until a date lapses by itself on that day; one until a condition needs reinstatement")
    func suspensionEnds() throws {
        var record = try Self.record()
        try record.record(Self.decision("D", on: "2024-06-01"))
        #expect(record.standing(on: Self.d("2024-06-30")).name == "suspended")
        #expect(record.standing(on: Self.d("2024-07-01")) == .clear)
        // After it lapsed, a new suspension is possible.
        try record.record(Self.decision("S", on: "2024-08-01"))
        #expect(record.standing(on: Self.d("2030-01-01")).name == "suspended")
        try record.record(Self.decision("I", on: "2024-09-01"))
        #expect(record.standing(on: Self.d("2024-09-01")) == .clear)
    }

    @Test("sanctions need a running approval, and come in date order")
    func needsRunningApproval() throws {
        var empty = AuthorizationCentreRecord(centre: try AZOrg.number(AZOrg.unicall), name: "UniCall AS")
        #expect(throws: AuthorizationError.noActiveApproval(on: Self.d("2024-06-01"))) { try empty.record(Self.decision("W", on: "2024-06-01")) }
        var record = try Self.record()
        #expect(throws: AuthorizationError.noActiveApproval(on: Self.d("2027-02-01"))) { try record.record(Self.decision("W", on: "2027-02-01")) }
        try record.record(Self.decision("W", on: "2024-06-05"))
        #expect(throws: AuthorizationError.dateBeforePrevious(Self.d("2024-06-04"), previous: Self.d("2024-06-05"))) {
            try record.record(Self.decision("W", on: "2024-06-04"))
        }
        let other = try AuthorizationSanctionDecision(
            id: "x", centre: AZOrg.number(AZOrg.proffcom), kind: .warning, decidedOn: Self.d("2024-07-01"), reasons: "R.")
        #expect(throws: AuthorizationError.approvalForOtherCentre(expected: try AZOrg.number(AZOrg.unicall), found: try AZOrg.number(AZOrg.proffcom)))
        {
            try record.record(other)
        }
    }

    @Test(
        "a decision needs reasons, cannot be retroactive, and a suspension must end after it starts",
        arguments: [
            (AuthorizationSanctionKind.warning, "2024-06-01", "", AuthorizationError.reasonsRequired),
            (.warning, "2024-05-31", "Grunn.", .dateBeforePrevious(d("2024-05-31"), previous: d("2024-06-01"))),
            (
                .suspension(.untilDate(d("2024-06-01"))), "2024-06-01", "Grunn.",
                .suspensionEndNotAfterStart(start: d("2024-06-01"), end: d("2024-06-01"))
            ),
            (.suspension(.untilCondition("  ")), "2024-06-01", "Grunn.", .emptyField("suspension condition")),
        ] as [(AuthorizationSanctionKind, String, String, AuthorizationError)])
    func decisionRules(kind: AuthorizationSanctionKind, effective: String, reasons: String, expected: AuthorizationError) {
        #expect(throws: expected) {
            try AuthorizationSanctionDecision(
                id: "x", centre: AZOrg.number(AZOrg.unicall), kind: kind, decidedOn: Self.d("2024-06-01"),
                effectiveFrom: Self.d(effective), reasons: reasons)
        }
    }

    @Test("every decision carries an appeal deadline three weeks after the decision (policy)")
    func appeal() throws {
        let w = try Self.decision("W", on: "2024-06-01")
        #expect(w.appealDeadline == Self.d("2024-06-22"))
        #expect(w.isAppealable(on: Self.d("2024-06-22")) && !w.isAppealable(on: Self.d("2024-06-23")))
        let policy = try AuthorizationPolicy(appealDays: 28)
        let longer = try AuthorizationSanctionDecision(
            id: "y", centre: AZOrg.number(AZOrg.unicall), kind: .warning, decidedOn: Self.d("2024-06-01"), reasons: "R.", policy: policy)
        #expect(longer.appealDeadline == Self.d("2024-06-29"))
    }

    @Test("after a revocation a new approval may start the next day and clears the revocation")
    func newApprovalAfterRevocation() throws {
        var record = try Self.record()
        try record.record(Self.decision("R", on: "2025-10-01"))
        #expect(record.effectiveEnd(of: record.approvals[0]) == Self.d("2025-10-01"))
        let sameDay = try AuthorizationApproval(
            id: "AP-2", centre: AZOrg.number(AZOrg.unicall), applicationID: "A-2", kind: .firstApproval,
            grantedOn: Self.d("2025-10-01"), validFrom: Self.d("2025-10-01"), validUntil: Self.d("2028-09-30"))
        #expect(throws: AuthorizationError.approvalOverlaps(previousUntil: Self.d("2025-10-01"), newFrom: Self.d("2025-10-01"))) {
            try record.add(sameDay)
        }
        let next = try AuthorizationApproval.grant(
            id: "AP-2", for: azApprovedApplication(id: "A-2", openedDay: "2025-11-01", decidedDay: "2026-03-01"))
        try record.add(next)
        #expect(record.standing(on: Self.d("2026-02-28")).name == "revoked")
        #expect(record.standing(on: Self.d("2026-03-01")) == .clear)
        #expect(record.warnings(on: Self.d("2026-03-01")).isEmpty)
    }
}
