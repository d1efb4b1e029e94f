import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/campaigns…`: call centres set up campaigns; agents check numbers before they dial.
struct CampaignWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.campaigns, use: list)
        routes.post(.campaigns, use: create)
        routes.get(.campaign) { req in try await self.show(req: req) }
        routes.post(.campaignWashes, use: attachWash)
        routes.post(.campaignAgents, use: addAgent)
        routes.post(.campaignStatus, use: setStatus)
    }

    func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let user = try req.requireUser()
        let query = CampaignModel.query(on: req.db).with(\.$client).with(\.$callCentre).sort(\.$startsOn, .descending)
        if AccessPolicy.organisationScope(principal.actor) != .all {
            query.group(.or) { $0.filter(\.$callCentre.$id == user.organisationID).filter(\.$client.$id == user.organisationID) }
        }
        let campaigns = try await query.all()
        let clients =
            user.role == .callCentreAdmin
            ? try await Engagements.activeClients(of: user.organisationID, on: Engagements.day(req.now), db: req.db).map { try OrganisationRow($0) }
            : []
        let list = ListQuery(req, filters: CampaignListView.filterNames)
        let rows: [CampaignListView.Row] = try campaigns.map {
            .init(
                id: try $0.requireID(), name: $0.name, client: $0.client.name, callCentre: $0.callCentre.name, status: $0.status,
                startsOn: $0.startsOn, endsOn: $0.endsOn)
        }.filter { row in
            (list.filter("status").map { row.status.rawValue == $0 } ?? true) && list.matches([row.name, row.client, row.callCentre])
        }
        if list.wantsCSV {
            let table = CampaignListView.csv(rows, context: req.pageContext)
            return CSVExport.response(name: "kampanjer", headings: table.headings, rows: table.rows)
        }
        let model = CampaignListView.Model(rows: rows, clients: clients, problems: [], query: list)
        return .html(CampaignListView.render(model, context: req.pageContext))
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let campaign = try await CampaignService.create(try req.content.decode(CampaignInput.self), by: principal, on: req.db, now: req.now)
        return req.redirect(to: .campaign(try campaign.requireID()))
    }

    func show(req: Request, verdict: CampaignDetailView.Verdict? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let principal = try req.requirePrincipal()
        let user = try req.requireUser()
        let campaign = try await CampaignService.find(try req.uuidParameter(), principal, on: req.db)
        let campaignID = try campaign.requireID()
        let validity = try await CampaignValidity.check(campaign, at: req.now, on: req.db)
        let attached = try await CampaignWashModel.query(on: req.db).filter(\.$campaign.$id == campaignID).with(\.$wash).all().map(\.wash)
        let agents = try await CampaignAgentModel.query(on: req.db).filter(\.$campaign.$id == campaignID).with(\.$user).all().map(\.user.name)
        let isOwnAdmin = campaign.$callCentre.id == user.organisationID && user.role == .callCentreAdmin
        let availableWashes =
            isOwnAdmin
            ? try await WashRecordModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID).sort(\.$washedAt, .descending).range(
                ..<50
            ).all()
            : []
        let colleagues =
            isOwnAdmin
            ? try await UserModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID).filter(\.$roleRaw == Role.agent.rawValue).all()
            : []
        let model = CampaignDetailView.Model(
            id: campaignID, name: campaign.name, client: try await campaign.$client.get(on: req.db).name,
            category: campaign.productCategory, callerID: campaign.callerID, voluntary: campaign.voluntary, newspaper: campaign.newspaper,
            startsOn: campaign.startsOn, endsOn: campaign.endsOn, status: campaign.status, validity: validity,
            washes: attached.map { ($0.fileName, $0.washedAt, $0.validUntil) }, agents: agents,
            canManage: isOwnAdmin, canCheck: campaign.$callCentre.id == user.organisationID,
            availableWashes: try availableWashes.map { (try $0.requireID(), "\($0.fileName) · \(NorwegianFormat.dateTime($0.washedAt))") },
            availableAgents: try colleagues.map { (try $0.requireID(), $0.name) }, verdict: verdict)
        return .html(CampaignDetailView.render(model, context: req.pageContext), status: status)
    }

    private func ownCampaign(_ req: Request) async throws -> CampaignModel {
        let principal = try req.requirePrincipal()
        let campaign = try await CampaignService.find(try req.uuidParameter(), principal, on: req.db, forWriting: true)
        guard campaign.$callCentre.id == principal.organisationID else { throw AppError.notFound() }
        return campaign
    }

    struct WashInput: Content { var wash_id: String? }

    func attachWash(req: Request) async throws -> Response {
        let campaign = try await ownCampaign(req)
        guard let id = try req.content.decode(WashInput.self).wash_id.flatMap(UUID.init(uuidString:)) else {
            throw AppError.invalid([.init(field: "wash_id", Phrase(nb: "velg en vask", en: "choose a wash"))])
        }
        try await CampaignService.attachWash(campaign, washID: id, on: req.db, now: req.now)
        req.application.mayCallCache.invalidate(try campaign.requireID())
        return req.redirect(to: .campaign(try campaign.requireID()))
    }

    struct AgentInput: Content { var user_id: String? }

    func addAgent(req: Request) async throws -> Response {
        let campaign = try await ownCampaign(req)
        guard let id = try req.content.decode(AgentInput.self).user_id.flatMap(UUID.init(uuidString:)) else {
            throw AppError.invalid([.init(field: "user_id", Phrase(nb: "velg en selger", en: "choose an agent"))])
        }
        try await CampaignService.addAgent(campaign, userID: id, on: req.db)
        return req.redirect(to: .campaign(try campaign.requireID()))
    }

    struct StatusInput: Content { var status: String? }

    func setStatus(req: Request) async throws -> Response {
        let campaign = try await ownCampaign(req)
        guard let status = try req.content.decode(StatusInput.self).status.flatMap(CampaignModel.Status.init(rawValue:)) else {
            throw AppError.invalid([
                .init(
                    field: "status", Phrase(nb: "må være utkast, aktiv, satt på pause eller avsluttet", en: "must be draft, active, paused or ended"))
            ])
        }
        try await CampaignService.setStatus(campaign, to: status, on: req.db, now: req.now)
        req.application.mayCallCache.invalidate(try campaign.requireID())
        return req.redirect(to: .campaign(try campaign.requireID()))
    }
}
