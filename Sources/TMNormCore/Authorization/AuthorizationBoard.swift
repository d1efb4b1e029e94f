import Foundation

/// A member of the board (Callcenternemnda).
public struct AuthorizationBoardMember: Sendable, Hashable, Codable, Identifiable {
    /// The server's user id as text.
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// How many votes the board needs before it may decide (**policy**).
public enum AuthorizationQuorum: Sendable, Hashable, Codable {
    /// At least this many members vote.
    case count(Int)
    /// At least this share of all members (recused ones included) vote, rounded up.
    case fraction(numerator: Int, denominator: Int)

    /// Votes needed on a board of `size` members.
    public func required(boardSize size: Int) -> Int {
        switch self {
        case .count(let n): n
        case .fraction(let num, let den): (size * num + den - 1) / den
        }
    }
}

/// What a tie between approve and reject votes means (**policy**).
public enum AuthorizationTieRule: String, Sendable, Hashable, Codable {
    /// No majority for approval is a rejection.
    case reject
    /// A tie decides nothing; the board must vote again or change its composition.
    case noDecision = "no_decision"
}

/// The board that votes on applications, its quorum and its tie rule.
public struct AuthorizationBoard: Sendable, Hashable, Codable {
    public let members: [AuthorizationBoardMember]
    public let quorum: AuthorizationQuorum
    public let tieRule: AuthorizationTieRule

    /// A checked board: members with distinct ids, and a quorum the board can reach.
    public init(members: [AuthorizationBoardMember], quorum: AuthorizationQuorum, tieRule: AuthorizationTieRule = .reject) throws(AuthorizationError)
    {
        guard !members.isEmpty else { throw .boardWithoutMembers }
        var ids = Set<String>()
        for m in members where !ids.insert(m.id).inserted { throw .duplicateBoardMember(m.id) }
        switch quorum {
        case .count(let n):
            guard (1...members.count).contains(n) else { throw .invalidQuorum(quorum, boardSize: members.count) }
        case .fraction(let num, let den):
            guard den > 0, num > 0, num <= den else { throw .invalidQuorum(quorum, boardSize: members.count) }
        }
        self.members = members
        self.quorum = quorum
        self.tieRule = tieRule
    }

    /// Votes needed before a decision.
    public var requiredVotes: Int { quorum.required(boardSize: members.count) }

    public func isMember(_ id: String) -> Bool { members.contains { $0.id == id } }
}

/// A board member's vote.
public enum AuthorizationVoteChoice: String, Sendable, Hashable, Codable {
    case approve, reject, abstain
}

/// The decision on an application.
public enum AuthorizationOutcome: String, Sendable, Hashable, Codable {
    case approve, reject
}

/// A recorded vote.
public struct AuthorizationVote: Sendable, Hashable, Codable {
    public let memberID: String
    public let choice: AuthorizationVoteChoice
    public let at: Date
}

/// A member stepping aside for a conflict of interest (inhabilitet), with the reason.
public struct AuthorizationRecusal: Sendable, Hashable, Codable {
    public let memberID: String
    public let reason: String
    public let at: Date
}

/// The count of votes against the quorum, and what the majority is.
public struct AuthorizationTally: Sendable, Hashable, Codable {
    public let approve: Int
    public let reject: Int
    public let abstain: Int
    public let recused: Int
    public let required: Int

    /// Votes cast, abstentions included (they count toward the quorum, not toward a majority).
    public var cast: Int { approve + reject + abstain }
    public var quorumMet: Bool { cast >= required }

    /// The outcome the votes support under the tie rule, or nil when they support none.
    public func majority(_ tieRule: AuthorizationTieRule) -> AuthorizationOutcome? {
        if approve > reject { return .approve }
        if reject > approve { return .reject }
        return tieRule == .reject ? .reject : nil
    }
}
