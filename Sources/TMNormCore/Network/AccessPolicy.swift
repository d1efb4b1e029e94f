/// Who is asking: a person with a role, or a machine client holding an organisation's API key.
public struct Actor: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case person(Role)
        case apiKey
    }

    public let organisationKind: OrganisationKind
    public let kind: Kind

    public init(organisationKind: OrganisationKind, kind: Kind) {
        self.organisationKind = organisationKind
        self.kind = kind
    }

    public var role: Role? {
        if case .person(let role) = kind { return role }
        return nil
    }
}

/// Which organisations an actor may see; the server turns a scope into a query filter.
public enum OrganisationScope: Sendable, Equatable {
    /// Every organisation (the association's secretariat and the board).
    case all
    /// The actor's own organisation and those it has an engagement with.
    case ownAndEngaged
}

/// What an actor may do. Pure rules; the server enforces them on every route and query.
public enum AccessPolicy {
    /// The organisations an actor may read.
    public static func organisationScope(_ actor: Actor) -> OrganisationScope {
        switch actor.kind {
        case .person(.associationAdmin), .person(.boardMember): .all
        case .apiKey where actor.organisationKind == .association: .all
        default: .ownAndEngaged
        }
    }

    /// Create organisations and record memberships: the association's administrators, and the
    /// association's own systems through its API key.
    public static func canManageNetwork(_ actor: Actor) -> Bool {
        switch actor.kind {
        case .person(let role): role == .associationAdmin
        case .apiKey: actor.organisationKind == .association
        }
    }

    /// Record that a call centre works for a client: the association, or the call centre itself.
    public static func canRecordEngagement(_ actor: Actor, callCentreIsOwn: Bool) -> Bool {
        switch actor.kind {
        case .person(.associationAdmin): true
        case .person(.callCentreAdmin): callCentreIsOwn
        case .apiKey: actor.organisationKind == .association || (actor.organisationKind == .callCentre && callCentreIsOwn)
        default: false
        }
    }

    /// See and invite users of the actor's own organisation.
    public static func canManageOwnUsers(_ actor: Actor) -> Bool {
        actor.role?.isOrganisationAdministrator ?? false
    }

    /// Create and revoke the own organisation's API keys.
    public static func canManageAPIKeys(_ actor: Actor) -> Bool {
        actor.role?.isOrganisationAdministrator ?? false
    }

    /// The roles an administrator may hand out in an invitation to an organisation of `kind`.
    public static func invitableRoles(by actor: Actor, into kind: OrganisationKind, ownOrganisation: Bool) -> [Role] {
        guard let role = actor.role else { return [] }
        switch role {
        case .associationAdmin:
            // The secretariat onboards the first administrator of every organisation.
            return Role.allCases.filter { $0.allowedOrganisationKinds.contains(kind) }
        case .callCentreAdmin where ownOrganisation:
            return [.callCentreAdmin, .agent]
        default:
            return []
        }
    }
}

/// Which complaints an actor may read in full (the consumer's contact details aside).
public enum ComplaintScope: Sendable, Equatable {
    /// Every complaint: the association and the board.
    case all
    /// Those its own organisation forwarded: the consumer authority.
    case forwardedByOwn
    /// None through this way (the businesses see their cases without contact details elsewhere).
    case none
}

extension AccessPolicy {
    /// Forward a complaint through the API: the consumer authority only (consumers use the public form).
    public static func canForwardComplaints(_ actor: Actor) -> Bool {
        actor.kind == .apiKey && actor.organisationKind == .authority
    }

    public static func complaintScope(_ actor: Actor) -> ComplaintScope {
        switch actor.organisationKind {
        case .association, .board: .all
        case .authority: .forwardedByOwn
        case .callCentre, .client: .none
        }
    }
}
