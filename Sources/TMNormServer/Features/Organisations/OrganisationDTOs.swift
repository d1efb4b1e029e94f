import Foundation
import Vapor

/// An organisation as the API returns it.
struct OrganisationDTO: Content {
    let id: UUID
    let name: String
    let orgnr: String
    let kind: String
    let created_at: Date

    init(_ model: OrganisationModel) throws {
        id = try model.requireID()
        name = model.name
        orgnr = model.orgnr
        kind = model.kindRaw
        created_at = model.createdAt
    }
}

/// A membership as the API returns it.
struct MembershipDTO: Content {
    let id: UUID
    let member_id: UUID
    let association_id: UUID
    let valid_from: String
    let valid_until: String?

    init(_ model: MembershipModel) throws {
        id = try model.requireID()
        member_id = model.$member.id
        association_id = model.$association.id
        valid_from = model.validFrom
        valid_until = model.validUntil
    }
}

/// An engagement as the API returns it.
struct EngagementDTO: Content {
    let id: UUID
    let call_centre_id: UUID
    let client_id: UUID
    let valid_from: String
    let valid_until: String?
    /// `pending` (declared by the call centre, grants nothing), `confirmed` or `declined`.
    let status: String
    /// The client lets the call centre record its existing customers and consents.
    let may_record_exemptions: Bool

    init(_ model: EngagementModel) throws {
        id = try model.requireID()
        call_centre_id = model.$callCentre.id
        client_id = model.$client.id
        valid_from = model.validFrom
        valid_until = model.validUntil
        status = model.status
        may_record_exemptions = model.mayRecordExemptions
    }
}
