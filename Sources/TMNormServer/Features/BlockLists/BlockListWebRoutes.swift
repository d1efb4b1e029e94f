import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/block-list`: agents add a number after a call; administrators add by form or CSV import.
struct BlockListWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.blockList, use: page)
        routes.post(.blockList, use: add)
        routes.upload(.blockListImport, maxSize: "20mb", use: importList)
    }

    private func principal(_ req: Request) throws -> (CurrentUser, RequestPrincipal) {
        let user = try req.requireUser()
        guard [.callCentreAdmin, .agent, .clientUser].contains(user.role) else { throw AppError.forbidden() }
        return (user, try req.requirePrincipal())
    }

    private func model(_ user: CurrentUser, _ principal: RequestPrincipal, now: Date, on db: any Database, outcome: BlockListService.Outcome? = nil)
        async throws -> BlockListView.Model
    {
        let targets = try await BlockListService.writableOrganisations(principal, now: now, on: db)
        var counts: [(String, Int)] = []
        for target in targets {
            counts.append((target.name, try await BlockListEntryModel.query(on: db).filter(\.$organisation.$id == target.requireID()).count()))
        }
        return BlockListView.Model(
            targets: try targets.map(OrganisationRow.init), counts: counts,
            canImport: user.role != .agent, outcome: outcome)
    }

    func page(req: Request) async throws -> Response {
        let (user, principal) = try principal(req)
        return .html(BlockListView.render(try await model(user, principal, now: req.now, on: req.db), context: req.pageContext))
    }

    struct AddInput: Content {
        var phone: String?
        var organisation_id: String?
    }

    func add(req: Request) async throws -> Response {
        let (user, principal) = try principal(req)
        let input = try req.content.decode(AddInput.self)
        let target = try await BlockListService.target(input.organisation_id, principal, now: req.now, on: req.db)
        let outcome = try await BlockListService.add(
            numbers: [("phone", input.phone ?? "")], to: target, source: user.role == .agent ? .agent : .administrator,
            by: user.id, now: req.now, lookup: req.application.blockListLookup, on: req.db)
        let status: HTTPResponseStatus = outcome.problems.isEmpty ? .ok : .unprocessableEntity
        return .html(
            BlockListView.render(try await model(user, principal, now: req.now, on: req.db, outcome: outcome), context: req.pageContext),
            status: status)
    }

    struct ImportInput: Content {
        var file: File?
        var organisation_id: String?
    }

    func importList(req: Request) async throws -> Response {
        let (user, principal) = try principal(req)
        guard user.role != .agent else { throw AppError.forbidden() }
        let input = try req.content.decode(ImportInput.self)
        let target = try await BlockListService.target(input.organisation_id, principal, now: req.now, on: req.db)
        guard let file = input.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([
                .init(field: "file", Phrase(nb: "velg en CSV-fil med ett nummer per linje", en: "choose a CSV file with one number per line"))
            ])
        }
        let bytes = Data(buffer: file.data)
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes.map { $0 }, as: Unicode.ASCII.self)
        let numbers = BlockListService.numbers(fromCSV: text)
        let outcome = try await BlockListService.add(
            numbers: numbers, to: target, source: .import, by: user.id, now: req.now, lookup: req.application.blockListLookup, on: req.db)
        return .html(BlockListView.render(try await model(user, principal, now: req.now, on: req.db, outcome: outcome), context: req.pageContext))
    }
}
