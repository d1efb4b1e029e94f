import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/api/v1/washes`: a call centre posts a CSV list and gets the summary and links to both results.
struct WashAPIRoutes: RouteCollection {
    /// Campaigns a wash may be made for (`?campaign=`), supplied by the campaigns feature.
    let destinations: any WashDestinations

    /// Lists larger than this go through the CLI.
    static let maxUpload = 512 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let washes = routes.grouped("washes")
        washes.on(.POST, body: .stream, use: create)
        washes.get(use: list)
        washes.get(":id", use: show)
        washes.get(":id", "callable", use: callable)
        washes.get(":id", "rejected", use: rejected)
    }

    private func callCentre(_ req: Request) throws -> RequestPrincipal {
        let principal = try req.requirePrincipal()
        guard principal.actor.organisationKind == .callCentre else { throw AppError.forbidden() }
        return principal
    }

    /// `?campaign=ID` washes for that campaign (its client, product category and voluntary flag unless given)
    /// and attaches the wash to it: may-call then answers "allowed" for the numbers that came out callable.
    func create(req: Request) async throws -> Response {
        let principal = try callCentre(req)
        var campaign: WashDestination?
        if let raw = req.query[String.self, at: "campaign"], !raw.isEmpty {
            guard let id = UUID(uuidString: raw),
                let found = try await destinations.destination(id, callCentre: principal.organisationID, on: req.db)
            else { throw AppError.notFound() }
            campaign = found
        }
        var clientID = try await WashRequestOptions.clientID(req.query[String.self, at: "client"], on: req.db)
        if let campaign {
            // The wash clears numbers for this campaign, so it is made under the campaign's own rules.
            var problems: [FieldProblem] = []
            if let clientID, clientID != campaign.clientID {
                problems.append(.init(field: "client", Phrase(nb: "er ikke kampanjens oppdragsgiver", en: "is not the campaign's client")))
            }
            if let category = req.query[String.self, at: "category"], category.lowercased() != campaign.category.lowercased() {
                problems.append(
                    .init(field: "category", Phrase(nb: "er ikke kampanjens produktkategori", en: "differs from the campaign's product category")))
            }
            if let voluntary = req.query[Bool.self, at: "voluntary"], voluntary != campaign.voluntary {
                problems.append(.init(field: "voluntary", Phrase(nb: "er ikke det samme som kampanjens", en: "differs from the campaign's")))
            }
            guard problems.isEmpty else { throw AppError.invalid(problems) }
            clientID = campaign.clientID
        }
        let upload = try await UploadSpool.spool(req, maxBytes: Self.maxUpload, app: req.application)
        defer { upload.remove() }
        let job = WashService.Job(
            listPath: upload.path, fileName: req.query[String.self, at: "name"] ?? "list.csv",
            callCentreID: principal.organisationID, clientID: clientID,
            category: req.query[String.self, at: "category"] ?? campaign?.category,
            voluntary: req.query[Bool.self, at: "voluntary"] ?? campaign?.voluntary ?? false,
            phoneColumn: req.query[String.self, at: "phone_column"], washedBy: "api-key", language: req.language)
        let record = try await WashService.run(job, app: req.application)
        if let campaign {
            try await destinations.attach(washID: try record.requireID(), to: campaign, app: req.application, on: req.db, now: req.now)
        }
        var dto = try WashDTO(record, certificate: WashService.certificate(of: record))
        dto.campaign_id = campaign?.id
        return try await dto.encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> ListDTO<WashDTO> {
        let principal = try callCentre(req)
        let records = try await WashRecordModel.query(on: req.db)
            .filter(\.$organisation.$id == principal.organisationID).sort(\.$washedAt, .descending).range(..<200).all()
        return ListDTO(items: try records.map { try WashDTO($0, certificate: WashService.certificate(of: $0)) })
    }

    func show(req: Request) async throws -> WashDTO {
        let principal = try callCentre(req)
        let record = try await WashService.find(try req.uuidParameter(), organisationID: principal.organisationID, on: req.db)
        return try WashDTO(record, certificate: WashService.certificate(of: record))
    }

    func callable(req: Request) async throws -> Response {
        try await download(req, file: "callable.csv")
    }

    func rejected(req: Request) async throws -> Response {
        try await download(req, file: "rejected.csv")
    }

    private func download(_ req: Request, file: String) async throws -> Response {
        let principal = try callCentre(req)
        let record = try await WashService.find(try req.uuidParameter(), organisationID: principal.organisationID, on: req.db)
        return try await WashDownload.response(record, file: file, on: req)
    }
}

/// Shared pieces of wash requests.
enum WashRequestOptions {
    /// The client named by organisation number (or id), when given.
    static func clientID(_ raw: String?, on db: any Database) async throws -> UUID? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        if let id = UUID(uuidString: raw) { return id }
        let number: OrganisationNumber
        do { number = try OrganisationNumber(raw) } catch {
            throw AppError.invalid([.init(field: "client", reason: error.description)])
        }
        guard let client = try await OrganisationModel.query(on: db).filter(\.$orgnr == number.digits).first() else {
            throw AppError.invalid([.init(field: "client", Phrase(nb: "er ikke en registrert organisasjon", en: "is not a registered organisation"))])
        }
        return try client.requireID()
    }
}

/// Streams a stored result file back.
enum WashDownload {
    /// A wash file as a download. The rejected rows are for people (opened in Excel), so their cells are
    /// neutralised against formulas (`CSVFormulaGuard`); the callable rows stay byte for byte, for dialers,
    /// unless `?neutralise=1` asks for the same treatment.
    static func response(_ record: WashRecordModel, file: String, on req: Request) async throws -> Response {
        let path = URL(fileURLWithPath: record.storageDirectory).appendingPathComponent(file).path
        guard FileManager.default.fileExists(atPath: path) else { throw AppError.notFound() }
        let neutralise = file == "rejected.csv" || ["1", "true", "yes"].contains(req.query[String.self, at: "neutralise"] ?? "")
        let response: Response
        if neutralise {
            response = Response(status: .ok)
            let fileio = req.fileio
            response.body = .init(
                asyncStream: { writer in
                    do {
                        let chunks = try await fileio.readFile(at: path, chunkSize: 64 << 10)
                        var guardian: CSVFormulaGuard?
                        var out: [UInt8] = []
                        for try await chunk in chunks {
                            let bytes = chunk.readableBytesView
                            if guardian == nil { guardian = CSVFormulaGuard(delimiter: CSVFormulaGuard.sniffDelimiter(bytes.prefix(64 << 10))) }
                            out.removeAll(keepingCapacity: true)
                            guardian?.feed(bytes, into: &out)
                            try await writer.writeBuffer(ByteBuffer(bytes: out))
                        }
                        try? await chunks.closeHandle()
                        try await writer.write(.end)
                    } catch {
                        try? await writer.write(.error(error))
                    }
                }, byteBufferAllocator: req.byteBufferAllocator)
        } else {
            response = try await req.fileio.asyncStreamFile(at: path)
        }
        let base = (record.fileName as NSString).deletingPathExtension
        let safe = String(
            String(
                decoding: base.utf8.map { byte in
                    (ASCII.isDigit(byte) || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x2D || byte == 0x5F) ? byte : 0x5F
                }, as: UTF8.self
            ).prefix(80))
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe)-\(file)\"")
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// A campaign a wash is made for: the rules the wash must follow.
struct WashDestination: Sendable {
    let id: UUID
    let clientID: UUID
    let category: String
    let voluntary: Bool
}

/// Where an API wash may be attached besides the call centre's list. The campaigns feature implements it
/// and the app hands it to `WashAPIRoutes`, so washing does not depend on campaigns.
protocol WashDestinations: Sendable {
    /// The call centre's own destination `id`; nil when unknown or another centre's.
    func destination(_ id: UUID, callCentre: UUID, on db: any Database) async throws -> WashDestination?
    /// Attaches a finished wash to the destination.
    func attach(washID: UUID, to destination: WashDestination, app: Application, on db: any Database, now: Date) async throws
}
