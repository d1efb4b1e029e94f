import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/dashboard`: each role's start page, a to-do list of what needs the person; and `POST /dashboard/may-call`,
/// the agent's "Kan jeg ringe?" box.
struct DashboardRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.dashboard, use: show)
        routes.post(.dashboardMayCall, use: mayCall)
        // The language link on an answer points here; the box itself lives on the start page.
        routes.get(.dashboardMayCall) { req in
            req.redirect(to: .dashboard, query: ["lang": req.language == .en ? "en" : "nb"])
        }
    }

    func show(req: Request) async throws -> Response {
        let model = try await DashboardView.Model.query(req)
        return .html(DashboardView.render(model, context: req.pageContext))
    }

    struct MayCallInput: Content {
        var number: String?
        var campaign_id: String?
    }

    /// The agent's check: the same may-call decision as the API and the campaign page (and logged the same
    /// way), answered in words with the next time a call is allowed. Bad input comes back on the same page.
    func mayCall(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let user = try req.requireUser()
        guard user.organisationKind == .callCentre else { throw AppError.forbidden() }
        let input = try req.content.decode(MayCallInput.self)
        let number = String((input.number ?? "").prefix(64))
        var model = try await DashboardView.Model.query(req)
        let campaigns = model.checkCampaigns
        var problems: [String: Phrase] = [:]
        var campaignID: UUID?
        if campaigns.count == 1 {
            campaignID = campaigns[0].id
        } else if let raw = input.campaign_id, let id = UUID(uuidString: raw), campaigns.contains(where: { $0.id == id }) {
            campaignID = id
        } else {
            problems["campaign_id"] =
                campaigns.isEmpty
                ? Phrase(nb: "Du har ingen aktive kampanjer å ringe for.", en: "You have no active campaigns to call for.")
                : Phrase(nb: "Velg kampanjen du ringer for.", en: "Choose the campaign you are calling for.")
        }
        if case .failure(let problem) = PhoneNumber.validate(number) {
            problems["number"] = Phrase(
                nb: "Telefonnummeret \(problem.norwegian).", en: "The phone number \(problem.description).")
        }
        model.typedNumber = number
        model.chosenCampaign = campaignID
        guard problems.isEmpty, let campaignID else {
            model.mayCallProblems = problems
            return .html(DashboardView.render(model, context: req.pageContext), status: .unprocessableEntity)
        }
        let campaign = try await CampaignService.find(campaignID, principal, on: req.db)
        guard campaign.$callCentre.id == principal.organisationID else { throw AppError.notFound() }
        let context = try await MayCallService.context(campaignID: campaignID, at: req.now, app: req.application, on: req.db)
        let answers = try await MayCallService.decide(
            numbers: [number], context: context, at: req.now, askedBy: req.actorLabel, app: req.application, on: req.db)
        guard let answer = answers.first else { throw AppError.notFound() }
        model.mayCallAnswer = .init(
            number: PhoneNumber.parse(number).number?.national ?? number, campaign: campaign.name, allowed: answer.allowed,
            reasons: answer.reasons, nextAllowed: answer.next_allowed.flatMap { ISO8601DateFormatter().date(from: $0) })
        return .html(DashboardView.render(model, context: req.pageContext))
    }
}

extension DashboardView.Model {
    /// Everything the start page of the person behind `req` shows.
    static func query(_ req: Request) async throws -> Self {
        let user = try req.requireUser()
        let principal = try req.requirePrincipal()
        let db = req.db
        let visible = try await OrganisationAccess.visible(principal, on: db)
        var model = Self(user: user)
        switch user.role {
        case .associationAdmin, .boardMember:
            let members = try await MembershipModel.query(on: db).filter(\.$validUntil == nil).count()
            model.cards = [
                .init(
                    label: Phrase(nb: "Callsentre", en: "Call centres"), figure: visible.filter { $0.kind == .callCentre }.count, link: .organisations
                ),
                .init(label: Phrase(nb: "Oppdragsgivere", en: "Clients"), figure: visible.filter { $0.kind == .client }.count, link: .organisations),
                .init(label: Phrase(nb: "Aktive medlemskap", en: "Active memberships"), figure: members, link: .organisations),
            ]
            model.todos = try await DashboardToDos.oversight(user, today: req.osloToday, now: req.now, app: req.application, on: db)
            model.todos.insert(try await DashboardToDos.complaints(user, now: req.now, on: db), at: 1)
        case .callCentreAdmin:
            model.todos = try await DashboardToDos.callCentre(user, now: req.now, on: db)
            model.todos.insert(try await DashboardToDos.complaints(user, now: req.now, on: db), at: 0)
            let agents = try await UserModel.query(on: db).filter(\.$organisation.$id == user.organisationID).filter(
                \.$roleRaw == Role.agent.rawValue
            )
            .count()
            let clients = visible.filter { $0.kind == .client }.count
            model.cards = [
                .init(label: Phrase(nb: "Oppdragsgivere", en: "Clients"), figure: clients, link: .organisation(user.organisationID)),
                .init(label: Phrase(nb: "Selgere", en: "Agents"), figure: agents, link: .users),
            ]
            model.checkCampaigns = try await DashboardToDos.campaigns(for: user, now: req.now, on: db)
        case .agent:
            model.checkCampaigns = try await DashboardToDos.campaigns(for: user, now: req.now, on: db)
        case .clientUser:
            let centres = visible.filter { $0.kind == .callCentre }.count
            model.cards = [.init(label: Phrase(nb: "Callsentre", en: "Call centres"), figure: centres, link: .organisation(user.organisationID))]
            let campaigns = try await CampaignModel.query(on: db).filter(\.$client.$id == user.organisationID).filter(\.$statusRaw == "active")
                .count()
            model.cards.append(.init(label: Phrase(nb: "Aktive kampanjer", en: "Active campaigns"), figure: campaigns, link: .campaigns))
            model.todos = [try await DashboardToDos.complaints(user, now: req.now, on: db)]
        }
        return model
    }
}
