import Foundation
import Testing
@testable import TMNormCore

@Suite("Fees: schedule and record")
struct AuthorizationFeeTests {
    @Test(
        "the 2020 schedule charges NOK 10 000 / 15 000 for a first approval and 5 000 / 7 500 for continuation",
        arguments: [
            (AuthorizationApplicationKind.firstApproval, AuthorizationMembership.member, 10_000),
            (.firstApproval, .nonMember, 15_000), (.continuation, .member, 5_000), (.continuation, .nonMember, 7_500),
        ])
    func demoSchedule(kind: AuthorizationApplicationKind, membership: AuthorizationMembership, kroner: Int) {
        #expect(AuthorizationFeeSchedule.demo2020.amount(for: kind, membership: membership) == AuthorizationFeeAmount(kroner: kroner))
    }

    @Test(
        "amounts are written the Norwegian way",
        arguments: [
            (1_000_000, "kr\u{A0}10\u{A0}000"), (750_000, "kr\u{A0}7\u{A0}500"), (50, "kr\u{A0}0,50"),
            (123_456_789, "kr\u{A0}1\u{A0}234\u{A0}567,89"), (-500, "kr\u{A0}−5"), (0, "kr\u{A0}0"),
        ])
    func formatting(ore: Int, text: String) {
        #expect(AuthorizationFeeAmount(ore: ore).formatted == text)
    }

    @Test("a schedule with a negative amount is refused, and the schedule in force is picked by date")
    func schedules() throws {
        let day = try LocalDate(parsing: "2025-01-01")
        let k = AuthorizationFeeAmount(kroner: 1)
        #expect(throws: AuthorizationError.negativeFee(AuthorizationFeeAmount(ore: -1))) {
            try AuthorizationFeeSchedule(
                validFrom: day, firstApprovalMember: k, firstApprovalNonMember: k,
                continuationMember: AuthorizationFeeAmount(ore: -1), continuationNonMember: k)
        }
        let later = try AuthorizationFeeSchedule(
            validFrom: day, firstApprovalMember: k, firstApprovalNonMember: k, continuationMember: k, continuationNonMember: k)
        let all = [later, .demo2020]
        #expect(AuthorizationFeeSchedule.inForce(on: try LocalDate(parsing: "2024-12-31"), among: all) == .demo2020)
        #expect(AuthorizationFeeSchedule.inForce(on: day, among: all) == later)
        #expect(AuthorizationFeeSchedule.inForce(on: try LocalDate(parsing: "2019-01-01"), among: all) == nil)
    }

    static func fee() throws -> AuthorizationFeeRecord {
        AuthorizationFeeRecord(
            id: "F-1", applicationID: "A-1", kind: .firstApproval, membership: .nonMember,
            schedule: .demo2020, on: try LocalDate(parsing: "2024-01-11"))
    }

    /// Steps from a new fee (d = due, i = invoiced, p = paid, w = waived), then the step tried and the error.
    static let feeSteps: [(String, Character, AuthorizationError?)] = [
        ("", "i", nil), ("", "p", nil), ("", "w", nil), ("i", "p", nil), ("i", "w", nil),
        ("i", "i", .feeTransitionNotAllowed(from: .invoiced, to: .invoiced)),
        ("p", "w", .feeTransitionNotAllowed(from: .paid, to: .waived)),
        ("p", "i", .feeTransitionNotAllowed(from: .paid, to: .invoiced)),
        ("w", "p", .feeTransitionNotAllowed(from: .waived, to: .paid)),
        ("ip", "p", .feeTransitionNotAllowed(from: .paid, to: .paid)),
    ]

    static func step(_ c: Character, _ fee: inout AuthorizationFeeRecord) throws {
        let day = try LocalDate(parsing: "2024-02-01")
        switch c {
        case "i": try fee.markInvoiced(on: day, reference: "Faktura 1001")
        case "p": try fee.markPaid(on: day)
        default: try fee.waive(on: day, reason: "Første år i ordningen.")
        }
    }

    @Test("a fee moves due → invoiced → paid, or is waived; settled fees do not change", arguments: feeSteps)
    func transitions(path: String, next: Character, expected: AuthorizationError?) throws {
        var fee = try Self.fee()
        for c in path { try Self.step(c, &fee) }
        if let expected {
            let before = fee
            #expect(throws: expected) { try Self.step(next, &fee) }
            #expect(fee == before)
        } else {
            try Self.step(next, &fee)
            #expect(fee.history.count == path.count + 2)
        }
    }

    @Test("the fee is priced from the schedule, waiving needs a reason, and dates may not go backwards")
    func recordRules() throws {
        var fee = try Self.fee()
        #expect(fee.amount == AuthorizationFeeAmount(kroner: 15_000) && fee.status == .due)
        #expect(throws: AuthorizationError.emptyField("reason for waiving")) { try fee.waive(on: LocalDate(parsing: "2024-02-01"), reason: " ") }
        #expect(throws: AuthorizationError.dateBeforePrevious(try LocalDate(parsing: "2024-01-10"), previous: try LocalDate(parsing: "2024-01-11"))) {
            try fee.markInvoiced(on: LocalDate(parsing: "2024-01-10"))
        }
        try fee.markInvoiced(on: LocalDate(parsing: "2024-01-12"), reference: "Faktura 7")
        #expect(fee.history.last?.note == "Faktura 7")
        #expect(!fee.status.isSettled)
    }
}
