import Foundation

/// The board's outcomes for a complaint, mildest first.
public enum ComplaintOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The complaint is not upheld.
    case dismissed
    /// The centre is criticised; nothing is recorded on its authorization record.
    case criticised
    case warning
    case suspension
    case revocation

    /// Whether the outcome is a sanction recorded on the centre's authorization record.
    public var isSanction: Bool { self == .warning || self == .suspension || self == .revocation }
}

/// Which side of the call a business stands on in a complaint.
public enum ComplaintPartyRole: String, Sendable, Hashable, Codable {
    case callCentre = "call_centre"
    case client
}

/// The handling rules (**policy**): answer deadline, reminders, the board's own deadline, retention.
public struct ComplaintPolicy: Sendable, Hashable, Codable {
    /// Days the businesses have to answer (default 14).
    public var answerDays: Int
    /// Days before the answer deadline a reminder goes out (default 3).
    public var reminderDaysBefore: Int
    /// Days the board has to decide once the case is sent to it (default 60), moved by stopped time.
    public var boardDays: Int
    /// Days after closing that the consumer's contact details are kept (default 3 years).
    public var retentionDays: Int

    public init(answerDays: Int = 14, reminderDaysBefore: Int = 3, boardDays: Int = 60, retentionDays: Int = 3 * 365) {
        self.answerDays = answerDays
        self.reminderDaysBefore = reminderDaysBefore
        self.boardDays = boardDays
        self.retentionDays = retentionDays
    }

    public static let standard = ComplaintPolicy()
}

/// What can go wrong in a complaint's handling; the server words it in both languages.
public enum ComplaintCaseError: Error, Sendable, Hashable {
    case notAllowed(action: String, state: ComplaintState)
    case alreadyAnswered(ComplaintPartyRole)
    case emptyAnswer
    case notABoardMember
    case recusalReasonRequired
    case alreadyRecused
    case alreadyVoted
    case memberRecused
    case clockAlreadyStopped
    case clockNotStopped
    case clockStopped
    case stopReasonRequired
    case reasonsRequired
    case quorumNotMet(votes: Int, required: Int)
    case noMajority
    case decisionAgainstVotes(majority: ComplaintOutcome)
    case suspensionEndRequired
    case nothingToConfirm
    case notYetDue

    /// Bokmål, then English.
    public var words: (nb: String, en: String) {
        switch self {
        case .notAllowed(let action, let state):
            (
                "Dette kan ikke gjøres i saken nå (\(action), \(state.rawValue)).",
                "This cannot be done on the case now (\(action), \(state.rawValue))."
            )
        case .alreadyAnswered: ("Dere har allerede svart på klagen.", "You have already answered the complaint.")
        case .emptyAnswer: ("Skriv et svar.", "Write an answer.")
        case .notABoardMember:
            ("Bare medlemmer av nemnda kan stemme eller avgjøre.", "Only members of the board may vote or decide.")
        case .recusalReasonRequired: ("Oppgi grunnen til inhabiliteten.", "Give the reason for the recusal.")
        case .alreadyRecused: ("Du har allerede erklært deg inhabil.", "You have already recused yourself.")
        case .alreadyVoted: ("Du har allerede stemt.", "You have already voted.")
        case .memberRecused: ("Du er inhabil i saken og kan ikke stemme.", "You are recused from the case and cannot vote.")
        case .clockAlreadyStopped: ("Klokken står allerede.", "The clock is already stopped.")
        case .clockNotStopped: ("Klokken går allerede.", "The clock is already running.")
        case .clockStopped:
            (
                "Klokken står mens nemnda venter på opplysninger; start den før vedtaket.",
                "The clock is stopped while the board waits for information; restart it before deciding."
            )
        case .stopReasonRequired: ("Oppgi hvilke opplysninger nemnda venter på.", "Say what information the board is waiting for.")
        case .reasonsRequired: ("Vedtaket må begrunnes.", "The decision needs reasons.")
        case .quorumNotMet(let votes, let required):
            ("Nemnda er ikke beslutningsdyktig: \(votes) av \(required) stemmer.", "The board has no quorum: \(votes) of \(required) votes.")
        case .noMajority: ("Stemmene gir ikke flertall for ett utfall.", "The votes give no majority for one outcome.")
        case .decisionAgainstVotes:
            ("Utfallet må være det flertallet stemte for.", "The outcome must be the one the majority voted for.")
        case .suspensionEndRequired: ("Oppgi når suspensjonen slutter.", "Give the day the suspension ends.")
        case .nothingToConfirm: ("Det er ikke noe vedtak å bekrefte.", "There is no decision to confirm.")
        case .notYetDue: ("Svarfristen er ikke ute.", "The answer deadline has not passed.")
        }
    }

