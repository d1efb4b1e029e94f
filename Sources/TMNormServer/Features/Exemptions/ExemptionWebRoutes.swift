import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/exemptions`: a client's existing customers (CSV import per category) and explicit consents.
struct ExemptionWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.exemptions, use: page)
        routes.upload(.exemptionCustomers, maxSize: "20mb", use: importCustomers)
        routes.post(.exemptionConsents, use: addConsent)
    }

    private func principal(_ req: Request) throws -> RequestPrincipal {
        let user = try req.requireUser()
        guard user.role == .callCentreAdmin || user.role == .clientUser else { throw AppError.forbidden() }
        return try req.requirePrincipal()
    }

    private func model(_ principal: RequestPrincipal, now: Date, on db: any Database, message: Phrase? = nil, problems: [FieldProblem] = [])
        async throws -> ExemptionsView.Model
    {
        let clients = try await ExemptionService.clients(principal, now: now, on: db)
        var summary: [(String, String, Int)] = []
        var consents: [(String, Int)] = []
        for client in clients {
            let customers = try await CustomerModel.query(on: db).filter(\.$client.$id == client.requireID()).all()
            for (category, rows) in Dictionary(grouping: customers, by: \.category).sorted(by: { $0.key < $1.key }) {
                summary.append((client.name, category, rows.count))
            }
            consents.append((client.name, try await ConsentModel.query(on: db).filter(\.$business.$id == client.requireID()).count()))
        }
        return ExemptionsView.Model(
            clients: try clients.map(OrganisationRow.init), customers: summary, consents: consents, message: message, problems: problems)
    }

    func page(req: Request) async throws -> Response {
        .html(ExemptionsView.render(try await model(try principal(req), now: req.now, on: req.db), context: req.pageContext))
    }

    struct CustomersInput: Content {
        var file: File?
        var client_id: String?
        var category: String?
    }

    func importCustomers(req: Request) async throws -> Response {
        let principal = try principal(req)
        let input = try req.content.decode(CustomersInput.self)
        let client = try await ExemptionService.client(input.client_id, principal, now: req.now, on: req.db)
        guard let file = input.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([
                .init(
                    field: "file",
                    Phrase(
                        nb: "velg kundelisten (CSV, ett nummer per linje eller en kolonne «telefon»)",
                        en: "choose the customer list (CSV, one number per line or a telefon column)"))
            ])
        }
        let bytes = Data(buffer: file.data)
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes, as: UTF8.self)
        let outcome = try await ExemptionService.addCustomers(
            NumberListUpload.numbers(fromCSV: text), category: input.category, client: client, now: req.now,
            lookup: req.application.exemptionLookup, on: req.db)
        let message = Phrase(
            nb: "Kunder lagt til: \(outcome.added). Fantes fra før: \(outcome.alreadyBlocked). Avvist: \(outcome.problems.count).",
            en: "Customers added: \(outcome.added). Already recorded: \(outcome.alreadyBlocked). Rejected: \(outcome.problems.count).")
        return .html(
            ExemptionsView.render(
                try await model(principal, now: req.now, on: req.db, message: message, problems: outcome.problems), context: req.pageContext))
    }

    struct ConsentInput: Content {
        var phone: String?
        var given_on: String?
        var source: String?
        var client_id: String?
    }

    func addConsent(req: Request) async throws -> Response {
        let principal = try principal(req)
        let input = try req.content.decode(ConsentInput.self)
        var givenAt = req.now
        if let day = input.given_on, !day.isEmpty {
            guard let date = try? LocalDate(parsing: day), let instant = try? OsloTime.parseTimestamp(date.iso8601 + "T12:00:00") else {
                throw AppError.invalid([.init(field: "given_on", Phrase(nb: "må være en dato (dd.mm.åååå)", en: "must be a date YYYY-MM-DD"))])
            }
            givenAt = min(instant, req.now)
        }
        _ = try await ExemptionService.addConsent(
            phone: input.phone, givenAt: givenAt, source: input.source, businesses: input.client_id.map { [$0] } ?? [],
            principal: principal, now: req.now, lookup: req.application.exemptionLookup, on: req.db)
        return .html(
            ExemptionsView.render(
                try await model(
                    principal, now: req.now, on: req.db, message: Phrase(nb: "Samtykket er registrert.", en: "The consent has been recorded.")),
                context: req.pageContext), status: .created)
    }
}
