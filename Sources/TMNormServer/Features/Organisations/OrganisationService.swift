import Fluent
import Foundation
import TMNormCore
import Vapor

/// Creates organisations, memberships and engagements for web and API alike, enforcing the policy.
enum OrganisationService {
    static func create(_ input: OrganisationInput, by principal: RequestPrincipal, on db: any Database, now: Date) async throws -> OrganisationModel {
        guard AccessPolicy.canManageNetwork(principal.actor) else { throw AppError.forbidden() }
        let valid = try input.validated()
        if try await OrganisationModel.query(on: db).filter(\.$orgnr == valid.orgnr.digits).first() != nil {
            throw AppError(
                .conflict, code: "orgnr-taken",
                Phrase(
                    nb: "Organisasjonsnummeret \(valid.orgnr.digits) er allerede registrert.",
                    en: "Organisation number \(valid.orgnr.digits) is already registered."),
                fields: [.init(field: "orgnr", Phrase(nb: "er allerede registrert", en: "is already registered"))])
        }
        let organisation = OrganisationModel(name: valid.name, orgnr: valid.orgnr, kind: valid.kind, createdAt: now)
        try await organisation.create(on: db)
        return organisation
    }

    static func addMembership(memberID: UUID, _ input: MembershipInput, by principal: RequestPrincipal, on db: any Database) async throws
        -> MembershipModel
    {
        let member = try await OrganisationAccess.find(memberID, principal, on: db)
        guard AccessPolicy.canManageNetwork(principal.actor) else { throw AppError.forbidden() }
        var problems: [FieldProblem] = []
        if !member.kind.canBeMember {
            problems.append(
                .init(
                    field: "member",
                    Phrase(
                        nb: "bare callsentre og oppdragsgivere kan være medlem av en bransjeforening",
                        en: "only call centres and clients can be members of an association")))
        }
        let association = try await organisation(input.association_id, field: "association_id", kind: .association, problems: &problems, on: db)
        let period = PeriodInput.parse(from: input.valid_from, until: input.valid_until, problems: &problems)
        guard problems.isEmpty, let association, let period else { throw AppError.invalid(problems) }
        let membership = MembershipModel(
            memberID: memberID, associationID: try association.requireID(),
            validFrom: period.from.iso8601, validUntil: period.until?.iso8601)
        try await membership.create(on: db)
        return membership
    }

    /// Records an engagement. A call centre's declaration waits for the client's confirmation and grants
    /// nothing until then; the client and the association record confirmed ones.
    static func addEngagement(_ input: EngagementInput, by principal: RequestPrincipal, on db: any Database, now: Date) async throws
        -> EngagementModel
    {
        var problems: [FieldProblem] = []
        let callCentre = try await organisation(input.call_centre_id, field: "call_centre_id", kind: .callCentre, problems: &problems, on: db)
        let client = try await organisation(input.client_id, field: "client_id", kind: .client, problems: &problems, on: db)
        let party = EngagementParty(
            isCallCentre: callCentre?.id == principal.organisationID, isClient: client?.id == principal.organisationID)
        guard let status = EngagementRules.initialStatus(recordedBy: principal.actor, party: party) else {
            throw AppError.forbidden()
        }
        let period = PeriodInput.parse(from: input.valid_from, until: input.valid_until, problems: &problems)
        if let until = period?.until, until < Engagements.day(now) {
            problems.append(
                .init(
                    field: "valid_until",
                    Phrase(nb: "er passert: et oppdrag kan ikke slutte før i dag", en: "has passed: an engagement must not end before today")))
        }
        guard problems.isEmpty, let callCentre, let client, let period else { throw AppError.invalid(problems) }
        let mayRecord = status == .confirmed && (input.may_record_exemptions ?? false)
        let engagement = EngagementModel(
            callCentreID: try callCentre.requireID(), clientID: try client.requireID(),
            validFrom: period.from.iso8601, validUntil: period.until?.iso8601,
            status: status, mayRecordExemptions: mayRecord, decidedAt: status == .confirmed ? now : nil)
        try await engagement.create(on: db)
        return engagement
    }

    /// What a client (or the association) decides on an engagement.
    enum EngagementDecision: Sendable {
        case confirm(mayRecordExemptions: Bool)
        case decline
        /// Allow or withdraw the call centre's right to record customers and consents.
        case exemptions(Bool)
    }

    /// The client confirms or declines an engagement, or changes what the call centre may record. Anyone
    /// else gets 404 (an engagement is visible to its parties) or 403 (the call centre itself).
    static func decide(
        _ engagementID: UUID, _ decision: EngagementDecision, by principal: RequestPrincipal, on db: any Database, now: Date
    ) async throws -> EngagementModel {
        guard let engagement = try await EngagementModel.find(engagementID, on: db) else { throw AppError.notFound() }
        let party = EngagementParty(
            isCallCentre: engagement.$callCentre.id == principal.organisationID,
            isClient: engagement.$client.id == principal.organisationID)
        let seesAll = AccessPolicy.organisationScope(principal.actor) == .all
        guard seesAll || party.isCallCentre || party.isClient else { throw AppError.notFound() }
        guard EngagementRules.canDecide(principal.actor, party: party) else { throw AppError.forbidden() }
        switch decision {
        case .confirm(let mayRecord):
            engagement.status = EngagementStatus.confirmed.rawValue
            engagement.mayRecordExemptions = mayRecord
        case .decline:
            engagement.status = EngagementStatus.declined.rawValue
            engagement.mayRecordExemptions = false
        case .exemptions(let allowed):
            guard engagement.engagementStatus == .confirmed else {
                throw AppError(
                    .conflict, code: "engagement-not-confirmed",
                    Phrase(nb: "Oppdraget er ikke bekreftet.", en: "The engagement is not confirmed."))
            }
            engagement.mayRecordExemptions = allowed
        }
        engagement.decidedAt = now
        try await engagement.save(on: db)
        return engagement
    }

    /// Resolves an id field to an organisation of the expected kind, recording a problem otherwise.
    private static func organisation(
        _ raw: String?, field: String, kind: OrganisationKind, problems: inout [FieldProblem], on db: any Database
    ) async throws -> OrganisationModel? {
        guard let raw, let id = UUID(uuidString: raw.trimmingCharacters(in: .whitespaces)) else {
            problems.append(.init(field: field, Phrase(nb: "må være en organisasjon", en: "must be an organisation id")))
            return nil
        }
        guard let organisation = try await OrganisationModel.find(id, on: db), organisation.kind == kind else {
            problems.append(
                .init(
                    field: field, reason: "is not a known \(kind.rawValue)",
                    message: Phrase(nb: "er ikke en kjent organisasjon av riktig type", en: "is not a known organisation of the right kind")))
            return nil
        }
        return organisation
    }
}
