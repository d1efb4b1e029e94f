import Foundation
import Testing

@testable import TMNormCore
@testable import TMNormServer

@Suite("Demo scenario")
struct AuthorizationDemoTests {
    static func centres() throws -> [AuthorizationDemoCentre] {
        try [
            ("912345009", "UniCall AS"), ("912345017", "ProffCom AS"), ("912345025", "Aktiv Partner AS"),
            ("912345033", "Smart 1 AS"), ("912345041", "One2one AS"),
        ].map { AuthorizationDemoCentre(orgnr: try OrganisationNumber($0.0), name: $0.1, membership: $0.1.hasPrefix("One") ? .nonMember : .member) }
    }

    /// Five members, quorum 3 (as TMNormCoreTests' `azBoard`).
    static func board() throws -> AuthorizationBoard {
        try AuthorizationBoard(
            members: ["b1", "b2", "b3", "b4", "b5"].map { AuthorizationBoardMember(id: $0, name: "Medlem \($0)") },
            quorum: .count(3), tieRule: .reject)
    }

    @Test(
        "the demo has approved centres, one in its year-1 follow-up, one suspended and one under review, on any day",
        arguments: ["2026-06-15", "2028-02-29", "2027-01-03"])
    func scenario(day: String) throws {
        let today = try LocalDate(parsing: day)
        let s = try AuthorizationDemo.scenario(centres: Self.centres(), board: Self.board(), today: today)
        #expect(s.records.map { $0.publicStanding(on: today).status } == [.approved, .approved, .suspended, .underReview, .approved])
        #expect(s.records[1].followUpStates(on: today).first?.state == .open)
        #expect(s.records.allSatisfy { $0.overdueFollowUps(on: today).isEmpty })
        #expect(s.applications.map(\.state) == [.approved, .approved, .approved, .underReview, .approved])
        #expect(s.applications[3].votes.count == 1)
        #expect(s.fees.map(\.status) == [.paid, .paid, .paid, .due, .paid])
        #expect(s.fees[4].amount == AuthorizationFeeAmount(kroner: 15_000))
        #expect(AuthorizationPublicRegister.entries(s.records, on: today).count == 4)
    }
}
