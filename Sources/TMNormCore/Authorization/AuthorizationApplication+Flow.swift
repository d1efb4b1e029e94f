import Foundation

/// The centre's and the secretariat's steps: evidence, submission, return for completion, review, withdrawal.
extension AuthorizationApplication {
    /// Attaches (or replaces) the evidence for a criterion; only while the centre is editing.
    public mutating func attach(_ item: AuthorizationEvidence, to criterionID: String, at: Date) throws(AuthorizationError) {
        try check(.attachEvidence, allowedIn: [.draft, .returnedForCompletion], at: at)
        guard let criterion = catalogue.criterion(id: criterionID) else { throw .unknownCriterion(criterionID) }
        guard item.kind == criterion.evidence else {
            throw .evidenceKindMismatch(criterion: criterionID, expected: criterion.evidence, found: item.kind)
        }
        switch item {
        case .statement(let text) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .emptyField("statement")
        case .platformFigure(_, let value, _) where value.trimmingCharacters(in: .whitespaces).isEmpty:
            throw .emptyField("platform figure value")
        case .document(let doc) where doc.storageKey.isEmpty:
            throw .emptyField("storage key")
        default: break
        }
        evidence[criterionID] = item
        events.append(AuthorizationApplicationEvent(at: at, kind: .evidenceAttached(criterionID: criterionID)))
    }

    /// Removes the evidence for a criterion; only while the centre is editing.
    public mutating func removeEvidence(for criterionID: String, at: Date) throws(AuthorizationError) {
        try check(.removeEvidence, allowedIn: [.draft, .returnedForCompletion], at: at)
        guard evidence[criterionID] != nil else { throw .noEvidenceToRemove(criterionID) }
        evidence[criterionID] = nil
        events.append(AuthorizationApplicationEvent(at: at, kind: .evidenceRemoved(criterionID: criterionID)))
    }

    /// Sends the application to the association. It may still be incomplete: the secretariat checks that
    /// and can return it; only a complete application goes to the board.
    public mutating func submit(at: Date) throws(AuthorizationError) {
        try check(.submit, allowedIn: [.draft, .returnedForCompletion], at: at)
        state = .submitted
        events.append(AuthorizationApplicationEvent(at: at, kind: .submitted))
    }

    /// The secretariat sends a submitted application back with a comment saying what is missing.
    public mutating func returnForCompletion(comment: String, at: Date) throws(AuthorizationError) {
        try check(.returnForCompletion, allowedIn: [.submitted], at: at)
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptyField("comment") }
        state = .returnedForCompletion
        events.append(AuthorizationApplicationEvent(at: at, kind: .returnedForCompletion(comment: text)))
    }

    /// The secretariat passes a complete application to the board as composed today.
    public mutating func startReview(board: AuthorizationBoard, at: Date) throws(AuthorizationError) {
        try check(.startReview, allowedIn: [.submitted], at: at)
        let missing = completeness.missing
        guard missing.isEmpty else { throw .incompleteApplication(missing: missing) }
        self.board = board
        state = .underReview
        events.append(AuthorizationApplicationEvent(at: at, kind: .reviewStarted))
    }

    /// The centre withdraws the application before a decision.
    public mutating func withdraw(at: Date) throws(AuthorizationError) {
        try check(.withdraw, allowedIn: [.draft, .submitted, .returnedForCompletion, .underReview], at: at)
        state = .withdrawn
        events.append(AuthorizationApplicationEvent(at: at, kind: .withdrawn))
    }

    /// Refuses an action in the wrong state, or dated before the last recorded event.
    func check(_ action: AuthorizationApplicationAction, allowedIn states: Set<AuthorizationApplicationState>, at: Date) throws(AuthorizationError) {
        guard states.contains(state) else { throw .actionNotAllowed(action, state: state) }
        if let last = events.last?.at, at < last { throw .timeBeforePreviousEvent(at, previous: last) }
    }
}
