import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/washes`: upload a call list, see the summary and certificate, download both files.
struct WashWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.washes, use: list)
        routes.upload(.washes, maxSize: "100mb", use: create)
        routes.get(.wash, use: show)
        routes.get(.washCallable, use: callable)
        routes.get(.washRejected, use: rejected)
    }

    private func callCentreUser(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard user.organisationKind == .callCentre, user.role == .callCentreAdmin || user.role == .agent else { throw AppError.forbidden() }
        return user
    }

    private func clients(of user: CurrentUser, now: Date, on db: any Database) async throws -> [OrganisationRow] {
        try await Engagements.activeClients(of: user.organisationID, on: Engagements.day(now), db: db)
            .map { try OrganisationRow($0) }
    }

    func list(req: Request) async throws -> Response {
        let user = try callCentreUser(req)
        let records = try await WashRecordModel.query(on: req.db)
            .filter(\.$organisation.$id == user.organisationID).sort(\.$washedAt, .descending).range(..<100).all()
        let model = WashListView.Model(
            rows: try records.map {
                .init(
                    id: try $0.requireID(), fileName: $0.fileName, washedAt: $0.washedAt, rows: $0.rows, callable: $0.callable, rejected: $0.rejected,
                    validUntil: $0.validUntil)
            },
            clients: try await clients(of: user, now: req.now, on: req.db))
        return .html(WashListView.render(model, context: req.pageContext))
    }

    struct UploadInput: Content {
        var file: File?
        var client_id: String?
        var category: String?
        var voluntary: String?
        var phone_column: String?
    }

    func create(req: Request) async throws -> Response {
        let user = try callCentreUser(req)
        let input = try req.content.decode(UploadInput.self)
        guard let file = input.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([
                .init(field: "file", Phrase(nb: "velg ringelisten (CSV) som skal vaskes", en: "choose the call list (CSV) to wash"))
            ])
        }
        let upload = try await UploadSpool.save(file, on: req)
        defer { upload.remove() }
        let path = upload.path
        let clientID = try await WashRequestOptions.clientID(input.client_id, on: req.db)
        let job = WashService.Job(
            listPath: path, fileName: file.filename, callCentreID: user.organisationID, clientID: clientID,
            category: input.category, voluntary: input.voluntary == "on",
            phoneColumn: input.phone_column.flatMap { $0.isEmpty ? nil : $0 }, washedBy: user.email, language: req.language)
        let record = try await WashService.run(job, app: req.application)
        return req.redirect(to: .wash(try record.requireID()))
    }

    func show(req: Request) async throws -> Response {
        let user = try callCentreUser(req)
        let record = try await WashService.find(try req.uuidParameter(), organisationID: user.organisationID, on: req.db)
        let model = WashDetailView.Model(
            id: try record.requireID(), fileName: record.fileName, certificate: WashService.certificate(of: record),
            clientName: try await record.$client.get(on: req.db)?.name)
        return .html(WashDetailView.render(model, context: req.pageContext))
    }

    func callable(req: Request) async throws -> Response {
        let user = try callCentreUser(req)
        return try await WashDownload.response(
            try await WashService.find(try req.uuidParameter(), organisationID: user.organisationID, on: req.db), file: "callable.csv", on: req)
    }

    func rejected(req: Request) async throws -> Response {
        let user = try callCentreUser(req)
        return try await WashDownload.response(
            try await WashService.find(try req.uuidParameter(), organisationID: user.organisationID, on: req.db), file: "rejected.csv", on: req)
    }
}
