import Fluent
import TMNormCore
import Vapor

/// `/dashboard`: one overview per role.
struct DashboardRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: show)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let principal = try req.requirePrincipal()
        let visible = try await OrganisationAccess.visible(principal, on: req.db)
        var cards: [DashboardView.Card] = []
        switch user.role {
        case .associationAdmin, .boardMember:
            let members = try await MembershipModel.query(on: req.db).filter(\.$validUntil == nil).count()
            cards.append(.init(label: Phrase(nb: "Callsentre", en: "Call centres"), figure: visible.filter { $0.kind == .callCentre }.count, link: .organisations))
            cards.append(.init(label: Phrase(nb: "Oppdragsgivere", en: "Clients"), figure: visible.filter { $0.kind == .client }.count, link: .organisations))
            cards.append(.init(label: Phrase(nb: "Aktive medlemskap", en: "Active memberships"), figure: members, link: .organisations))
            if user.role == .associationAdmin {
                let users = try await UserModel.query(on: req.db).count()
                cards.append(.init(label: Phrase(nb: "Brukere i nettverket", en: "Users in the network"), figure: users, link: .users))
            }
        case .callCentreAdmin, .agent, .clientUser:
            let counterpartKind: OrganisationKind = user.organisationKind == .client ? .callCentre : .client
            let counterparts = visible.filter { $0.kind == counterpartKind }
            cards.append(.init(
                label: counterpartKind == .client ? Phrase(nb: "Oppdragsgivere", en: "Clients") : Phrase(nb: "Callsentre", en: "Call centres"),
                figure: counterparts.count, link: .organisation(user.organisationID)))
            if user.role == .callCentreAdmin {
                let colleagues = try await UserModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID).count()
                let keys = try await APIKeyModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID).filter(\.$revokedAt == nil).count()
                cards.append(.init(label: Phrase(nb: "Brukere", en: "Users"), figure: colleagues, link: .users))
                cards.append(.init(label: Phrase(nb: "Aktive API-nøkler", en: "Active API keys"), figure: keys, link: .apiKeys))
            }
        }
        let model = DashboardView.Model(
            userName: user.name, role: user.role, organisationName: user.organisationName,
            organisationID: user.organisationID, cards: cards)
        return .html(DashboardView.render(model, context: req.pageContext))
    }
}

/// The dashboard page.
enum DashboardView {
    struct Card: Sendable {
        let label: Phrase
        let figure: Int
        let link: SiteRoute
    }

    struct Model: Sendable {
        let userName: String
        let role: Role
        let organisationName: String
        let organisationID: UUID
        let cards: [Card]
    }

    static func intro(_ role: Role) -> Phrase {
        switch role {
        case .associationAdmin:
            Phrase(nb: "Du administrerer nettverket: organisasjoner, medlemskap og brukere.",
                   en: "You run the network: organisations, memberships and users.")
        case .boardMember:
            Phrase(nb: "Som nemndsmedlem følger du opp godkjenningsordningen for callsentre.",
                   en: "As a board member you follow up the authorization scheme for call centres.")
        case .callCentreAdmin:
            Phrase(nb: "Du administrerer callsenteret: oppdragsgivere, brukere og API-nøkler.",
                   en: "You run the call centre: clients, users and API keys.")
        case .agent:
            Phrase(nb: "Her ser du oppdragsgiverne du ringer for.",
                   en: "Here you see the clients you call for.")
        case .clientUser:
            Phrase(nb: "Her ser du callsentrene som ringer på vegne av dere.",
                   en: "Here you see the call centres calling on your behalf.")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Oversikt", en: "Dashboard")), context: context) {
            el("p", .class("lead")) {
                "\(model.userName) — " + context.t(RoleLabel.phrase(model.role)) + ", " + model.organisationName
            }
            el("p") { context.t(intro(model.role)) }
            el("div", .class("cards")) {
                for card in model.cards {
                    el("a", .class("card"), .href(card.link.path)) {
                        el("div", .class("figure")) { String(card.figure) }
                        el("div") { context.t(card.label) }
                    }
                }
            }
            el("p") { el("a", .href(SiteRoute.organisation(model.organisationID).path)) { context.t(Phrase(nb: "Min organisasjon", en: "My organisation")) } }
        }
    }
}
