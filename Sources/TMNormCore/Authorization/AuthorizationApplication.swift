import Foundation

/// Whether an application is for a first approval or for continuing an approval that is running out.
public enum AuthorizationApplicationKind: String, Sendable, Hashable, Codable {
    case firstApproval = "first_approval"
    case continuation
}

/// Where an application stands.
public enum AuthorizationApplicationState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written by the centre.
    case draft
    /// Sent to the association; the secretariat checks completeness.
    case submitted
    /// Sent back to the centre with comments; it can add evidence and submit again.
    case returnedForCompletion = "returned_for_completion"
    /// Complete and with the board, which votes.
    case underReview = "under_review"
    case approved
    case rejected
    /// Withdrawn by the centre before a decision.
    case withdrawn

    /// No further action is possible.
    public var isFinal: Bool { self == .approved || self == .rejected || self == .withdrawn }

    /// The centre may change evidence.
    public var isEditable: Bool { self == .draft || self == .returnedForCompletion }
}

/// An action on an application, named for errors and audit.
public enum AuthorizationApplicationAction: String, Sendable, Hashable, Codable {
    case attachEvidence = "attach_evidence"
    case removeEvidence = "remove_evidence"
    case submit
    case returnForCompletion = "return_for_completion"
    case startReview = "start_review"
    case recuse
    case vote
    case decide
    case withdraw
}

/// The board's decision on an application.
public struct AuthorizationApplicationDecision: Sendable, Hashable, Codable {
    public let outcome: AuthorizationOutcome
    public let reasons: String
    public let decidedAt: Date
    /// The Oslo date of the decision; an approval runs from it.
    public let decidedOn: LocalDate
    public let tally: AuthorizationTally
    /// Last day to appeal (policy: `AuthorizationPolicy.appealDays` after the decision).
    public let appealDeadline: LocalDate
}

/// Something that happened to an application, in order; the server shows this as the case history.
public struct AuthorizationApplicationEvent: Sendable, Hashable, Codable {
    /// What happened.
    public enum Kind: Sendable, Hashable, Codable {
        case created
        case evidenceAttached(criterionID: String)
        case evidenceRemoved(criterionID: String)
        case submitted
        case returnedForCompletion(comment: String)
        case reviewStarted
        case recused(memberID: String, reason: String)
        case voted(memberID: String, choice: AuthorizationVoteChoice)
        case decided(AuthorizationOutcome)
        case withdrawn
    }

    public let at: Date
    public let kind: Kind
}

/// A call centre's application for approval: a value whose mutating methods check every rule and throw
/// without changing anything when an action is not allowed. Codable, so the server may store it whole.
public struct AuthorizationApplication: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let applicant: OrganisationNumber
    public let applicantName: String
    public let kind: AuthorizationApplicationKind
    /// The catalogue in force when the application was opened; it is judged against this copy.
    public let catalogue: AuthorizationCriteriaCatalogue
    public internal(set) var state: AuthorizationApplicationState
    /// Criterion id → evidence.
    public internal(set) var evidence: [String: AuthorizationEvidence]
    /// The board as composed when review started (later changes to the board do not affect this case).
    public internal(set) var board: AuthorizationBoard?
    public internal(set) var recusals: [AuthorizationRecusal]
    public internal(set) var votes: [AuthorizationVote]
    public internal(set) var decision: AuthorizationApplicationDecision?
    public internal(set) var events: [AuthorizationApplicationEvent]

    /// A new draft against a catalogue.
    public init(
        id: String, applicant: OrganisationNumber, applicantName: String, kind: AuthorizationApplicationKind,
        catalogue: AuthorizationCriteriaCatalogue, createdAt: Date
    ) throws(AuthorizationError) {
        guard !applicantName.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyField("applicant name") }
        self.id = id
        self.applicant = applicant
        self.applicantName = applicantName
        self.kind = kind
        self.catalogue = catalogue
        self.state = .draft
        self.evidence = [:]
        self.board = nil
        self.recusals = []
        self.votes = []
        self.decision = nil
        self.events = [AuthorizationApplicationEvent(at: createdAt, kind: .created)]
    }

    /// The completeness check for the evidence attached so far.
    public var completeness: AuthorizationCompleteness {
        AuthorizationCompleteness(catalogue: catalogue, evidence: evidence)
    }

    /// When the application was last submitted, if it has been.
    public var submittedAt: Date? {
        events.last { $0.kind == .submitted }?.at
    }

    /// The comment of the latest return for completion, for the centre to act on.
    public var latestReturnComment: String? {
        for event in events.reversed() {
            if case .returnedForCompletion(let comment) = event.kind { return comment }
        }
        return nil
    }
}
