import Foundation

/// A granted approval (godkjenning): who, from which application, and the days it is valid.
public struct AuthorizationApproval: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let centre: OrganisationNumber
    public let applicationID: String
    public let kind: AuthorizationApplicationKind
    /// The day the board decided.
    public let grantedOn: LocalDate
    /// First valid day.
    public let validFrom: LocalDate
    /// Last valid day (inclusive): the day before the `validityYears` anniversary of `validFrom`.
    public let validUntil: LocalDate

    /// A checked approval: it cannot start before it was granted, nor end before it starts.
    public init(
        id: String, centre: OrganisationNumber, applicationID: String, kind: AuthorizationApplicationKind,
        grantedOn: LocalDate, validFrom: LocalDate, validUntil: LocalDate
    ) throws(AuthorizationError) {
        guard validFrom >= grantedOn else { throw .dateBeforePrevious(validFrom, previous: grantedOn) }
        guard validUntil >= validFrom else { throw .dateBeforePrevious(validUntil, previous: validFrom) }
        self.id = id
        self.centre = centre
        self.applicationID = applicationID
        self.kind = kind
        self.grantedOn = grantedOn
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// The approval an approved application grants. A continuation decided while `previous` still runs
    /// starts the day after it ends, so renewing early loses no time and leaves no gap.
    public static func grant(
        id: String, for application: AuthorizationApplication, previous: AuthorizationApproval? = nil,
        policy: AuthorizationPolicy = .standard
    ) throws(AuthorizationError) -> AuthorizationApproval {
        guard application.state == .approved, let decision = application.decision, decision.outcome == .approve else {
            throw .applicationNotApproved(application.state)
        }
        if let previous, previous.centre != application.applicant {
            throw .approvalForOtherCentre(expected: application.applicant, found: previous.centre)
        }
        var from = decision.decidedOn
        if let previous, previous.validUntil >= from { from = previous.validUntil.next }
        let until = AuthorizationPolicy.anniversary(of: from, years: policy.validityYears).adding(days: -1)
        return try AuthorizationApproval(
            id: id, centre: application.applicant, applicationID: application.id, kind: application.kind,
            grantedOn: decision.decidedOn, validFrom: from, validUntil: until)
    }

    /// Whether the approval's period covers a day (sanctions are not considered here; see the record).
    public func covers(_ date: LocalDate) -> Bool { validFrom <= date && date <= validUntil }

    /// The first day a continuation application may be made.
    public func renewalWindowOpens(policy: AuthorizationPolicy = .standard) -> LocalDate {
        validUntil.adding(days: -policy.renewalWindowDays)
    }

    /// Whether a continuation may be applied for on a day.
    public func renewal(on date: LocalDate, policy: AuthorizationPolicy = .standard) -> AuthorizationRenewalStatus {
        let opens = renewalWindowOpens(policy: policy)
        if date < opens { return .notYetOpen(opensOn: opens) }
        if date <= validUntil { return .open(closesOn: validUntil) }
        return .expired(on: validUntil)
    }
}

/// Whether an approval can be renewed on a day.
public enum AuthorizationRenewalStatus: Sendable, Hashable, Codable {
    /// Too early: the window opens on the day given.
    case notYetOpen(opensOn: LocalDate)
    /// A continuation may be applied for up to and including the last valid day.
    case open(closesOn: LocalDate)
    /// The approval ran out; the centre must apply for a first approval again.
    case expired(on: LocalDate)

    /// The kind of application the centre should make on that day, or nil while it is too early.
    public var applicationKind: AuthorizationApplicationKind? {
        switch self {
        case .notYetOpen: nil
        case .open: .continuation
        case .expired: .firstApproval
        }
    }
}
