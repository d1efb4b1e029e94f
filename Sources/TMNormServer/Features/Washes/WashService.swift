import Fluent
import Foundation
import TMNormCore
import TMNormIO
import Vapor

/// Runs a wash for a call centre (optionally on a client's behalf), stores both outputs and the certificate.
enum WashService {
    struct Job: Sendable {
        let listPath: String
        let fileName: String
        let callCentreID: UUID
        let clientID: UUID?
        let category: String?
        let voluntary: Bool
        let phoneColumn: String?
        let washedBy: String
        /// The language of the rejected file's `reason_text` column.
        var language: Language = .nb
    }

    static let freshnessRule = WashFreshnessRule.sameCalendarMonth

    static func run(_ request: Job, app: Application) async throws -> WashRecordModel {
        let db = app.db
        guard let callCentre = try await OrganisationModel.find(request.callCentreID, on: db), callCentre.kind == .callCentre else {
            throw AppError.forbidden()
        }
        var client: OrganisationModel?
        if let clientID = request.clientID {
            // Only a client the call centre works for: its block list binds the call centre.
            let engaged = try await Engagements.active(
                callCentre: request.callCentreID, client: clientID, on: Engagements.day(app.clock.now()), db: db)
            guard engaged != nil, let found = try await OrganisationModel.find(clientID, on: db) else {
                throw AppError.invalid([
                    .init(
                        field: "client",
                        Phrase(nb: "er ikke en oppdragsgiver dette callsenteret jobber for", en: "is not a client this call centre works for"))
                ])
            }
            client = found
        }
        guard let registerModel = try await RegisterSelection.activeModel(for: request.callCentreID, on: db) else {
            throw AppError(
                .conflict, code: "no-register",
                Phrase(
                    nb: "Ingen kopi av Reservasjonsregisteret er importert ennå. Importer registeret først.",
                    en: "No copy of the reservation register has been imported yet. Import the register first."))
        }
        let snapshot = try app.registerStore.snapshot(for: registerModel)
        var policy = try await WashPolicyLoader.policy(
            callCentre: callCentre, client: client, category: request.category, voluntary: request.voluntary,
            phoneColumn: request.phoneColumn, on: db)
        policy.reasonLanguage = request.language == .en ? .english : .norwegian
        let id = UUID()
        let directory = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("washes").appendingPathComponent(
            id.uuidString.lowercased())
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let washer = Washer(register: snapshot, policy: policy, memory: HugePageAllocator())
        let summary: WashSummary
        do {
            summary = try await app.threadPool.runIfActive {
                try washer.washFile(
                    at: request.listPath, callableTo: directory.appendingPathComponent("callable.csv").path,
                    rejectedTo: directory.appendingPathComponent("rejected.csv").path,
                    callableKeysTo: directory.appendingPathComponent(WashCallableIndex.fileName).path)
            }
        } catch let error as WashError {
            try? FileManager.default.removeItem(at: directory)
            throw problem(error)
        }
        let now = app.clock.now()
        let certificate = WashCertificate.issue(summary: summary, washedAt: now, washedBy: request.washedBy, rule: freshnessRule)
        let record = WashRecordModel()
        record.id = id
        record.$organisation.id = request.callCentreID
        record.$client.id = request.clientID
        record.fileName = String(request.fileName.suffix(200))
        record.listSHA256 = summary.listSHA256
        record.registerSnapshotID = try registerModel.requireID()
        record.rows = summary.rows
        record.callable = summary.callable
        record.rejected = summary.rejected
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        record.certificateJSON = String(decoding: try encoder.encode(certificate), as: UTF8.self)
        record.washedAt = now
        record.washedBy = request.washedBy
        record.validUntil = certificate.validUntil
        record.storageDirectory = directory.path
        // The certificate and its evidence-log leaf commit together (docs/evidence-log.md).
        let leaf = EvidenceLeaf.washCertificate(wash: id, certificate: certificate, storedJSON: record.certificateJSON)
        try await db.writeTransaction { db in
            try await record.create(on: db)
            try await EvidenceLog.enqueue(
                [EvidenceLogItem(leaf: leaf, subjectKind: "wash", subjectID: id, subjectSequence: nil)], at: now, on: EvidenceLog.sql(db))
        }
        return record
    }

    static func certificate(of record: WashRecordModel) -> WashCertificate? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(WashCertificate.self, from: Data(record.certificateJSON.utf8))
    }

    /// A wash of the principal's own organisation, or 404.
    static func find(_ id: UUID, organisationID: UUID, on db: any Database) async throws -> WashRecordModel {
        guard
            let record = try await WashRecordModel.query(on: db)
                .filter(\.$id == id).filter(\.$organisation.$id == organisationID).first()
        else { throw AppError.notFound() }
        return record
    }

    /// A list that could not be washed, told as people using the form or the API can act on it: a phone-column
    /// problem belongs to the `phone_column` field; anything else names what is wrong with the file.
    static func problem(_ error: WashError) -> AppError {
        func names(_ list: [String]) -> String { list.map { "«\($0)»" }.joined(separator: ", ") }
        switch error {
        case .noPhoneColumn(let header):
            return .invalid([
                FieldProblem(
                    field: "phone_column", reason: error.description,
                    message: Phrase(
                        nb: "fant ingen telefonkolonne blant \(names(header)): skriv her hvilken kolonne som har telefonnumrene (navn eller nummer)",
                        en: "no phone column among \(names(header)): write here which column holds the phone numbers (name or number)"))
            ])
        case .ambiguousPhoneColumn(let candidates):
            return .invalid([
                FieldProblem(
                    field: "phone_column", reason: error.description,
                    message: Phrase(
                        nb: "flere kolonner ser ut som telefonnumre (\(names(candidates))): skriv her hvilken som skal brukes",
                        en: "several columns look like phone numbers (\(names(candidates))): write here which one to use"))
            ])
        case .phoneColumnNotFound(let wanted, let header):
            return .invalid([
                FieldProblem(
                    field: "phone_column", reason: error.description,
                    message: Phrase(
                        nb: "fila har ingen kolonne «\(wanted)»; kolonnene er \(names(header))",
                        en: "the file has no column '\(wanted)'; its columns are \(names(header))"))
            ])
        default:
            return AppError(
                .unprocessableEntity, code: "wash-input",
                Phrase(nb: "Listen kunne ikke vaskes: \(error.norwegian)", en: "The list could not be washed: \(error.description)"))
        }
    }
}