    /// The form field the error is about, where it is about input.
    public var field: String? {
        switch self {
        case .emptyAnswer: "text"
        case .recusalReasonRequired: "recusal"
        case .stopReasonRequired: "reason"
        case .reasonsRequired: "reasons"
        case .suspensionEndRequired: "until"
        case .decisionAgainstVotes, .noMajority: "outcome"
        default: nil
        }
    }
}

/// A board member's vote on a complaint: an outcome, or abstain (nil).
public struct ComplaintVote: Sendable, Hashable, Codable {
    public let memberID: String
    public let outcome: ComplaintOutcome?
    public let at: Date
}

/// A period the clock stood still while the board waited for information.
public struct ComplaintClockStop: Sendable, Hashable, Codable {
    public let reason: String
    public let from: Date
    public var until: Date?
}

/// The board's decision, proposed and then confirmed before anyone is told.
public struct ComplaintDecision: Sendable, Hashable, Codable {
    public let outcome: ComplaintOutcome
    public let reasons: String
    /// For a suspension: the first day the centre is approved again.
    public let suspendedUntil: LocalDate?
    public let proposedBy: String
    public let proposedAt: Date
    public var confirmedBy: String?
    public var confirmedAt: Date?
}

/// A step in the case history.
public struct ComplaintEvent: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        case opened(due: Date)
        case answered(ComplaintPartyRole)
        case overdue
        case sentToBoard
        case rapporteur(String)
        case clockStopped(String)
        case clockResumed
        case recused(String)
        case voted(String)
        case proposed(ComplaintOutcome)
        case confirmed(ComplaintOutcome)
        case closed
    }

    public let at: Date
    public let kind: Kind
}

/// A complaint's handling after intake: the companies' answers, the board's work and its decision. Every
/// step checks the state and its own rules and throws without changing anything when refused.
public struct ComplaintCase: Sendable, Hashable, Codable {
    public private(set) var state: ComplaintState
    /// When the businesses must have answered by (moved by stopped time).
    public private(set) var answerDue: Date?
    /// When the board should decide by (set when the case goes to the board; moved by stopped time).
    public private(set) var decisionDue: Date?
    public private(set) var answeredBy: [ComplaintPartyRole]
    public private(set) var rapporteurID: String?
    public private(set) var clockStops: [ComplaintClockStop]
    public private(set) var board: AuthorizationBoard?
    public private(set) var recusals: [AuthorizationRecusal]
    public private(set) var votes: [ComplaintVote]
    public private(set) var decision: ComplaintDecision?
    public private(set) var closedAt: Date?
    public private(set) var events: [ComplaintEvent]

    /// A case waiting for the businesses' answer from `at`.
    public init(openedAt at: Date, policy: ComplaintPolicy = .standard) {
        let due = at.addingTimeInterval(Double(policy.answerDays) * 86_400)
        state = .awaitingAnswer
        answerDue = due
        decisionDue = nil
        answeredBy = []
        rapporteurID = nil
        clockStops = []
        board = nil
        recusals = []
        votes = []
        decision = nil
        closedAt = nil
        events = [ComplaintEvent(at: at, kind: .opened(due: due))]
    }

    /// The stop running now, if the clock stands still.
    public var runningStop: ComplaintClockStop? { clockStops.last.flatMap { $0.until == nil ? $0 : nil } }

    /// The deadline that runs now: the answer's until the board has the case, then the board's.
    public var currentDeadline: Date? { decisionDue ?? answerDue }

    /// Whether the answer is late at `now` (the clock standing still does not count).
    public func isAnswerLate(at now: Date) -> Bool {
        guard let answerDue, runningStop == nil else { return false }
        return [.awaitingAnswer, .overdue].contains(state) && now > answerDue
    }

    private func require(_ action: String, in states: [ComplaintState]) throws(ComplaintCaseError) {
        guard states.contains(state) else { throw .notAllowed(action: action, state: state) }
    }

