/// A person's role; each role belongs to organisations of certain kinds.
public enum Role: String, Sendable, Codable, CaseIterable {
    case associationAdmin = "association_admin"
    case boardMember = "board_member"
    case callCentreAdmin = "call_centre_admin"
    case agent
    case clientUser = "client_user"

    /// The organisation kinds a user with this role may belong to.
    public var allowedOrganisationKinds: Set<OrganisationKind> {
        switch self {
        case .associationAdmin: [.association]
        case .boardMember: [.board, .association, .authority]
        case .callCentreAdmin, .agent: [.callCentre]
        case .clientUser: [.client]
        }
    }

    /// Whether this role administers its organisation's users and API keys.
    public var isOrganisationAdministrator: Bool {
        self == .associationAdmin || self == .callCentreAdmin
    }
}
