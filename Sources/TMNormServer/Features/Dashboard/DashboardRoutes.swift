import Fluent
import TMNormCore
import Vapor

/// `/dashboard`: one overview per role.
struct DashboardRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.dashboard, use: show)
    }

    func show(req: Request) async throws -> Response {
        let model = try await DashboardView.Model.query(for: try req.requireUser(), principal: try req.requirePrincipal(), on: req.db)
        return .html(DashboardView.render(model, context: req.pageContext))
    }
}

extension DashboardView.Model {
    /// The figures a role's overview shows: a few counts, each its own query.
    static func query(for user: CurrentUser, principal: RequestPrincipal, on db: any Database) async throws -> Self {
        let visible = try await OrganisationAccess.visible(principal, on: db)
        var cards: [DashboardView.Card] = []
        switch user.role {
        case .associationAdmin, .boardMember:
            let members = try await MembershipModel.query(on: db).filter(\.$validUntil == nil).count()
            cards.append(
                .init(
                    label: Phrase(nb: "Callsentre", en: "Call centres"), figure: visible.filter { $0.kind == .callCentre }.count, link: .organisations
                ))
            cards.append(
                .init(label: Phrase(nb: "Oppdragsgivere", en: "Clients"), figure: visible.filter { $0.kind == .client }.count, link: .organisations))
            cards.append(.init(label: Phrase(nb: "Aktive medlemskap", en: "Active memberships"), figure: members, link: .organisations))
            if user.role == .associationAdmin {
                let users = try await UserModel.query(on: db).count()
                cards.append(.init(label: Phrase(nb: "Brukere i nettverket", en: "Users in the network"), figure: users, link: .users))
            }
        case .callCentreAdmin, .agent, .clientUser:
            let counterpartKind: OrganisationKind = user.organisationKind == .client ? .callCentre : .client
            let counterparts = visible.filter { $0.kind == counterpartKind }
            cards.append(
                .init(
                    label: counterpartKind == .client ? Phrase(nb: "Oppdragsgivere", en: "Clients") : Phrase(nb: "Callsentre", en: "Call centres"),
                    figure: counterparts.count, link: .organisation(user.organisationID)))
            if user.role == .callCentreAdmin {
                let colleagues = try await UserModel.query(on: db).filter(\.$organisation.$id == user.organisationID).count()
                let keys = try await APIKeyModel.query(on: db).filter(\.$organisation.$id == user.organisationID).filter(\.$revokedAt == nil).count()
                cards.append(.init(label: Phrase(nb: "Brukere", en: "Users"), figure: colleagues, link: .users))
                cards.append(.init(label: Phrase(nb: "Aktive API-nøkler", en: "Active API keys"), figure: keys, link: .apiKeys))
            }
        }
        return Self(
            userName: user.name, role: user.role, organisationName: user.organisationName,
            organisationID: user.organisationID, cards: cards)
    }
}