    /// A business answers (once per side); the first answer moves the case to answered.
    public mutating func answer(as party: ComplaintPartyRole, text: String, at: Date) throws(ComplaintCaseError) {
        try require("answer", in: [.awaitingAnswer, .overdue, .answered, .withBoard])
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyAnswer }
        guard !answeredBy.contains(party) else { throw .alreadyAnswered(party) }
        answeredBy.append(party)
        if state != .withBoard { state = .answered }
        events.append(ComplaintEvent(at: at, kind: .answered(party)))
    }

    /// The answer deadline passed without an answer.
    public mutating func markOverdue(at now: Date) throws(ComplaintCaseError) {
        try require("overdue", in: [.awaitingAnswer])
        guard isAnswerLate(at: now) else { throw .notYetDue }
        state = .overdue
        events.append(ComplaintEvent(at: now, kind: .overdue))
    }

    /// The case goes to the board once answered or overdue; the board's deadline starts.
    public mutating func sendToBoard(_ board: AuthorizationBoard, at: Date, policy: ComplaintPolicy = .standard) throws(ComplaintCaseError) {
        try require("send to board", in: [.answered, .overdue])
        self.board = board
        state = .withBoard
        decisionDue = at.addingTimeInterval(Double(policy.boardDays) * 86_400)
        events.append(ComplaintEvent(at: at, kind: .sentToBoard))
    }

    /// Names the board member who prepares the case.
    public mutating func assignRapporteur(_ memberID: String, board: AuthorizationBoard, at: Date) throws(ComplaintCaseError) {
        try require("assign rapporteur", in: [.awaitingAnswer, .answered, .overdue, .withBoard])
        guard board.isMember(memberID) else { throw .notABoardMember }
        rapporteurID = memberID
        events.append(ComplaintEvent(at: at, kind: .rapporteur(memberID)))
    }

    /// Stops the clock while the board waits for information.
    public mutating func stopClock(reason: String, at: Date) throws(ComplaintCaseError) {
        try require("stop the clock", in: [.awaitingAnswer, .answered, .overdue, .withBoard])
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .stopReasonRequired }
        guard runningStop == nil else { throw .clockAlreadyStopped }
        clockStops.append(ComplaintClockStop(reason: text, from: at, until: nil))
        events.append(ComplaintEvent(at: at, kind: .clockStopped(text)))
    }

    /// Starts the clock again; the running deadline moves by the time it stood still.
    public mutating func resumeClock(at: Date) throws(ComplaintCaseError) {
        guard var stop = runningStop else { throw .clockNotStopped }
        let stopped = max(0, at.timeIntervalSince(stop.from))
        stop.until = at
        clockStops[clockStops.count - 1] = stop
        if let due = decisionDue {
            decisionDue = due.addingTimeInterval(stopped)
        } else if let due = answerDue {
            answerDue = due.addingTimeInterval(stopped)
        }
        events.append(ComplaintEvent(at: at, kind: .clockResumed))
    }

    private func requireMember(_ memberID: String) throws(ComplaintCaseError) {
        guard let board, board.isMember(memberID) else { throw .notABoardMember }
    }

    /// A member steps aside for a conflict of interest; only before voting.
    public mutating func recuse(memberID: String, reason: String, at: Date) throws(ComplaintCaseError) {
        try require("recuse", in: [.withBoard])
        try requireMember(memberID)
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .recusalReasonRequired }
        guard !recusals.contains(where: { $0.memberID == memberID }) else { throw .alreadyRecused }
        guard !votes.contains(where: { $0.memberID == memberID }) else { throw .alreadyVoted }
        recusals.append(AuthorizationRecusal(memberID: memberID, reason: text, at: at))
        events.append(ComplaintEvent(at: at, kind: .recused(memberID)))
    }

    /// A member votes for an outcome (nil abstains): members only, not recused, once each.
    public mutating func vote(memberID: String, outcome: ComplaintOutcome?, at: Date) throws(ComplaintCaseError) {
        try require("vote", in: [.withBoard])
        try requireMember(memberID)
        guard !recusals.contains(where: { $0.memberID == memberID }) else { throw .memberRecused }
        guard !votes.contains(where: { $0.memberID == memberID }) else { throw .alreadyVoted }
        guard decision == nil else { throw .notAllowed(action: "vote", state: state) }
        votes.append(ComplaintVote(memberID: memberID, outcome: outcome, at: at))
        events.append(ComplaintEvent(at: at, kind: .voted(memberID)))
    }

    /// The outcome with strictly the most votes, if any.
    public var majority: ComplaintOutcome? {
        var counts: [ComplaintOutcome: Int] = [:]
        for vote in votes { if let outcome = vote.outcome { counts[outcome, default: 0] += 1 } }
        guard let best = counts.values.max(), best > 0 else { return nil }
        let leaders = counts.filter { $0.value == best }.map(\.key)
        return leaders.count == 1 ? leaders[0] : nil
    }

    /// Votes needed before deciding.
    public var requiredVotes: Int { board?.requiredVotes ?? 0 }

    /// Proposes the decision: quorum, the majority's outcome, reasons, a suspension's end, the clock running.
    public mutating func propose(
        _ outcome: ComplaintOutcome, reasons: String, suspendedUntil: LocalDate?, by memberID: String, at: Date
    ) throws(ComplaintCaseError) {
        try require("decide", in: [.withBoard])
        try requireMember(memberID)
        guard !recusals.contains(where: { $0.memberID == memberID }) else { throw .memberRecused }
        guard runningStop == nil else { throw .clockStopped }
        let text = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .reasonsRequired }
        if outcome == .suspension && suspendedUntil == nil { throw .suspensionEndRequired }
        guard votes.count >= requiredVotes else { throw .quorumNotMet(votes: votes.count, required: requiredVotes) }
        guard let majority else { throw .noMajority }
        guard majority == outcome else { throw .decisionAgainstVotes(majority: majority) }
        decision = ComplaintDecision(
            outcome: outcome, reasons: text, suspendedUntil: outcome == .suspension ? suspendedUntil : nil, proposedBy: memberID,
            proposedAt: at, confirmedBy: nil, confirmedAt: nil)
        events.append(ComplaintEvent(at: at, kind: .proposed(outcome)))
    }

    /// A board member confirms the proposed decision; it is then final and sent.
    public mutating func confirm(by memberID: String, at: Date) throws(ComplaintCaseError) {
        try require("confirm", in: [.withBoard])
        try requireMember(memberID)
        guard var proposed = decision, proposed.confirmedAt == nil else { throw .nothingToConfirm }
        proposed.confirmedBy = memberID
        proposed.confirmedAt = at
        decision = proposed
        state = .decided
        events.append(ComplaintEvent(at: at, kind: .confirmed(proposed.outcome)))
    }

    /// Closes a decided case; the contact details' retention period runs from here.
    public mutating func close(at: Date) throws(ComplaintCaseError) {
        try require("close", in: [.decided])
        state = .closed
        closedAt = at
        events.append(ComplaintEvent(at: at, kind: .closed))
    }

    /// When the consumer's contact details are to be erased: the retention period after closing.
    public func erasureDue(policy: ComplaintPolicy = .standard) -> Date? {
        closedAt.map { $0.addingTimeInterval(Double(policy.retentionDays) * 86_400) }
    }

    /// The day a reminder of the answer deadline goes out, while an answer is awaited.
    public func reminderDue(policy: ComplaintPolicy = .standard) -> Date? {
        guard state == .awaitingAnswer, let answerDue else { return nil }
        return answerDue.addingTimeInterval(-Double(policy.reminderDaysBefore) * 86_400)
    }
}

