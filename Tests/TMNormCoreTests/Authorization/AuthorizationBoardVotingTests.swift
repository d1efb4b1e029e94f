import Foundation
import Testing
@testable import TMNormCore

@Suite("Board votes: quorum, recusal, one vote each, reasoned decisions")
struct AuthorizationBoardVotingTests {
    static func underReview(_ board: AuthorizationBoard) throws -> AuthorizationApplication {
        var app = try azCompleteDraft()
        try app.submit(at: azInstant("2024-01-11"))
        try app.startReview(board: board, at: azInstant("2024-01-12"))
        return app
    }

    @Test(
        "the quorum is a count or a fraction of all members, rounded up",
        arguments: [
            (AuthorizationQuorum.count(3), 5, 3), (.count(1), 1, 1), (.fraction(numerator: 1, denominator: 2), 5, 3),
            (.fraction(numerator: 1, denominator: 2), 4, 2), (.fraction(numerator: 2, denominator: 3), 5, 4),
            (.fraction(numerator: 2, denominator: 3), 6, 4), (.fraction(numerator: 1, denominator: 1), 3, 3),
        ])
    func quorum(quorum: AuthorizationQuorum, size: Int, required: Int) throws {
        let board = try azBoard((1...size).map { "m\($0)" }, quorum: quorum)
        #expect(board.requiredVotes == required)
    }

    @Test(
        "a board that cannot reach its quorum, or lists a member twice, is refused",
        arguments: [
            (["a", "b"], AuthorizationQuorum.count(3), AuthorizationError.invalidQuorum(.count(3), boardSize: 2)),
            (["a", "b"], .count(0), .invalidQuorum(.count(0), boardSize: 2)),
            (["a"], .fraction(numerator: 3, denominator: 2), .invalidQuorum(.fraction(numerator: 3, denominator: 2), boardSize: 1)),
            (["a"], .fraction(numerator: 1, denominator: 0), .invalidQuorum(.fraction(numerator: 1, denominator: 0), boardSize: 1)),
            ([], .count(1), .boardWithoutMembers),
            (["a", "a"], .count(1), .duplicateBoardMember("a")),
        ] as [([String], AuthorizationQuorum, AuthorizationError)])
    func invalidBoards(ids: [String], quorum: AuthorizationQuorum, expected: AuthorizationError) {
        #expect(throws: expected) { try azBoard(ids, quorum: quorum) }
    }

    @Test(
        "votes only from members of the reviewing board who have not recused, once each",
        arguments: [
            ("outsider", AuthorizationError.notABoardMember("outsider")),
            ("b1", .alreadyVoted("b1")),
            ("b5", .memberRecused("b5")),
        ])
    func refusedVotes(member: String, expected: AuthorizationError) throws {
        var app = try Self.underReview(azBoard())
        try app.vote(memberID: "b1", choice: .approve, at: azInstant("2024-01-13"))
        try app.recuse(memberID: "b5", reason: "Eier aksjer i søkeren.", at: azInstant("2024-01-13"))
        let before = app
        #expect(throws: expected) { try app.vote(memberID: member, choice: .approve, at: azInstant("2024-01-14")) }
        #expect(app == before)
    }

    @Test("recusal needs a reason, happens once, and not after voting")
    func recusalRules() throws {
        var app = try Self.underReview(azBoard())
        let t = try azInstant("2024-01-13")
        #expect(throws: AuthorizationError.emptyField("reason for recusal")) { try app.recuse(memberID: "b2", reason: "", at: t) }
        #expect(throws: AuthorizationError.notABoardMember("x")) { try app.recuse(memberID: "x", reason: "Inhabil.", at: t) }
        try app.recuse(memberID: "b2", reason: "Tidligere ansatt hos søker.", at: t)
        #expect(throws: AuthorizationError.alreadyRecused("b2")) { try app.recuse(memberID: "b2", reason: "Igjen.", at: t) }
        try app.vote(memberID: "b3", choice: .reject, at: t)
        #expect(throws: AuthorizationError.alreadyVoted("b3")) { try app.recuse(memberID: "b3", reason: "Inhabil.", at: t) }
        #expect(app.tally.recused == 1)
        #expect(app.recusals.first?.reason == "Tidligere ansatt hos søker.")
    }

