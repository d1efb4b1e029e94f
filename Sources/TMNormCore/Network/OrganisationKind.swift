/// What an organisation is in the network.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case callCentre = "call_centre"
    case client
    case association
    case authority
    case board

    /// Only call centres and clients hold memberships of an association.
    public var canBeMember: Bool { self == .callCentre || self == .client }
}
