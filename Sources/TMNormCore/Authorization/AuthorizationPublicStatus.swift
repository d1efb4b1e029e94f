import Foundation

/// A centre's status as the public register and the badge show it.
public enum AuthorizationPublicStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case approved
    case suspended
    case revoked
    case expired
    case underReview = "under_review"
    case notApproved = "not_approved"

    /// The label in Norwegian bokmål, as the register and badge show it.
    public var norwegian: String {
        switch self {
        case .approved: "Godkjent"
        case .suspended: "Suspendert"
        case .revoked: "Tilbakekalt"
        case .expired: "Utløpt"
        case .underReview: "Under behandling"
        case .notApproved: "Ikke godkjent"
        }
    }

    /// The label in English.
    public var english: String {
        switch self {
        case .approved: "Approved"
        case .suspended: "Suspended"
        case .revoked: "Revoked"
        case .expired: "Expired"
        case .underReview: "Under review"
        case .notApproved: "Not approved"
        }
    }
}

/// The public status with the last valid day it relates to.
public struct AuthorizationPublicStanding: Sendable, Hashable, Codable {
    public let status: AuthorizationPublicStatus
    /// The running approval's last valid day (approved, suspended), the day it ran out (expired); nil otherwise.
    public let validUntil: LocalDate?
}

extension AuthorizationCentreRecord {
    /// The status on a day. Revoked wins over everything until a new approval starts; a suspension shows
    /// while the approval runs; after expiry a pending application shows as under review.
    public func publicStanding(on date: LocalDate) -> AuthorizationPublicStanding {
        let pending = pendingApplicationSince.map { $0 <= date } ?? false
        guard let approval = latestApproval(on: date) else {
            return AuthorizationPublicStanding(status: pending ? .underReview : .notApproved, validUntil: nil)
        }
        let standing = standing(on: date)
        if case .revoked = standing { return AuthorizationPublicStanding(status: .revoked, validUntil: nil) }
        if approval.covers(date) {
            if case .suspended = standing {
                return AuthorizationPublicStanding(status: .suspended, validUntil: approval.validUntil)
            }
            return AuthorizationPublicStanding(status: .approved, validUntil: approval.validUntil)
        }
        if pending { return AuthorizationPublicStanding(status: .underReview, validUntil: nil) }
        return AuthorizationPublicStanding(status: .expired, validUntil: approval.validUntil)
    }

    /// The status at an instant, judged by the Oslo calendar day it falls on.
    public func publicStanding(at instant: Date) -> AuthorizationPublicStanding {
        publicStanding(on: OsloTime.localDate(of: instant))
    }

    /// The register row on a day.
    public func registerEntry(on date: LocalDate) -> AuthorizationRegisterEntry {
        let s = publicStanding(on: date)
        return AuthorizationRegisterEntry(orgnr: centre, name: name, status: s.status, validUntil: s.validUntil)
    }

    /// Follow-ups of the approval running on a day, with their states: what the centre owes and what is
    /// overdue (for the board's list).
    public func followUpStates(on date: LocalDate, policy: AuthorizationPolicy = .standard) -> [(
        due: AuthorizationFollowUpDue, state: AuthorizationFollowUpState
    )] {
        guard let approval = approval(runningOn: date) else { return [] }
        return approval.followUps(policy: policy).map { due in
            (due, due.state(on: date, submittedOn: submission(approvalID: approval.id, year: due.year)?.submittedOn))
        }
    }

    /// Follow-ups overdue on a day, to flag to the board.
    public func overdueFollowUps(on date: LocalDate, policy: AuthorizationPolicy = .standard) -> [AuthorizationFollowUpDue] {
        followUpStates(on: date, policy: policy).filter { $0.state == .overdue }.map(\.due)
    }
}