    /// (approve, reject, abstain votes, tie rule, decision tried, expected error or nil for success)
    static let decisions: [(Int, Int, Int, AuthorizationTieRule, AuthorizationOutcome, AuthorizationError?)] = [
        (3, 0, 0, .reject, .approve, nil),
        (2, 1, 0, .reject, .approve, nil),
        (1, 2, 0, .reject, .reject, nil),
        (2, 0, 0, .reject, .approve, .quorumNotMet(votes: 2, required: 3)),
        (1, 1, 1, .reject, .reject, nil),
        (1, 1, 1, .reject, .approve, .decisionAgainstVotes(outcome: .approve, approve: 1, reject: 1)),
        (1, 1, 1, .noDecision, .reject, .noMajority(approve: 1, reject: 1)),
        (0, 0, 3, .reject, .reject, nil),
        (1, 2, 0, .reject, .approve, .decisionAgainstVotes(outcome: .approve, approve: 1, reject: 2)),
        (3, 1, 1, .noDecision, .reject, .decisionAgainstVotes(outcome: .reject, approve: 3, reject: 1)),
    ]

    @Test("a decision needs the quorum and must follow the majority (abstentions count only toward the quorum)", arguments: decisions)
    func decide(approve: Int, reject: Int, abstain: Int, tie: AuthorizationTieRule, outcome: AuthorizationOutcome, expected: AuthorizationError?)
        throws
    {
        var app = try Self.underReview(azBoard(tieRule: tie))
        let choices =
            Array(repeating: AuthorizationVoteChoice.approve, count: approve)
            + Array(repeating: .reject, count: reject) + Array(repeating: .abstain, count: abstain)
        for (i, choice) in choices.enumerated() { try app.vote(memberID: "b\(i + 1)", choice: choice, at: azInstant("2024-01-20")) }
        let t = try azInstant("2024-01-22")
        if let expected {
            #expect(throws: expected) { try app.decide(outcome, reasons: "Begrunnelse.", at: t) }
            #expect(app.state == .underReview && app.decision == nil)
        } else {
            try app.decide(outcome, reasons: "Begrunnelse.", at: t)
            #expect(app.state == (outcome == .approve ? .approved : .rejected))
            #expect(app.decision?.tally.cast == choices.count)
        }
    }

    @Test("a decision without reasons is refused")
    func reasonsRequired() throws {
        var app = try Self.underReview(azBoard())
        for m in ["b1", "b2", "b3"] { try app.vote(memberID: m, choice: .approve, at: azInstant("2024-01-20")) }
        #expect(throws: AuthorizationError.reasonsRequired) { try app.decide(.approve, reasons: " \n ", at: azInstant("2024-01-21")) }
        #expect(AuthorizationError.reasonsRequired.norwegian == "et vedtak må begrunnes")
    }

    @Test("the decision records its Oslo date and an appeal deadline three weeks later (policy)")
    func decisionRecord() throws {
        let app = try azApprovedApplication(decidedDay: "2024-02-01")
        let decision = try #require(app.decision)
        #expect(decision.decidedOn == (try LocalDate(parsing: "2024-02-01")))
        #expect(decision.appealDeadline == (try LocalDate(parsing: "2024-02-22")))
        #expect(decision.reasons == "Alle kriterier er dokumentert.")
        // Just after midnight Oslo time is still the Oslo day, whatever UTC says.
        var late = try AZApplicationHelpers.readyToDecide()
        try late.decide(.approve, reasons: "OK.", at: azInstant("2024-03-01", 0, 30))
        #expect(late.decision?.decidedOn == (try LocalDate(parsing: "2024-03-01")))
    }
}

/// Shared set-ups for decision tests.
enum AZApplicationHelpers {
    /// Under review with three approve votes cast on 2024-01-20.
    static func readyToDecide() throws -> AuthorizationApplication {
        var app = try AuthorizationBoardVotingTests.underReview(azBoard())
        for m in ["b1", "b2", "b3"] { try app.vote(memberID: m, choice: .approve, at: azInstant("2024-01-20")) }
        return app
    }
}
