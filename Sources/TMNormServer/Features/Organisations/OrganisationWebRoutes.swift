import Fluent
import TMNormCore
import Vapor

/// `/organisations…`: the network in the browser.
struct OrganisationWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.organisations, use: list)
        routes.get(.newOrganisation, use: newForm)
        routes.post(.organisations, use: create)
        routes.get(.organisation, use: show)
        routes.post(.memberships, use: addMembership)
        routes.post(.engagements, use: addEngagement)
        routes.post(.engagementDecision, use: decideEngagement)
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let query = ListQuery(req, filters: OrganisationListView.filterNames)
        let rows = try await OrganisationAccess.visible(principal, on: req.db).map(OrganisationRow.init)
            .filter { row in query.filter("kind").map { row.kind.rawValue == $0 } ?? true }
            .filter { query.matches([$0.name, $0.rawOrgnr, $0.formattedOrgnr]) }
        if query.wantsCSV {
            let table = OrganisationListView.csv(rows, context: req.pageContext)
            return CSVExport.response(name: "organisasjoner", headings: table.headings, rows: table.rows)
        }
        let model = OrganisationListView.Model(rows: rows, canCreate: AccessPolicy.canManageNetwork(principal.actor), query: query)
        return .html(OrganisationListView.render(model, context: req.pageContext))
    }

    func newForm(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard AccessPolicy.canManageNetwork(principal.actor) else { throw AppError.forbidden() }
        return .html(OrganisationFormView.render(.init(), context: req.pageContext))
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard AccessPolicy.canManageNetwork(principal.actor) else { throw AppError.forbidden() }
        let input = try req.content.decode(OrganisationInput.self)
        do {
            let organisation = try await OrganisationService.create(input, by: principal, on: req.db, now: req.now)
            return req.redirect(to: .organisation(try organisation.requireID()))
        } catch let error as AppError where !error.fields.isEmpty {
            let model = OrganisationFormView.Model(
                name: input.name ?? "", orgnr: input.orgnr ?? "", kind: input.kind ?? "", problems: error.fields)
            return .html(OrganisationFormView.render(model, context: req.pageContext), status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let organisation = try await OrganisationAccess.find(try req.uuidParameter(), principal, on: req.db)
        let model = try await OrganisationDetailView.Model.query(organisation, for: principal, on: req.db)
        return .html(OrganisationDetailView.render(model, context: req.pageContext))
    }

    func addMembership(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let id = try req.uuidParameter()
        let input = try req.content.decode(MembershipInput.self)
        _ = try await OrganisationService.addMembership(memberID: id, input, by: principal, on: req.db)
        return req.redirect(to: .organisation(id))
    }

    func addEngagement(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let id = try req.uuidParameter()
        var input = try req.content.decode(EngagementInput.self)
        input.call_centre_id = id.uuidString
        _ = try await OrganisationService.addEngagement(input, by: principal, on: req.db, now: req.now)
        return req.redirect(to: .organisation(id))
    }

    /// The client's buttons on an engagement: confirm, decline, allow or withdraw recording of customers.
    func decideEngagement(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let id = try req.uuidParameter()
        guard let engagementID = req.parameters.get("engagement").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound() }
        let allowRecording = (try? req.content.get(String.self, at: "may_record_exemptions")) == "on"
        let decision: OrganisationService.EngagementDecision
        switch req.parameters.get("action") {
        case "confirm": decision = .confirm(mayRecordExemptions: allowRecording)
        case "decline": decision = .decline
        case "allow-exemptions": decision = .exemptions(true)
        case "withdraw-exemptions": decision = .exemptions(false)
        default: throw AppError.notFound()
        }
        _ = try await OrganisationService.decide(engagementID, decision, by: principal, on: req.db, now: req.now)
        return req.redirect(to: .organisation(id))
    }
}

extension OrganisationDetailView.Model {
    /// An organisation's page as `principal` may see it: its memberships, members and engagements (only with
    /// organisations the principal may see), and the choices for the forms it may use.
    static func query(_ organisation: OrganisationModel, for principal: RequestPrincipal, on db: any Database) async throws -> Self {
        let id = try organisation.requireID()
        let visible = try await OrganisationAccess.visibleIDs(principal, on: db)
        func isVisible(_ other: UUID) -> Bool { visible?.contains(other) ?? true }

        let memberships = try await MembershipModel.query(on: db)
            .group(.or) { $0.filter(\.$member.$id == id).filter(\.$association.$id == id) }
            .with(\.$member).with(\.$association).sort(\.$validFrom).all()
        let engagements = try await EngagementModel.query(on: db)
            .group(.or) { $0.filter(\.$callCentre.$id == id).filter(\.$client.$id == id) }
            .with(\.$callCentre).with(\.$client).sort(\.$validFrom).all()

        let ownMemberships = try memberships.filter { $0.$member.id == id && isVisible($0.$association.id) }
            .map { OrganisationDetailView.Relation(counterpart: try OrganisationRow($0.association), from: $0.validFrom, until: $0.validUntil) }
        let members = try memberships.filter { $0.$association.id == id && isVisible($0.$member.id) }
            .map { OrganisationDetailView.Relation(counterpart: try OrganisationRow($0.member), from: $0.validFrom, until: $0.validUntil) }
        let counterparts = try engagements.compactMap { engagement -> OrganisationDetailView.Relation? in
            let other = engagement.$callCentre.id == id ? engagement.client : engagement.callCentre
            guard let otherID = other.id, isVisible(otherID) else { return nil }
            let party = EngagementParty(
                isCallCentre: engagement.$callCentre.id == principal.organisationID,
                isClient: engagement.$client.id == principal.organisationID)
            return .init(
                counterpart: try OrganisationRow(other), from: engagement.validFrom, until: engagement.validUntil,
                engagement: .init(
                    id: try engagement.requireID(), status: engagement.engagementStatus,
                    mayRecordExemptions: engagement.mayRecordExemptions,
                    canDecide: EngagementRules.canDecide(principal.actor, party: party)))
        }

        let canAddMembership = AccessPolicy.canManageNetwork(principal.actor) && organisation.kind.canBeMember
        let canAddEngagement =
            organisation.kind == .callCentre
            && AccessPolicy.canRecordEngagement(principal.actor, callCentreIsOwn: id == principal.organisationID)
        let associations =
            canAddMembership
            ? try await OrganisationModel.query(on: db).filter(\.$kindRaw == OrganisationKind.association.rawValue).sort(\.$name).all().map(
                OrganisationRow.init)
            : []
        let clients =
            canAddEngagement
            ? try await OrganisationModel.query(on: db).filter(\.$kindRaw == OrganisationKind.client.rawValue).sort(\.$name).all().map(
                OrganisationRow.init)
            : []
        return Self(
            organisation: try OrganisationRow(organisation), memberships: ownMemberships, members: members,
            engagements: counterparts, canAddMembership: canAddMembership, canAddEngagement: canAddEngagement,
            associations: associations, clients: clients)
    }
}
