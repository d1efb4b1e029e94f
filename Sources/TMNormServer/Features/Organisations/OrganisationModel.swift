import Fluent
import Foundation
import TMNormCore

/// An organisation in the network (call centre, client, association, authority, board).
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "orgnr") var orgnr: String
    @Field(key: "kind") var kindRaw: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, name: String, orgnr: OrganisationNumber, kind: OrganisationKind, createdAt: Date) {
        self.id = id
        self.name = name
        self.orgnr = orgnr.digits
        self.kindRaw = kind.rawValue
        self.createdAt = createdAt
    }

    var kind: OrganisationKind { OrganisationKind(rawValue: kindRaw) ?? .client }
}

/// A call centre's or client's membership of an association from a date, possibly until one.
final class MembershipModel: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "member_id") var member: OrganisationModel
    @Parent(key: "association_id") var association: OrganisationModel
    /// ISO day "YYYY-MM-DD": calendar days carry no time zone.
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?

    init() {}

    init(memberID: UUID, associationID: UUID, validFrom: String, validUntil: String?) {
        self.$member.id = memberID
        self.$association.id = associationID
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// A call centre working for a client over a period.
final class EngagementModel: Model, @unchecked Sendable {
    static let schema = "engagements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "call_centre_id") var callCentre: OrganisationModel
    @Parent(key: "client_id") var client: OrganisationModel
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?
    /// `EngagementStatus`: only a confirmed engagement grants access.
    @Field(key: "status") var status: String
    /// The client lets this call centre record its existing customers and consents.
    @Field(key: "may_record_exemptions") var mayRecordExemptions: Bool
    @OptionalField(key: "decided_at") var decidedAt: Date?

    init() {}

    init(
        callCentreID: UUID, clientID: UUID, validFrom: String, validUntil: String?,
        status: EngagementStatus, mayRecordExemptions: Bool = false, decidedAt: Date? = nil
    ) {
        self.$callCentre.id = callCentreID
        self.$client.id = clientID
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.status = status.rawValue
        self.mayRecordExemptions = mayRecordExemptions
        self.decidedAt = decidedAt
    }

    /// The stored status; an unknown value grants nothing.
    var engagementStatus: EngagementStatus { EngagementStatus(rawValue: status) ?? .declined }

    /// True when the engagement lets the call centre act for the client on `date`.
    func grantsAccess(on date: LocalDate) -> Bool {
        guard let from = try? LocalDate(parsing: validFrom) else { return false }
        let until = validUntil.flatMap { try? LocalDate(parsing: $0) }
        return EngagementRules.grantsAccess(status: engagementStatus, from: from, until: until, on: date)
    }
}
