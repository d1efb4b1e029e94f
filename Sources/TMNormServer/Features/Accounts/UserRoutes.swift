import Fluent
import TMNormCore
import Vapor

/// `/users` and `/invitations`: administrators see their organisation's people and invite new ones.
struct UserRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.users, use: list)
        routes.post(.invitations, use: invite)
    }

    private func requireAdministrator(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard AccessPolicy.canManageOwnUsers(user.actor) else { throw AppError.forbidden() }
        return user
    }

    func list(req: Request) async throws -> Response {
        let user = try requireAdministrator(req)
        var model = try await model(for: user, on: req)
        let query = ListQuery(req, filters: UsersView.filterNames)
        let users = model.users.filter { row in
            (query.filter("role").map { row.role.rawValue == $0 } ?? true) && query.matches([row.name, row.email])
        }
        if query.wantsCSV {
            let table = UsersView.csv(users, context: req.pageContext)
            return CSVExport.response(name: "brukere", headings: table.headings, rows: table.rows)
        }
        model = UsersView.Model(users: users, targets: model.targets, invitationLink: nil, problems: [], query: query)
        return .html(UsersView.render(model, context: req.pageContext))
    }

    private func model(for user: CurrentUser, on req: Request, invitationLink: String? = nil, problems: [FieldProblem] = []) async throws
        -> UsersView.Model
    {
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
            throw AppError.invalid([.init(field: "organisation_id", Phrase(nb: "er ikke en kjent organisasjon", en: "is not a known organisation"))])
        }
        let allowed = AccessPolicy.invitableRoles(by: user.actor, into: organisation.kind, ownOrganisation: organisationID == user.organisationID)
        guard !allowed.isEmpty else { throw AppError.forbidden() }
        let role = input.role.flatMap(Role.init(rawValue:))
        if role.map({ !allowed.contains($0) }) ?? true {
            problems.append(
                .init(
                    field: "role", reason: "must be one of \(allowed.map(\.rawValue).joined(separator: ", "))",
                    message: Phrase(nb: "velg en av rollene i lista", en: "choose one of the roles in the list")))
        }
        if problems.isEmpty, try await UserModel.query(on: req.db).filter(\.$email == email).first() != nil {
            problems.append(.init(field: "email", Phrase(nb: "har allerede en konto", en: "already has an account")))
        }
        guard problems.isEmpty, let role else {
            return .html(
                UsersView.render(try await model(for: user, on: req, problems: problems), context: req.pageContext), status: .unprocessableEntity)
        }
        let token = try await AccountService.invite(email: email, role: role, organisationID: organisationID, by: user, on: req)
        let link = req.application.config.publicBaseURL + SiteRoute.invitation(token: token).path
        return .html(UsersView.render(try await model(for: user, on: req, invitationLink: link), context: req.pageContext), status: .created)
    }
}
