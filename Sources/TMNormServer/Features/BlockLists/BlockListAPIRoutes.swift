import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/api/v1/block-list`: dialers and client systems add numbers; `client` names a client's list.
struct BlockListAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("block-list", use: add)
        routes.get("block-list", use: summary)
    }

    struct AddInput: Content {
        var phones: [String]?
        var client: String?
    }

    struct AddOutput: Content {
        let list: String
        let added: Int
        let already_blocked: Int
        let errors: [FieldProblem]
    }

    func add(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(AddInput.self)
        guard let phones = input.phones, !phones.isEmpty else {
            throw AppError.invalid([
                .init(field: "phones", Phrase(nb: "må fylles ut: en liste med telefonnumre", en: "is required: a list of phone numbers"))
            ])
        }
        guard phones.count <= 10_000 else {
            throw AppError.invalid([.init(field: "phones", Phrase(nb: "høyst 10000 numre per forespørsel", en: "at most 10000 numbers per request"))])
        }
        let target = try await BlockListService.target(input.client, principal, now: req.now, on: req.db)
        let outcome = try await BlockListService.add(
            numbers: phones.enumerated().map { ("phones[\($0.offset)]", $0.element) }, to: target, source: .api,
            by: nil, now: req.now, lookup: req.application.blockListLookup, on: req.db)
        let output = AddOutput(list: target.orgnr, added: outcome.added, already_blocked: outcome.alreadyBlocked, errors: outcome.problems)
        return try await output.encodeResponse(status: outcome.added > 0 ? .created : .ok, for: req)
    }

    struct ListSummary: Content {
        let orgnr: String
        let name: String
        let entries: Int
    }

    func summary(req: Request) async throws -> ListDTO<ListSummary> {
        let principal = try req.requirePrincipal()
        var items: [ListSummary] = []
        for organisation in try await BlockListService.writableOrganisations(principal, now: req.now, on: req.db) {
            let count = try await BlockListEntryModel.query(on: req.db).filter(\.$organisation.$id == organisation.requireID()).count()
            items.append(ListSummary(orgnr: organisation.orgnr, name: organisation.name, entries: count))
        }
        return ListDTO(items: items)
    }
}
