import Foundation

/// Why an authorization action or value is refused; nothing changes when one is thrown.
/// `description` is English, `norwegian` is bokmål, `httpStatus` the status the server should answer with.
public enum AuthorizationError: Error, Equatable, Sendable, CustomStringConvertible {
    // Values and catalogue
    case emptyField(String)
    case emptyCatalogue
    case duplicateCriterion(String)
    case invalidPolicy(field: String, value: Int)
    case negativeFee(AuthorizationFeeAmount)
    case dateBeforePrevious(LocalDate, previous: LocalDate)
    // Evidence and uploads
    case unknownCriterion(String)
    case evidenceKindMismatch(criterion: String, expected: AuthorizationEvidenceKind, found: AuthorizationEvidenceKind)
    case noEvidenceToRemove(String)
    case emptyUpload(fileName: String)
    case uploadTooLarge(fileName: String, bytes: Int, limit: Int)
    case uploadTypeNotAllowed(fileName: String, allowed: [String])
    case uploadExtensionMismatch(fileName: String, expected: [String])
    // Application flow
    case actionNotAllowed(AuthorizationApplicationAction, state: AuthorizationApplicationState)
    case incompleteApplication(missing: [String])
    case timeBeforePreviousEvent(Date, previous: Date)
    // Board
    case boardWithoutMembers
    case duplicateBoardMember(String)
    case invalidQuorum(AuthorizationQuorum, boardSize: Int)
    case notABoardMember(String)
    case memberRecused(String)
    case alreadyRecused(String)
    case alreadyVoted(String)
    case quorumNotMet(votes: Int, required: Int)
    case noMajority(approve: Int, reject: Int)
    case decisionAgainstVotes(outcome: AuthorizationOutcome, approve: Int, reject: Int)
    case reasonsRequired
    // Fees
    case feeTransitionNotAllowed(from: AuthorizationFeeStatus, to: AuthorizationFeeStatus)
    // Approvals and follow-up
    case applicationNotApproved(AuthorizationApplicationState)
    case approvalForOtherCentre(expected: OrganisationNumber, found: OrganisationNumber)
    case approvalOverlaps(previousUntil: LocalDate, newFrom: LocalDate)
    case unknownApproval(String)
    case unknownFollowUpYear(Int)
    case followUpNotOpen(year: Int, opensOn: LocalDate)
    case followUpAlreadySubmitted(year: Int)
    case invalidFollowUpReport([AuthorizationFollowUpProblem])
    // Sanctions
    case sanctionNotAllowed(AuthorizationSanctionAction, standing: AuthorizationSanctionStanding)
    case noActiveApproval(on: LocalDate)
    case suspensionEndNotAfterStart(start: LocalDate, end: LocalDate)

