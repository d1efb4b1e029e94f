import Fluent
import TMNormCore
import Vapor

/// `/api/v1/organisations`, `/api/v1/engagements`: the network for machine clients.
struct OrganisationAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organisations = routes.grouped("organisations")
        organisations.get(use: list)
        organisations.post(use: create)
        organisations.get(":id", use: show)
        organisations.get(":id", "memberships", use: memberships)
        organisations.post(":id", "memberships", use: addMembership)
        routes.get("engagements", use: engagements)
        routes.post("engagements", use: addEngagement)
        routes.post("engagements", ":id", "confirm", use: confirmEngagement)
        routes.post("engagements", ":id", "decline", use: declineEngagement)
        routes.post("engagements", ":id", "exemptions", use: engagementExemptions)
    }

    func list(req: Request) async throws -> ListDTO<OrganisationDTO> {
        let principal = try req.requirePrincipal()
        return ListDTO(items: try await OrganisationAccess.visible(principal, on: req.db).map(OrganisationDTO.init))
    }

    func show(req: Request) async throws -> OrganisationDTO {
        let principal = try req.requirePrincipal()
        return try OrganisationDTO(try await OrganisationAccess.find(try req.uuidParameter(), principal, on: req.db))
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(OrganisationInput.self)
        let organisation = try await OrganisationService.create(input, by: principal, on: req.db, now: req.now)
        return try await OrganisationDTO(organisation).encodeResponse(status: .created, for: req)
    }

    func memberships(req: Request) async throws -> ListDTO<MembershipDTO> {
        let principal = try req.requirePrincipal()
        let organisation = try await OrganisationAccess.find(try req.uuidParameter(), principal, on: req.db)
        let id = try organisation.requireID()
        let rows = try await MembershipModel.query(on: req.db)
            .group(.or) { $0.filter(\.$member.$id == id).filter(\.$association.$id == id) }
            .sort(\.$validFrom).all()
        return ListDTO(items: try rows.map(MembershipDTO.init))
    }

    func addMembership(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(MembershipInput.self)
        let membership = try await OrganisationService.addMembership(memberID: try req.uuidParameter(), input, by: principal, on: req.db)
        return try await MembershipDTO(membership).encodeResponse(status: .created, for: req)
    }

    func engagements(req: Request) async throws -> ListDTO<EngagementDTO> {
        let principal = try req.requirePrincipal()
        let query = EngagementModel.query(on: req.db).sort(\.$validFrom)
        if AccessPolicy.organisationScope(principal.actor) != .all {
            let own = principal.organisationID
            query.group(.or) { $0.filter(\.$callCentre.$id == own).filter(\.$client.$id == own) }
        }
        return ListDTO(items: try await query.all().map(EngagementDTO.init))
    }

    func addEngagement(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(EngagementInput.self)
        let engagement = try await OrganisationService.addEngagement(input, by: principal, on: req.db, now: req.now)
        return try await EngagementDTO(engagement).encodeResponse(status: .created, for: req)
    }

    /// The client confirms a call centre's engagement (optionally letting it record customers and consents).
    func confirmEngagement(req: Request) async throws -> EngagementDTO {
        let principal = try req.requirePrincipal()
        // The body is optional; when there is one, a malformed one is a 4xx, not silently "no body".
        let input = (req.body.data?.readableBytes ?? 0) > 0 ? try req.content.decode(EngagementDecisionInput.self) : EngagementDecisionInput()
        let decision = OrganisationService.EngagementDecision.confirm(mayRecordExemptions: input.may_record_exemptions ?? false)
        return try EngagementDTO(try await OrganisationService.decide(try req.uuidParameter(), decision, by: principal, on: req.db, now: req.now))
    }

    /// The client declines (or ends) an engagement.
    func declineEngagement(req: Request) async throws -> EngagementDTO {
        let principal = try req.requirePrincipal()
        return try EngagementDTO(try await OrganisationService.decide(try req.uuidParameter(), .decline, by: principal, on: req.db, now: req.now))
    }

    /// The client allows or withdraws the call centre's right to record its customers and consents.
    func engagementExemptions(req: Request) async throws -> EngagementDTO {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(EngagementDecisionInput.self)
        guard let allowed = input.may_record_exemptions else {
            throw AppError.invalid([.init(field: "may_record_exemptions", Phrase(nb: "må fylles ut: ja eller nei", en: "is required: true or false"))]
            )
        }
        return try EngagementDTO(
            try await OrganisationService.decide(try req.uuidParameter(), .exemptions(allowed), by: principal, on: req.db, now: req.now))
    }
}
