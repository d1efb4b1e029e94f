import Foundation

/// The board's steps: recusal, votes and the decision.
extension AuthorizationApplication {
    /// A board member declares a conflict of interest and steps aside; only before voting.
    public mutating func recuse(memberID: String, reason: String, at: Date) throws(AuthorizationError) {
        try check(.recuse, allowedIn: [.underReview], at: at)
        try requireMember(memberID)
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptyField("reason for recusal") }
        guard !recusals.contains(where: { $0.memberID == memberID }) else { throw .alreadyRecused(memberID) }
        // A vote already cast would have counted; withdrawing it silently would hide that from the record.
        guard !votes.contains(where: { $0.memberID == memberID }) else { throw .alreadyVoted(memberID) }
        recusals.append(AuthorizationRecusal(memberID: memberID, reason: text, at: at))
        events.append(AuthorizationApplicationEvent(at: at, kind: .recused(memberID: memberID, reason: text)))
    }

    /// Records a board member's vote: members only, not recused, once each.
    public mutating func vote(memberID: String, choice: AuthorizationVoteChoice, at: Date) throws(AuthorizationError) {
        try check(.vote, allowedIn: [.underReview], at: at)
        try requireMember(memberID)
        guard !recusals.contains(where: { $0.memberID == memberID }) else { throw .memberRecused(memberID) }
        guard !votes.contains(where: { $0.memberID == memberID }) else { throw .alreadyVoted(memberID) }
        votes.append(AuthorizationVote(memberID: memberID, choice: choice, at: at))
        events.append(AuthorizationApplicationEvent(at: at, kind: .voted(memberID: memberID, choice: choice)))
    }

    /// The votes so far against the quorum of the board reviewing the application.
    public var tally: AuthorizationTally {
        AuthorizationTally(
            approve: votes.filter { $0.choice == .approve }.count,
            reject: votes.filter { $0.choice == .reject }.count,
            abstain: votes.filter { $0.choice == .abstain }.count,
            recused: recusals.count,
            required: board?.requiredVotes ?? 0)
    }

    /// The board decides: the quorum must be met, the outcome must be what the votes support, and the
    /// reasons must be given. The appeal deadline follows `policy`.
    public mutating func decide(
        _ outcome: AuthorizationOutcome, reasons: String, at: Date, policy: AuthorizationPolicy = .standard
    ) throws(AuthorizationError) {
        try check(.decide, allowedIn: [.underReview], at: at)
        guard let board else { throw .actionNotAllowed(.decide, state: state) }
        let text = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .reasonsRequired }
        let tally = self.tally
        guard tally.quorumMet else { throw .quorumNotMet(votes: tally.cast, required: tally.required) }
        guard let majority = tally.majority(board.tieRule) else {
            throw .noMajority(approve: tally.approve, reject: tally.reject)
        }
        guard majority == outcome else {
            throw .decisionAgainstVotes(outcome: outcome, approve: tally.approve, reject: tally.reject)
        }
        let day = OsloTime.localDate(of: at)
        decision = AuthorizationApplicationDecision(
            outcome: outcome, reasons: text, decidedAt: at, decidedOn: day, tally: tally,
            appealDeadline: day.adding(days: policy.appealDays))
        state = outcome == .approve ? .approved : .rejected
        events.append(AuthorizationApplicationEvent(at: at, kind: .decided(outcome)))
    }

    /// Refuses anyone who is not a member of the reviewing board.
    private func requireMember(_ memberID: String) throws(AuthorizationError) {
        guard let board, board.isMember(memberID) else { throw .notABoardMember(memberID) }
    }
}
