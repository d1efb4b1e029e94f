import Foundation

/// A submitted follow-up report and the day it was received.
public struct AuthorizationFollowUpSubmission: Sendable, Hashable, Codable {
    public let report: AuthorizationFollowUpReport
    public let submittedOn: LocalDate
}

/// Everything the scheme knows about one call centre: approvals, board sanctions, follow-up reports.
/// Public status, sanction standing and follow-up states are all computed from it for any day.
public struct AuthorizationCentreRecord: Sendable, Hashable, Codable {
    public let centre: OrganisationNumber
    public var name: String
    /// Approvals in order of validity; they never overlap.
    public private(set) var approvals: [AuthorizationApproval]
    /// Sanction decisions in order of effect.
    public private(set) var sanctions: [AuthorizationSanctionDecision]
    public private(set) var followUpSubmissions: [AuthorizationFollowUpSubmission]
    /// The day an application still awaiting a decision was submitted (the server sets and clears it).
    public var pendingApplicationSince: LocalDate?

    public init(centre: OrganisationNumber, name: String) {
        self.centre = centre
        self.name = name
        self.approvals = []
        self.sanctions = []
        self.followUpSubmissions = []
        self.pendingApplicationSince = nil
    }

    /// Adds a granted approval. It must start after the previous one ended (a revoked approval ends on
    /// the day of revocation).
    public mutating func add(_ approval: AuthorizationApproval) throws(AuthorizationError) {
        guard approval.centre == centre else { throw .approvalForOtherCentre(expected: centre, found: approval.centre) }
        if let last = approvals.last {
            let end = effectiveEnd(of: last)
            guard approval.validFrom > end else { throw .approvalOverlaps(previousUntil: end, newFrom: approval.validFrom) }
        }
        approvals.append(approval)
    }

    /// Records a board decision after checking it is allowed for the centre's standing on its effective day:
    /// warnings, suspensions and revocations need a running approval and no revocation; a suspension needs
    /// the centre not already suspended; reinstatement needs a suspension.
    public mutating func record(_ decision: AuthorizationSanctionDecision) throws(AuthorizationError) {
        guard decision.centre == centre else { throw .approvalForOtherCentre(expected: centre, found: decision.centre) }
        let day = decision.effectiveFrom
        if let last = sanctions.last, day < last.effectiveFrom { throw .dateBeforePrevious(day, previous: last.effectiveFrom) }
        let standing = standing(on: day)
        let action = decision.kind.action
        switch (action, standing) {
        case (_, .revoked): throw .sanctionNotAllowed(action, standing: standing)
        case (.suspension, .suspended): throw .sanctionNotAllowed(action, standing: standing)
        case (.reinstatement, .clear): throw .sanctionNotAllowed(action, standing: standing)
        default: break
        }
        if action != .reinstatement, approval(runningOn: day) == nil { throw .noActiveApproval(on: day) }
        sanctions.append(decision)
    }

    /// Files a follow-up report for one of the centre's approvals: once per year, from the anniversary on.
    public mutating func submitFollowUp(
        _ report: AuthorizationFollowUpReport, on date: LocalDate, policy: AuthorizationPolicy = .standard
    ) throws(AuthorizationError) {
        guard let approval = approvals.first(where: { $0.id == report.approvalID }) else {
            throw .unknownApproval(report.approvalID)
        }
        guard let due = approval.followUps(policy: policy).first(where: { $0.year == report.year }) else {
            throw .unknownFollowUpYear(report.year)
        }
        guard date >= due.opensOn else { throw .followUpNotOpen(year: report.year, opensOn: due.opensOn) }
        guard submission(approvalID: approval.id, year: report.year) == nil else {
            throw .followUpAlreadySubmitted(year: report.year)
        }
        followUpSubmissions.append(AuthorizationFollowUpSubmission(report: report, submittedOn: date))
    }

    /// The submission for an approval's follow-up year, if any.
    public func submission(approvalID: String, year: Int) -> AuthorizationFollowUpSubmission? {
        followUpSubmissions.first { $0.report.approvalID == approvalID && $0.report.year == year }
    }

    /// The approval whose period began most recently on or before a day (running or expired).
    public func latestApproval(on date: LocalDate) -> AuthorizationApproval? {
        approvals.last { $0.validFrom <= date }
    }

    /// The approval running on a day: in its period and not revoked.
    public func approval(runningOn date: LocalDate) -> AuthorizationApproval? {
        guard let a = latestApproval(on: date), a.covers(date) else { return nil }
        if case .revoked = standing(on: date) { return nil }
        return a
    }

    /// The standing on a day, replaying sanctions in order. A suspension with an end date lapses on that
    /// day; a revocation is cleared only by an approval that starts after it.
    public func standing(on date: LocalDate) -> AuthorizationSanctionStanding {
        var standing = AuthorizationSanctionStanding.clear
        for decision in sanctions where decision.effectiveFrom <= date {
            standing = clearedByNewApproval(standing.lifted(on: decision.effectiveFrom), upTo: decision.effectiveFrom)
            switch decision.kind {
            case .warning: break
            case .suspension(let term): standing = .suspended(term, since: decision.effectiveFrom)
            case .revocation: standing = .revoked(since: decision.effectiveFrom)
            case .reinstatement: standing = .clear
            }
        }
        return clearedByNewApproval(standing.lifted(on: date), upTo: date)
    }

    /// Warnings in force on a day (all warnings since the running approval began), newest first.
    public func warnings(on date: LocalDate) -> [AuthorizationSanctionDecision] {
        guard let a = latestApproval(on: date) else { return [] }
        return sanctions.filter { $0.kind == .warning && $0.effectiveFrom >= a.validFrom && $0.effectiveFrom <= date }.reversed()
    }

    /// The last day an approval had effect: its last valid day, or the day it was revoked.
    public func effectiveEnd(of approval: AuthorizationApproval) -> LocalDate {
        let revocation = sanctions.first {
            $0.kind == .revocation && approval.covers($0.effectiveFrom)
        }
        return revocation.map { min($0.effectiveFrom, approval.validUntil) } ?? approval.validUntil
    }

    private func clearedByNewApproval(_ standing: AuthorizationSanctionStanding, upTo date: LocalDate) -> AuthorizationSanctionStanding {
        if case .revoked(let since) = standing, approvals.contains(where: { $0.validFrom > since && $0.validFrom <= date }) {
            return .clear
        }
        return standing
    }
}
