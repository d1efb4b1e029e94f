import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/block-list`: agents add a number after a call; administrators add by form or CSV import.
struct BlockListWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("block-list", use: page)
        routes.post("block-list", use: add)
        routes.upload("block-list", "import", maxSize: "20mb", use: importList)
    }

    private func principal(_ req: Request) throws -> (CurrentUser, RequestPrincipal) {
        let user = try req.requireUser()
        guard [.callCentreAdmin, .agent, .clientUser].contains(user.role) else { throw AppError.forbidden() }
        return (user, try req.requirePrincipal())
    }

    private func model(_ user: CurrentUser, _ principal: RequestPrincipal, now: Date, on db: any Database, outcome: BlockListService.Outcome? = nil) async throws -> BlockListView.Model {
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
        return .html(BlockListView.render(try await model(user, principal, now: req.now, on: req.db, outcome: outcome), context: req.pageContext), status: status)
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
            throw AppError.invalid([.init(field: "file", reason: "choose a CSV file with one number per line")])
        }
        let bytes = Data(buffer: file.data)
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes.map { $0 }, as: Unicode.ASCII.self)
        let numbers = BlockListService.numbers(fromCSV: text)
        let outcome = try await BlockListService.add(numbers: numbers, to: target, source: .import, by: user.id, now: req.now, lookup: req.application.blockListLookup, on: req.db)
        return .html(BlockListView.render(try await model(user, principal, now: req.now, on: req.db, outcome: outcome), context: req.pageContext))
    }
}

/// The block list page.
enum BlockListView {
    struct Model: Sendable {
        let targets: [OrganisationRow]
        let counts: [(String, Int)]
        let canImport: Bool
        let outcome: BlockListService.Outcome?
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Intern sperreliste", en: "Internal block list")), context: context) {
            el("p") { context.t(Phrase(nb: "Et nummer på oppdragsgiverens liste sperres for alle callsentre som ringer for oppdragsgiveren. Oppføringer utløper aldri.", en: "A number on a client's list is blocked for every call centre calling for that client. Entries never expire.")) }
            if let outcome = model.outcome {
                el("div", .class(outcome.problems.isEmpty ? "notice" : "alert"), .init("role", "status")) {
                    el("p") { context.t(Phrase(nb: "Lagt til: \(outcome.added). Allerede sperret: \(outcome.alreadyBlocked). Avvist: \(outcome.problems.count).", en: "Added: \(outcome.added). Already blocked: \(outcome.alreadyBlocked). Rejected: \(outcome.problems.count).")) }
                    if !outcome.problems.isEmpty {
                        el("ul") { for problem in outcome.problems.prefix(100) { el("li") { "\(problem.field): \(problem.reason)" } } }
                    }
                }
            }
            el("ul") { for (name, count) in model.counts { el("li") { "\(name): \(count)" } } }
            el("h2") { context.t(Phrase(nb: "Sperr et nummer", en: "Block a number")) }
            Form.post("/block-list", csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "phone", type: "tel", autocomplete: "off")
                Form.select(context.t(Phrase(nb: "Sperreliste", en: "Block list")), name: "organisation_id", options: model.targets.map { ($0.id.uuidString, $0.name) })
                Form.submit(context.t(Phrase(nb: "Sperr", en: "Block")))
            }
            if model.canImport {
                el("h2") { context.t(Phrase(nb: "Importer fra CSV", en: "Import from CSV")) }
                Form.post("/block-list/import", csrf: context.csrf, enctype: "multipart/form-data") {
                    Form.field(context.t(Phrase(nb: "Fil med ett nummer per linje (eller en kolonne «telefon»)", en: "File with one number per line (or a “telefon” column)")), name: "file", type: "file")
                    Form.select(context.t(Phrase(nb: "Sperreliste", en: "Block list")), name: "organisation_id", options: model.targets.map { ($0.id.uuidString, $0.name) })
                    Form.submit(context.t(Phrase(nb: "Importer", en: "Import")))
                }
            }
        }
    }
}
