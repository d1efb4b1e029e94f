import Foundation
import Testing
@testable import TMNormCore

@Suite("Approval: validity, renewal, follow-ups and reminders")
struct AuthorizationApprovalTests {
    static func d(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }

    static func approval(decided: String = "2024-02-01") throws -> AuthorizationApproval {
        try AuthorizationApproval.grant(id: "AP-1", for: azApprovedApplication(decidedDay: decided))
    }

    @Test(
        "an approval lasts three years (policy) from the decision day, a leap day included",
        arguments: [("2024-02-01", "2027-01-31"), ("2024-02-29", "2027-02-28"), ("2025-03-01", "2028-02-29"), ("2024-12-31", "2027-12-30")])
    func validity(decided: String, until: String) throws {
        let a = try Self.approval(decided: decided)
        #expect(a.validFrom == Self.d(decided) && a.validUntil == Self.d(until))
        #expect(a.covers(Self.d(until)) && !a.covers(Self.d(until).next) && !a.covers(Self.d(decided).adding(days: -1)))
    }

    @Test(
        "a continuation decided while the approval runs starts the day after it ends; a late one starts on its decision day",
        arguments: [
            ("2026-12-15", "2027-02-01", "2030-01-31"), ("2027-01-31", "2027-02-01", "2030-01-31"), ("2027-03-01", "2027-03-01", "2030-02-28"),
        ])
    func continuation(decided: String, from: String, until: String) throws {
        let previous = try Self.approval()
        let app = try azApprovedApplication(id: "A-2", kind: .continuation, openedDay: "2026-11-10", decidedDay: decided)
        let next = try AuthorizationApproval.grant(id: "AP-2", for: app, previous: previous)
        #expect(next.validFrom == Self.d(from) && next.validUntil == Self.d(until))
        #expect(next.kind == .continuation)
    }

    @Test("only an approved application grants an approval, and only for its own centre")
    func grantRules() throws {
        var pending = try azCompleteDraft()
        try pending.submit(at: azInstant("2024-01-11"))
        #expect(throws: AuthorizationError.applicationNotApproved(.submitted)) { try AuthorizationApproval.grant(id: "x", for: pending) }
        let other = try AuthorizationApproval.grant(id: "AP-9", for: azApprovedApplication(orgnr: AZOrg.proffcom))
        #expect(throws: AuthorizationError.approvalForOtherCentre(expected: try AZOrg.number(AZOrg.unicall), found: try AZOrg.number(AZOrg.proffcom)))
        {
            try AuthorizationApproval.grant(id: "AP-2", for: azApprovedApplication(), previous: other)
        }
    }

    @Test(
        "renewal opens 90 days before expiry (policy) and after expiry a first approval is needed",
        arguments: [
            ("2026-11-01", AuthorizationRenewalStatus.notYetOpen(opensOn: d("2026-11-02")), nil),
            ("2026-11-02", .open(closesOn: d("2027-01-31")), AuthorizationApplicationKind.continuation),
            ("2027-01-31", .open(closesOn: d("2027-01-31")), .continuation),
            ("2027-02-01", .expired(on: d("2027-01-31")), .firstApproval),
        ] as [(String, AuthorizationRenewalStatus, AuthorizationApplicationKind?)])
    func renewal(day: String, status: AuthorizationRenewalStatus, kind: AuthorizationApplicationKind?) throws {
        let r = try Self.approval().renewal(on: Self.d(day))
        #expect(r == status && r.applicationKind == kind)
    }

    @Test("follow-ups fall after years 1 and 2: due 30 days after the anniversary, overdue after 14 days' grace (policy)")
    func followUpDates() throws {
        let f = try Self.approval().followUps()
        #expect(f.map(\.year) == [1, 2])
        #expect(f[0].periodStart == Self.d("2024-02-01") && f[0].periodEnd == Self.d("2025-01-31"))
        #expect(f[0].opensOn == Self.d("2025-02-01") && f[0].dueOn == Self.d("2025-03-03") && f[0].overdueFrom == Self.d("2025-03-18"))
        #expect(f[1].periodStart == Self.d("2025-02-01") && f[1].dueOn == Self.d("2026-03-03"))
    }