    public var description: String {
        switch self {
        case .emptyField(let f): "the \(f) must not be empty"
        case .emptyCatalogue: "a criteria catalogue needs at least one criterion"
        case .duplicateCriterion(let id): "the criterion '\(id)' is listed twice"
        case .invalidPolicy(let field, let value): "the policy value \(field) = \(value) is out of range"
        case .negativeFee(let a): "a fee cannot be negative (\(a.formatted))"
        case .dateBeforePrevious(let d, let p): "\(d.iso8601) lies before \(p.iso8601): dates are out of order"
        case .unknownCriterion(let id): "the catalogue has no criterion '\(id)'"
        case .evidenceKindMismatch(let c, let expected, let found):
            "criterion '\(c)' asks for \(expected), not \(found)"
        case .noEvidenceToRemove(let c): "criterion '\(c)' has no evidence to remove"
        case .emptyUpload(let name): "the file '\(name)' is empty"
        case .uploadTooLarge(let name, let bytes, let limit):
            "the file '\(name)' has \(bytes) bytes; the limit is \(limit)"
        case .uploadTypeNotAllowed(let name, let allowed):
            "the file '\(name)' is not of an accepted type (\(allowed.joined(separator: ", ")))"
        case .uploadExtensionMismatch(let name, let expected):
            "the file '\(name)' does not have the extension its content calls for (\(expected.joined(separator: ", ")))"
        case .actionNotAllowed(let action, let state):
            "cannot \(action.english) an application that is \(state.english)"
        case .incompleteApplication(let missing):
            "the application lacks evidence for: \(missing.joined(separator: ", "))"
        case .timeBeforePreviousEvent(let t, let p):
            "\(OsloTime.iso8601(t)) lies before the application's last event at \(OsloTime.iso8601(p))"
        case .boardWithoutMembers: "the board has no members"
        case .duplicateBoardMember(let id): "board member '\(id)' is listed twice"
        case .invalidQuorum(let q, let size): "the quorum \(q.english) cannot be reached by a board of \(size)"
        case .notABoardMember(let id): "'\(id)' is not a member of the board reviewing this application"
        case .memberRecused(let id): "board member '\(id)' has recused and cannot vote"
        case .alreadyRecused(let id): "board member '\(id)' has already recused"
        case .alreadyVoted(let id): "board member '\(id)' has already voted"
        case .quorumNotMet(let votes, let required): "only \(votes) of the \(required) votes needed have been cast"
        case .noMajority(let a, let r): "the votes are tied (\(a) approve, \(r) reject): there is no majority"
        case .decisionAgainstVotes(let o, let a, let r):
            "the decision '\(o.rawValue)' goes against the votes (\(a) approve, \(r) reject)"
        case .reasonsRequired: "a decision must state its reasons"
        case .feeTransitionNotAllowed(let from, let to): "a fee that is \(from.rawValue) cannot become \(to.rawValue)"
        case .applicationNotApproved(let s): "only an approved application grants an approval; this one is \(s.english)"
        case .approvalForOtherCentre(let expected, let found):
            "this belongs to organisation \(found.formatted), not \(expected.formatted)"
        case .approvalOverlaps(let until, let from):
            "the new approval starts \(from.iso8601), but the previous one runs until \(until.iso8601)"
        case .unknownApproval(let id): "no approval '\(id)' is on the centre's record"
        case .unknownFollowUpYear(let y): "the policy has no follow-up after year \(y)"
        case .followUpNotOpen(let y, let opens): "the year-\(y) follow-up can be submitted from \(opens.iso8601)"
        case .followUpAlreadySubmitted(let y): "the year-\(y) follow-up has already been submitted"
        case .invalidFollowUpReport(let problems):
            "the follow-up report is not valid: " + problems.map(\.description).joined(separator: "; ")
        case .sanctionNotAllowed(let action, let standing):
            "a \(action.rawValue) is not possible for a centre that is \(standing.name)"
        case .noActiveApproval(let d): "the centre has no running approval on \(d.iso8601)"
        case .suspensionEndNotAfterStart(let start, let end):
            "the suspension would end \(end.iso8601), not after it starts \(start.iso8601)"
        }
    }

    /// The HTTP status a server should answer with: 409 for actions out of order, 403 for people outside
    /// the board, 413 and 415 for uploads, 422 for invalid input.
    public var httpStatus: Int {
        switch self {
        case .actionNotAllowed, .applicationNotApproved, .feeTransitionNotAllowed, .sanctionNotAllowed,
            .followUpAlreadySubmitted, .followUpNotOpen, .alreadyVoted, .alreadyRecused, .approvalOverlaps,
            .noActiveApproval, .timeBeforePreviousEvent:
            409
        case .notABoardMember, .memberRecused: 403
        case .uploadTooLarge: 413
        case .uploadTypeNotAllowed, .uploadExtensionMismatch: 415
        case .unknownApproval: 404
        default: 422
        }
    }
}

extension AuthorizationApplicationAction {
    /// The action as a verb phrase in English.
    public var english: String {
        switch self {
        case .attachEvidence: "attach evidence to"
        case .removeEvidence: "remove evidence from"
        case .submit: "submit"
        case .returnForCompletion: "return for completion"
        case .startReview: "send to the board"
        case .recuse: "record a recusal on"
        case .vote: "vote on"
        case .decide: "decide"
        case .withdraw: "withdraw"
        }
    }
}

extension AuthorizationApplicationState {
    /// The state as an English phrase completing "an application that is …".
    public var english: String {
        switch self {
        case .draft: "still a draft (it was never submitted)"
        case .submitted: "submitted and awaiting the secretariat's completeness check"
        case .returnedForCompletion: "returned to the centre for completion"
        case .underReview: "under review by the board"
        case .approved: "already approved"
        case .rejected: "already rejected"
        case .withdrawn: "withdrawn"
        }
    }
}

extension AuthorizationQuorum {
    /// "3 votes" or "2/3 of the members".
    public var english: String {
        switch self {
        case .count(let n): "\(n) votes"
        case .fraction(let num, let den): "\(num)/\(den) of the members"
        }
    }
}
