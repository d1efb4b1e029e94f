import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/norms`: the association's industry norm for calling times; its administrators add versions.
struct IndustryNormRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.norms, use: page)
        routes.post(.normVersions, use: addVersion)
    }

    private func model(_ user: CurrentUser, on req: Request, problems: [FieldProblem] = [], added: Bool = false) async throws
        -> IndustryNormView.Model
    {
        let rows = try await IndustryNormModel.query(on: req.db).with(\.$association).all()
        let norms = try rows.map { (association: $0.association.name, norm: try $0.norm()) }.sorted { $0.association < $1.association }
        return IndustryNormView.Model(
            norms: norms, canEdit: user.role == .associationAdmin, problems: problems, added: added, today: OsloTime.localDate(of: req.now))
    }

    func page(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return .html(IndustryNormView.render(try await model(user, on: req), context: req.pageContext))
    }

    func addVersion(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .associationAdmin, let association = try await OrganisationModel.find(user.organisationID, on: req.db) else {
            throw AppError.forbidden()
        }
        let input = try req.content.decode(IndustryNormService.VersionInput.self)
        do {
            _ = try await IndustryNormService.addVersion(
                input, association: association, today: OsloTime.localDate(of: req.now), now: req.now, on: req.db)
        } catch let error as AppError where !error.fields.isEmpty {
            return .html(
                IndustryNormView.render(try await model(user, on: req, problems: error.fields), context: req.pageContext), status: error.status)
        }
        req.application.mayCallCache.invalidateAll()
        return .html(IndustryNormView.render(try await model(user, on: req, added: true), context: req.pageContext), status: .created)
    }
}
