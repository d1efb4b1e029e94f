import Foundation
import Testing

@testable import TMNormCore

@Suite("Complaint handling: answers, board and decision")
struct ComplaintCaseTests {
    let t0 = Date(timeIntervalSince1970: 1_796_000_000)
    let day: TimeInterval = 86_400

    func board(_ ids: [String] = ["a", "b", "c"]) throws -> AuthorizationBoard {
        try AuthorizationBoard(
            members: ids.map { AuthorizationBoardMember(id: $0, name: $0.uppercased()) }, quorum: .fraction(numerator: 1, denominator: 2))
    }

    /// A case with the board, after an answer.
    func withBoard() throws -> ComplaintCase {
        var c = ComplaintCase(openedAt: t0)
        try c.answer(as: .callCentre, text: "Vi beklager.", at: t0 + day)
        try c.sendToBoard(try board(), at: t0 + 2 * day)
        return c
    }

    @Test("opening starts the answer deadline: 14 days by default, or the policy's")
    func open() {
        let c = ComplaintCase(openedAt: t0)
        #expect(c.state == .awaitingAnswer)
        #expect(c.answerDue == t0 + 14 * day)
        #expect(c.reminderDue() == t0 + 11 * day)
        let short = ComplaintCase(openedAt: t0, policy: ComplaintPolicy(answerDays: 7))
        #expect(short.answerDue == t0 + 7 * day)
    }

    @Test("awaiting_answer → answered; each side answers once; an empty answer is refused")
    func answer() throws {
        var c = ComplaintCase(openedAt: t0)
        #expect(throws: ComplaintCaseError.emptyAnswer) { try c.answer(as: .callCentre, text: "  ", at: t0) }
        #expect(c.state == .awaitingAnswer)
        try c.answer(as: .callCentre, text: "Svar", at: t0 + day)
        #expect(c.state == .answered)
        #expect(throws: ComplaintCaseError.alreadyAnswered(.callCentre)) { try c.answer(as: .callCentre, text: "Igjen", at: t0 + day) }
        try c.answer(as: .client, text: "Svar fra kunden", at: t0 + day)
        #expect(c.answeredBy == [.callCentre, .client])
    }

    @Test("awaiting_answer → overdue only after the deadline, and not while the clock stands still")
    func overdue() throws {
        var c = ComplaintCase(openedAt: t0)
        #expect(throws: ComplaintCaseError.notYetDue) { try c.markOverdue(at: t0 + 13 * day) }
        try c.stopClock(reason: "Venter på lydopptak", at: t0 + day)
        #expect(!c.isAnswerLate(at: t0 + 20 * day))
        try c.resumeClock(at: t0 + 4 * day)
        #expect(c.answerDue == t0 + 17 * day, "the deadline moves by the three stopped days")
        #expect(throws: ComplaintCaseError.notYetDue) { try c.markOverdue(at: t0 + 16 * day) }
        try c.markOverdue(at: t0 + 18 * day)
        #expect(c.state == .overdue)
        // A late answer is still taken.
        try c.answer(as: .callCentre, text: "Sent svar", at: t0 + 19 * day)
        #expect(c.state == .answered)
    }

