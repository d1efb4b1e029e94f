/// Where an engagement (a call centre working for a client) stands. Only a confirmed engagement, inside its
/// period, lets the call centre act for the client: wash against its block list, run its campaigns, send
/// offers in its name.
public enum EngagementStatus: String, Sendable, Codable, CaseIterable {
    /// Declared by the call centre; the client has not confirmed it. Grants nothing.
    case pending
    /// Confirmed by the client (or recorded by the client or the association).
    case confirmed
    /// Refused by the client. Grants nothing.
    case declined
}

/// Who asks on an engagement, relative to its two parties.
public struct EngagementParty: Sendable, Equatable {
    /// The actor belongs to the engagement's call centre.
    public var isCallCentre: Bool
    /// The actor belongs to the engagement's client.
    public var isClient: Bool

    public init(isCallCentre: Bool, isClient: Bool) {
        self.isCallCentre = isCallCentre
        self.isClient = isClient
    }
}

/// The rules of engagements: who may declare, confirm and decline them, and when they grant access.
public enum EngagementRules {
    /// The status a new engagement gets, or nil when the actor may not record it at all. The association
    /// and the client record confirmed engagements; a call centre's declaration waits for the client.
    public static func initialStatus(recordedBy actor: Actor, party: EngagementParty) -> EngagementStatus? {
        switch actor.kind {
        case .person(.associationAdmin): return .confirmed
        case .apiKey where actor.organisationKind == .association: return .confirmed
        case .person(.clientUser) where party.isClient: return .confirmed
        case .apiKey where actor.organisationKind == .client && party.isClient: return .confirmed
        case .person(.callCentreAdmin) where party.isCallCentre: return .pending
        case .apiKey where actor.organisationKind == .callCentre && party.isCallCentre: return .pending
        default: return nil
        }
    }

    /// Confirm, decline, or change what the call centre may record: the client, or the association.
    public static func canDecide(_ actor: Actor, party: EngagementParty) -> Bool {
        switch actor.kind {
        case .person(.associationAdmin): true
        case .apiKey where actor.organisationKind == .association: true
        case .person(.clientUser), .apiKey: party.isClient && actor.organisationKind == .client
        default: false
        }
    }

    /// True when the engagement lets the call centre act for the client on `date`: confirmed, and the date
    /// inside [from, until] (both inclusive; no end means open-ended).
    public static func grantsAccess(status: EngagementStatus, from: LocalDate, until: LocalDate?, on date: LocalDate) -> Bool {
        guard status == .confirmed, from <= date else { return false }
        if let until, date > until { return false }
        return true
    }

    /// Existing customers and consents of a client are recorded by the client itself, or by a call centre
    /// whose engagement is in force and where the client has allowed it.
    public static func mayRecordExemptions(
        status: EngagementStatus, from: LocalDate, until: LocalDate?, allowedByClient: Bool, on date: LocalDate
    ) -> Bool {
        allowedByClient && grantsAccess(status: status, from: from, until: until, on: date)
    }
}
