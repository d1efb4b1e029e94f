import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/washes`: upload a call list, see the summary and certificate, download both files.
struct WashWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.washes, use: list)
        routes.upload(.washes, maxSize: "100mb", use: create)
        routes.post(.washColumns, body: .collect(maxSize: "64kb"), use: columns)
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
        let query = ListQuery(req, filters: WashListView.filterNames)
        let now = req.now
        let records = try await WashRecordModel.query(on: req.db)
            .filter(\.$organisation.$id == user.organisationID).sort(\.$washedAt, .descending).range(..<5000).all()
        let rows: [WashListView.Row] = try records.map {
            .init(
                id: try $0.requireID(), fileName: $0.fileName, washedAt: $0.washedAt, rows: $0.rows, callable: $0.callable, rejected: $0.rejected,
                validUntil: $0.validUntil)
        }.filter { row in
            let valid = row.validUntil.map { $0 > now } ?? false
            let wanted = query.filter("validity").map { $0 == "valid" ? valid : !valid } ?? true
            return wanted && query.matches([row.fileName])
        }
        if query.wantsCSV {
            let table = WashListView.csv(rows, context: req.pageContext)
            return CSVExport.response(name: "vaskinger", headings: table.headings, rows: table.rows)
        }
        let model = WashListView.Model(
            rows: rows, clients: try await clients(of: user, now: req.now, on: req.db), query: query, now: now)
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

    struct ColumnsInput: Content {
        /// The file's first bytes (at most 16 KiB), base64.
        var head: String?
        var phone_column: String?
    }

    struct ColumnsAnswer: Content {
        struct Column: Content {
            let name: String
            let role: String?
            let phone: Bool
        }
        let columns: [Column]
        let summary: String
        let problem: String?
    }

    /// `POST /washes/columns`: what the wash will read from a list, from its first bytes, in the page's
    /// language, so the form can show the columns before the whole file is sent.
    func columns(req: Request) async throws -> ColumnsAnswer {
        _ = try callCentreUser(req)
        let input = try req.content.decode(ColumnsInput.self)
        guard let encoded = input.head, encoded.utf8.count <= 24_000, let head = Data(base64Encoded: encoded) else {
            throw AppError.invalid([.init(field: "file", reason: "send the first 16 KiB of the file, base64")])
        }
        let preview = WashColumnPreview.detect(head: Array(head), phoneColumn: input.phone_column)
        let language = req.language
        let summary: Phrase
        if preview.problem != nil {
            summary = Phrase(nb: "Listen kan ikke vaskes slik den er.", en: "The list cannot be washed as it is.")
        } else if preview.missingPersonRoles.isEmpty {
            summary = Phrase(
                nb: "Nummer og navn/adresse sjekkes mot Reservasjonsregisteret.", en: "Numbers and names/addresses are checked against the register.")
        } else {
            let missing = preview.missingPersonRoles.map { WashColumnText.role($0)(language) }.joined(separator: ", ")
            summary = Phrase(
                nb: "Bare nummeret sjekkes; for navn/adresse mangler: \(missing).",
                en: "Only the number is checked; for names/addresses, missing: \(missing).")
        }
        return ColumnsAnswer(
            columns: preview.columns.map { .init(name: $0.name, role: $0.role.map { WashColumnText.role($0)(language) }, phone: $0.isPhone) },
            summary: summary(language),
            problem: preview.problem.map { language == .nb ? $0.norwegian : $0.description })
    }

    func show(req: Request) async throws -> Response {
        let user = try callCentreUser(req)
        let record = try await WashService.find(try req.uuidParameter(), organisationID: user.organisationID, on: req.db)
        let model = WashDetailView.Model(
            id: try record.requireID(), fileName: record.fileName, certificate: WashService.certificate(of: record),
            clientName: try await record.$client.get(on: req.db)?.name,
            logIndex: try await EvidenceLog.leafIndexes(subject: try record.requireID(), on: req.db).values.first)
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