    @Test("answered or overdue → with_board; an unanswered case cannot go to the board before its deadline")
    func sendToBoard() throws {
        var c = ComplaintCase(openedAt: t0)
        #expect(throws: ComplaintCaseError.notAllowed(action: "send to board", state: .awaitingAnswer)) {
            try c.sendToBoard(try board(), at: t0)
        }
        try c.markOverdue(at: t0 + 15 * day)
        try c.sendToBoard(try board(), at: t0 + 15 * day)
        #expect(c.state == .withBoard)
        #expect(c.decisionDue == t0 + 75 * day)
        #expect(c.currentDeadline == c.decisionDue)
    }

    @Test("the rapporteur must sit on the board")
    func rapporteur() throws {
        var c = try withBoard()
        #expect(throws: ComplaintCaseError.notABoardMember) { try c.assignRapporteur("x", board: try board(), at: t0) }
        try c.assignRapporteur("b", board: try board(), at: t0)
        #expect(c.rapporteurID == "b")
    }

    @Test("stop-the-clock at the board moves the board's deadline by the stopped time; a reason is required")
    func clock() throws {
        var c = try withBoard()
        let due = try #require(c.decisionDue)
        #expect(throws: ComplaintCaseError.stopReasonRequired) { try c.stopClock(reason: " ", at: t0 + 3 * day) }
        #expect(throws: ComplaintCaseError.clockNotStopped) { try c.resumeClock(at: t0 + 3 * day) }
        try c.stopClock(reason: "Venter på kontrakten", at: t0 + 3 * day)
        #expect(throws: ComplaintCaseError.clockAlreadyStopped) { try c.stopClock(reason: "igjen", at: t0 + 3 * day) }
        try c.resumeClock(at: t0 + 8 * day)
        #expect(c.decisionDue == due + 5 * day)
        #expect(c.clockStops.count == 1 && c.runningStop == nil)
    }

    @Test("recusal and votes as in authorization: members only, once, not after voting, not when recused")
    func votes() throws {
        var c = try withBoard()
        #expect(throws: ComplaintCaseError.notABoardMember) { try c.vote(memberID: "outsider", outcome: .warning, at: t0) }
        #expect(throws: ComplaintCaseError.recusalReasonRequired) { try c.recuse(memberID: "c", reason: "", at: t0) }
        try c.recuse(memberID: "c", reason: "Eier aksjer i callsenteret", at: t0)
        #expect(throws: ComplaintCaseError.memberRecused) { try c.vote(memberID: "c", outcome: .warning, at: t0) }
        try c.vote(memberID: "a", outcome: .warning, at: t0)
        #expect(throws: ComplaintCaseError.alreadyVoted) { try c.vote(memberID: "a", outcome: .dismissed, at: t0) }
        #expect(throws: ComplaintCaseError.alreadyVoted) { try c.recuse(memberID: "a", reason: "for sent", at: t0) }
        try c.vote(memberID: "b", outcome: nil, at: t0)
        #expect(c.majority == .warning)
        #expect(c.votes.count == 2)
    }

    @Test("a decision needs reasons, the quorum, the majority's outcome, a running clock and a suspension's end")
    func propose() throws {
        var c = try withBoard()
        try c.vote(memberID: "a", outcome: .suspension, at: t0)
        #expect(throws: ComplaintCaseError.quorumNotMet(votes: 1, required: 2)) {
            try c.propose(.suspension, reasons: "Grunn", suspendedUntil: try LocalDate(year: 2027, month: 3, day: 1), by: "a", at: t0)
        }
        try c.vote(memberID: "b", outcome: .warning, at: t0)
        #expect(throws: ComplaintCaseError.noMajority) { try c.propose(.warning, reasons: "Grunn", suspendedUntil: nil, by: "a", at: t0) }
        try c.vote(memberID: "c", outcome: .suspension, at: t0)
        #expect(throws: ComplaintCaseError.reasonsRequired) { try c.propose(.suspension, reasons: "  ", suspendedUntil: nil, by: "a", at: t0) }
        #expect(throws: ComplaintCaseError.suspensionEndRequired) {
            try c.propose(.suspension, reasons: "Grunn", suspendedUntil: nil, by: "a", at: t0)
        }
        #expect(throws: ComplaintCaseError.decisionAgainstVotes(majority: .suspension)) {
            try c.propose(.warning, reasons: "Grunn", suspendedUntil: nil, by: "a", at: t0)
        }
        #expect(throws: ComplaintCaseError.notABoardMember) { try c.propose(.suspension, reasons: "Grunn", suspendedUntil: nil, by: "z", at: t0) }
        try c.stopClock(reason: "Venter", at: t0)
        #expect(throws: ComplaintCaseError.clockStopped) {
            try c.propose(.suspension, reasons: "Grunn", suspendedUntil: try LocalDate(year: 2027, month: 3, day: 1), by: "a", at: t0)
        }
        try c.resumeClock(at: t0 + day)
        #expect(c.decision == nil, "nothing was stored by the refused proposals")
        try c.propose(.suspension, reasons: "Ringte reserverte", suspendedUntil: try LocalDate(year: 2027, month: 3, day: 1), by: "a", at: t0 + day)
        #expect(c.decision?.outcome == .suspension)
        #expect(c.state == .withBoard, "a proposal is not yet sent")
    }

    @Test("with_board → decided on confirmation → closed; the erasure is due the retention period after closing")
    func confirmAndClose() throws {
        var c = try withBoard()
        #expect(throws: ComplaintCaseError.nothingToConfirm) { try c.confirm(by: "a", at: t0) }
        try c.vote(memberID: "a", outcome: .dismissed, at: t0)
        try c.vote(memberID: "b", outcome: .dismissed, at: t0)
        try c.propose(.dismissed, reasons: "Innenfor ringetiden og vasket.", suspendedUntil: nil, by: "a", at: t0)
        #expect(throws: ComplaintCaseError.notABoardMember) { try c.confirm(by: "x", at: t0) }
        #expect(throws: ComplaintCaseError.notAllowed(action: "close", state: .withBoard)) { try c.close(at: t0) }
        try c.confirm(by: "b", at: t0 + day)
        #expect(c.state == .decided)
        #expect(c.decision?.confirmedBy == "b")
        #expect(throws: ComplaintCaseError.notAllowed(action: "confirm", state: .decided)) { try c.confirm(by: "b", at: t0 + day) }
        #expect(throws: ComplaintCaseError.notAllowed(action: "answer", state: .decided)) { try c.answer(as: .client, text: "x", at: t0) }
        try c.close(at: t0 + 2 * day)
        #expect(c.state == .closed)
        #expect(c.erasureDue() == t0 + 2 * day + Double(3 * 365) * day)
    }

    @Test("outcomes: the last three are sanctions")
    func outcomes() {
        #expect(ComplaintOutcome.allCases.filter(\.isSanction) == [.warning, .suspension, .revocation])
    }

    @Test("published text loses phone numbers, e-mail addresses and the given names")
    func anonymise() {
        let text = "Selger Ola Nordmann ringte 912 34 567 og +47 41234567, kari@example.no klaget kl 10 den 30.11."
        let scrubbed = ComplaintAnonymiser.scrub(text, names: ["Ola Nordmann", "Kari"])
        #expect(!scrubbed.contains("912") && !scrubbed.contains("41234567"))
        #expect(!scrubbed.contains("Ola") && !scrubbed.contains("kari@"))
        #expect(scrubbed.contains("kl 10 den 30.11."), "short numbers stay: \(scrubbed)")
        #expect(scrubbed.contains("[nummer]") && scrubbed.contains("[navn]") && scrubbed.contains("[e-post]"))
        #expect(ComplaintAnonymiser.scrub("1\u{0661}2\u{301}3", names: []) == "1\u{0661}2\u{301}3", "no trap on other scripts")
    }
}