    @Test(
        "a follow-up is upcoming, open, in grace, overdue or submitted",
        arguments: [
            ("2025-01-31", nil, AuthorizationFollowUpState.upcoming), ("2025-02-01", nil, .open), ("2025-03-03", nil, .open),
            ("2025-03-04", nil, .inGrace), ("2025-03-17", nil, .inGrace), ("2025-03-18", nil, .overdue),
            ("2025-04-01", "2025-02-10", .submitted(on: d("2025-02-10"))), ("2025-03-20", "2025-04-01", .overdue),
        ] as [(String, String?, AuthorizationFollowUpState)])
    func followUpState(day: String, submitted: String?, expected: AuthorizationFollowUpState) throws {
        let due = try #require(try Self.approval().followUps().first)
        #expect(due.state(on: Self.d(day), submittedOn: submitted.map(Self.d)) == expected)
    }

    @Test(
        "reminders go out 14 and 3 days before a follow-up is due and 90 and 30 days before expiry (policy), never twice",
        arguments: [
            ("2025-02-16", [], false, [], [String]()),
            ("2025-02-17", [], false, [], ["AP-1/follow-up-1/14"]),
            ("2025-02-20", [], false, ["AP-1/follow-up-1/14"], []),
            ("2025-02-28", [], false, [], ["AP-1/follow-up-1/3"]),
            ("2025-02-28", [1], false, [], []),
            ("2025-03-04", [], false, [], []),
            ("2026-11-02", [1, 2], false, [], ["AP-1/renewal/90"]),
            ("2027-01-05", [1, 2], false, ["AP-1/renewal/90"], ["AP-1/renewal/30"]),
            ("2027-01-05", [1, 2], true, [], []),
        ] as [(String, Set<Int>, Bool, Set<String>, [String])])
    func reminders(day: String, submitted: Set<Int>, renewed: Bool, sent: Set<String>, expected: [String]) throws {
        let keys = try Self.approval().remindersToSend(
            on: Self.d(day), submittedFollowUpYears: submitted, renewalAppliedFor: renewed, alreadySent: sent
        ).map(\.key)
        #expect(keys == expected)
    }

    static func policy(_ name: String) throws(AuthorizationError) -> AuthorizationPolicy {
        switch name {
        case "validity 0": try AuthorizationPolicy(validityYears: 0)
        case "follow-up in year 3 of 3": try AuthorizationPolicy(followUpYears: [1, 3])
        case "follow-up in year 0": try AuthorizationPolicy(followUpYears: [0])
        case "follow-up twice": try AuthorizationPolicy(followUpYears: [1, 1])
        case "negative grace": try AuthorizationPolicy(followUpGraceDays: -1)
        case "negative reminder": try AuthorizationPolicy(reminderDaysBeforeDue: [7, -2])
        default: try AuthorizationPolicy(appealDays: 0)
        }
    }

    @Test(
        "policy values out of range are refused",
        arguments: [
            ("validity 0", AuthorizationError.invalidPolicy(field: "validityYears", value: 0)),
            ("follow-up in year 3 of 3", .invalidPolicy(field: "followUpYears", value: 3)),
            ("follow-up in year 0", .invalidPolicy(field: "followUpYears", value: 0)),
            ("follow-up twice", .invalidPolicy(field: "followUpYears", value: 2)),
            ("negative grace", .invalidPolicy(field: "followUpGraceDays", value: -1)),
            ("negative reminder", .invalidPolicy(field: "reminderDaysBeforeDue", value: -2)),
            ("no appeal time", .invalidPolicy(field: "appealDays", value: 0)),
        ])
    func invalidPolicies(name: String, expected: AuthorizationError) {
        #expect(throws: expected) { try Self.policy(name) }
    }

    @Test("the standard policy equals the checked defaults, and a 5-year policy with yearly follow-ups works")
    func policies() throws {
        #expect(try AuthorizationPolicy() == .standard)
        let five = try AuthorizationPolicy(validityYears: 5, followUpYears: [4, 1, 2, 3])
        let a = try AuthorizationApproval.grant(id: "AP-5", for: azApprovedApplication(), policy: five)
        #expect(a.validUntil == Self.d("2029-01-31"))
        #expect(a.followUps(policy: five).map(\.year) == [1, 2, 3, 4])
    }
}