/// Takes what identifies people out of text that is published: phone numbers, e-mail addresses and names.
public enum ComplaintAnonymiser {
    /// `text` with runs of 8 or more digits (spaces and dashes between allowed), e-mail addresses and each of
    /// `names` (case-insensitive) replaced.
    public static func scrub(_ text: String, names: [String]) -> String {
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            words.append(word.contains("@") && word.contains(".") ? "[e-post]" : String(word))
        }
        var result = words.joined(separator: " ")
        for name in names.map({ $0.trimmingCharacters(in: .whitespaces) }) where name.count >= 2 {
            result = result.replacingOccurrences(of: name, with: "[navn]", options: [.caseInsensitive])
        }
        // Digit runs: bytes, so another script's digits or a combining mark cannot split or trap anything.
        var output: [UInt8] = []
        var run: [UInt8] = []
        var digits = 0
        func flush() {
            if digits >= 8 {
                output.append(contentsOf: Array("[nummer]".utf8))
                if let last = run.last, !ASCII.isDigit(last) { output.append(last) }
            } else {
                output.append(contentsOf: run)
            }
            run = []
            digits = 0
        }
        for byte in Array(result.utf8) {
            if ASCII.isDigit(byte) || (byte == UInt8(ascii: "+") && run.isEmpty) {
                run.append(byte)
                if ASCII.isDigit(byte) { digits += 1 }
            } else if !run.isEmpty && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")) {
                run.append(byte)
            } else {
                flush()
                output.append(byte)
            }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }
}
