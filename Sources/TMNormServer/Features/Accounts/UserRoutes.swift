import Fluent
import TMNormCore
import Vapor

/// `/users` and `/invitations`: administrators see their organisation's people and invite new ones.
struct UserRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("users", use: list)
        routes.post("invitations", use: invite)
    }

    private func requireAdministrator(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard AccessPolicy.canManageOwnUsers(user.actor) else { throw AppError.forbidden() }
        return user
    }

    func list(req: Request) async throws -> Response {
        let user = try requireAdministrator(req)
        return .html(UsersView.render(try await model(for: user, on: req), context: req.pageContext))
    }

    private func model(for user: CurrentUser, on req: Request, invitationLink: String? = nil, problems: [FieldProblem] = []) async throws -> UsersView.Model {
        let users = try await UserModel.query(on: req.db).filter(\.$organisation.$id == user.organisationID).sort(\.$name).all()
        let targets: [OrganisationModel]
        if user.role == .associationAdmin {
            targets = try await OrganisationModel.query(on: req.db).sort(\.$name).all()
        } else {
            targets = try await OrganisationModel.query(on: req.db).filter(\.$id == user.organisationID).all()
        }
        let options = try targets.map { organisation in
            UsersView.Target(
                id: try organisation.requireID(), name: organisation.name,
                roles: AccessPolicy.invitableRoles(by: user.actor, into: organisation.kind, ownOrganisation: organisation.id == user.organisationID))
        }.filter { !$0.roles.isEmpty }
        return UsersView.Model(
            users: users.map { .init(name: $0.name, email: $0.email, role: $0.role, disabled: $0.disabledAt != nil) },
            targets: options, invitationLink: invitationLink, problems: problems)
    }

    struct InviteInput: Content {
        var email: String?
        var role: String?
        var organisation_id: String?
    }

    func invite(req: Request) async throws -> Response {
        let user = try requireAdministrator(req)
        let input = try req.content.decode(InviteInput.self)
        let email = (input.email ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var problems: [FieldProblem] = []
        if let problem = AccountService.emailProblem(email) { problems.append(problem) }
        let organisationID = input.organisation_id.flatMap(UUID.init(uuidString:)) ?? user.organisationID
        guard let organisation = try await OrganisationModel.find(organisationID, on: req.db) else {
            throw AppError.invalid([.init(field: "organisation_id", reason: "is not a known organisation")])
        }
        let allowed = AccessPolicy.invitableRoles(by: user.actor, into: organisation.kind, ownOrganisation: organisationID == user.organisationID)
        guard !allowed.isEmpty else { throw AppError.forbidden() }
        let role = input.role.flatMap(Role.init(rawValue:))
        if role.map({ !allowed.contains($0) }) ?? true {
            problems.append(.init(field: "role", reason: "must be one of \(allowed.map(\.rawValue).joined(separator: ", "))"))
        }
        if problems.isEmpty, try await UserModel.query(on: req.db).filter(\.$email == email).first() != nil {
            problems.append(.init(field: "email", reason: "already has an account"))
        }
        guard problems.isEmpty, let role else {
            return .html(UsersView.render(try await model(for: user, on: req, problems: problems), context: req.pageContext), status: .unprocessableEntity)
        }
        let token = try await AccountService.invite(email: email, role: role, organisationID: organisationID, by: user, on: req)
        let link = req.application.config.publicBaseURL + SiteRoute.invitation(token: token).path
        return .html(UsersView.render(try await model(for: user, on: req, invitationLink: link), context: req.pageContext), status: .created)
    }
}

/// The users page with the invitation form.
enum UsersView {
    struct Row: Sendable {
        let name: String
        let email: String
        let role: Role
        let disabled: Bool
    }

    struct Target: Sendable {
        let id: UUID
        let name: String
        let roles: [Role]
    }

    struct Model: Sendable {
        let users: [Row]
        let targets: [Target]
        let invitationLink: String?
        let problems: [FieldProblem]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.reason }
        return Layout.page(title: context.t(Phrase(nb: "Brukere", en: "Users")), context: context) {
            if let link = model.invitationLink {
                el("div", .class("notice"), .init("role", "status")) {
                    el("p") { context.t(Phrase(nb: "Invitasjonen er laget. Send lenken til personen; den kan brukes én gang og vises bare nå:", en: "The invitation has been created. Send this link to the person; it works once and is shown only now:")) }
                    el("p", .class("secret")) { link }
                }
            }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") { el("tr") {
                        el("th") { context.t(Phrase(nb: "Navn", en: "Name")) }
                        el("th") { context.t(Phrase(nb: "E-post", en: "E-mail")) }
                        el("th") { context.t(Phrase(nb: "Rolle", en: "Role")) }
                    } }
                    el("tbody") {
                        for row in model.users {
                            el("tr") {
                                el("td") { row.name }
                                el("td") { row.email }
                                el("td") { context.t(RoleLabel.phrase(row.role)) }
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Inviter en bruker", en: "Invite a user")) }
            Form.post(SiteRoute.invitations.path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "E-post", en: "E-mail")), name: "email", type: "email", error: error("email"))
                Form.select(context.t(Phrase(nb: "Organisasjon", en: "Organisation")), name: "organisation_id",
                            options: model.targets.map { ($0.id.uuidString, $0.name) })
                Form.select(context.t(Phrase(nb: "Rolle", en: "Role")), name: "role",
                            options: Role.allCases.filter { role in model.targets.contains { $0.roles.contains(role) } }
                                .map { ($0.rawValue, context.t(RoleLabel.phrase($0))) })
                if let roleError = error("role") { el("p", .class("field-error")) { roleError } }
                Form.submit(context.t(Phrase(nb: "Lag invitasjon", en: "Create invitation")))
            }
        }
    }
}
