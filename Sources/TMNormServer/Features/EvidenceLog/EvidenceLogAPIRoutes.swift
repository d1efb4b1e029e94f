import Foundation
import TMNormCore
import Vapor

/// The evidence log's public endpoints (no key: leaves hold ids, times and hashes, never personal data).
struct EvidenceLogAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let evidence = routes.grouped("evidence")
        evidence.get("checkpoint", use: checkpoint)
        evidence.get("key", use: key)
        evidence.get("entries", ":index", use: entry)
        evidence.get("proof", "inclusion", use: inclusion)
        evidence.get("proof", "consistency", use: consistency)
        evidence.get("bundle", use: bundle)
        evidence.get("cosignatures", use: cosignatures)
        evidence.on(.POST, "cosignatures", body: .collect(maxSize: "64kb"), use: receiveCosignature)
    }

    /// The latest signed checkpoint (one is signed now if the log has none of its current size yet).
    func checkpoint(req: Request) async throws -> Response {
        let note = try await req.application.evidenceLog.signCheckpoint(on: req.db, now: req.now)
        guard case .success(let parsed) = SignedNote.parse(Array(note.utf8)), case .success(let checkpoint) = Checkpoint.parse(parsed.text)
        else { return Self.text(note) }
        let latest = try await EvidenceCosignatures.latest(app: req.application, on: req.db)
        return Self.text(EvidenceCosignatures.cosigned(note: note, size: checkpoint.size, latest: latest))
    }

    /// `{"items": [{"witness", "size", "cosigned_at", "note"}]}`: each named witness's latest cosignature, with
    /// the checkpoint it cosigned (the log's signature and the witness's line, verifiable as one note).
    func cosignatures(req: Request) async throws -> Response {
        let latest = try await EvidenceCosignatures.latest(app: req.application, on: req.db)
        var items: [CosignatureDTO] = []
        for stored in latest {
            guard let note = try await EvidenceCosignatures.checkpoint(size: stored.size, on: req.db) else { continue }
            items.append(
                CosignatureDTO(
                    witness: stored.witnessName, size: stored.size, cosignedAt: stored.cosignedAt,
                    note: EvidenceCosignatures.cosigned(note: note, size: stored.size, latest: [stored])))
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(CosignatureListDTO(items: items))))
    }

    /// A witness delivers its cosignature: the checkpoint note as the log signed it with the witness's line
    /// added. Taken when the checkpoint is the log's and the line verifies with a configured witness key.
    func receiveCosignature(req: Request) async throws -> Response {
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        switch try await EvidenceCosignatures.receive(body, app: req.application, on: req.db, now: req.now) {
        case .success(let taken):
            return try Self.json(CosignatureReceiptDTO(witnesses: taken.names, size: taken.size))
        case .failure(.malformed):
            throw AppError.badRequest(
                Phrase(
                    nb: "Innholdet er ikke et signert kontrollpunkt (C2SP signed-note med tlog-checkpoint).",
                    en: "The body is not a signed checkpoint (a C2SP signed note holding a tlog-checkpoint)."))
        case .failure(.unknownCheckpoint):
            throw AppError.badRequest(
                Phrase(
                    nb: "Kontrollpunktet er ikke et som denne loggen har signert.",
                    en: "The checkpoint is not one this log has signed."))
        case .failure(.noKnownWitness):
            throw AppError(
                .forbidden, code: "unknown-witness",
                Phrase(
                    nb: "Ingen gyldig medsignatur fra et vitne denne installasjonen kjenner (TMNORM_EVIDENCE_WITNESSES).",
                    en: "No valid cosignature by a witness this installation knows (TMNORM_EVIDENCE_WITNESSES)."))
        }
    }

    /// The verifier key of the checkpoints.
    func key(req: Request) async throws -> Response {
        Self.text(req.application.evidenceLog.signer.verifier.encoded + "\n")
    }

    /// The leaf bytes at an index.
    func entry(req: Request) async throws -> Response {
        let head = try await EvidenceLog.head(on: req.db)
        let index = try Self.number(req.parameters.get("index"), field: "index")
        guard index < head.size, let leaf = try await EvidenceLog.leaf(at: index, on: req.db) else {
            throw Self.outOfRange("index", head.size)
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: Data(leaf)))
    }

    /// `{"index","size","hashes"}`: the inclusion proof of leaf `index` in the tree of `size` leaves.
    func inclusion(req: Request) async throws -> Response {
        let query = req.queryString
        let index = try Self.number(query["index"], field: "index")
        let size = try Self.number(query["size"], field: "size")
        let head = try await EvidenceLog.head(on: req.db)
        guard size <= head.size else { throw Self.outOfRange("size", head.size) }
        guard index < size else {
            throw AppError.badRequest(Phrase(nb: "index må være mindre enn size.", en: "index must be below size."))
        }
        guard let hashes = try await EvidenceLog.inclusionProof(index: index, size: size, on: req.db) else {
            throw Abort(.internalServerError, reason: "a stored hash of the evidence log is missing")
        }
        return try Self.json(InclusionProofDTO(index: index, size: size, hashes: hashes.map { Base64.encode($0) }))
    }

    /// `{"from","to","hashes"}`: the consistency proof between two sizes.
    func consistency(req: Request) async throws -> Response {
        let query = req.queryString
        let from = try Self.number(query["from"], field: "from")
        let to = try Self.number(query["to"], field: "to")
        let head = try await EvidenceLog.head(on: req.db)
        guard to <= head.size else { throw Self.outOfRange("to", head.size) }
        guard from <= to else {
            throw AppError.badRequest(Phrase(nb: "from kan ikke være større enn to.", en: "from must not be above to."))
        }
        guard let hashes = try await EvidenceLog.consistencyProof(from: from, to: to, on: req.db) else {
            throw Abort(.internalServerError, reason: "a stored hash of the evidence log is missing")
        }
        return try Self.json(ConsistencyProofDTO(from: from, to: to, hashes: hashes.map { Base64.encode($0) }))
    }

    /// A receipt anyone can check offline: the leaf, its index, its inclusion proof and the latest checkpoint
    /// (`tmnorm evidence verify-proof`). A leaf not yet under a checkpoint gets one signed now.
    func bundle(req: Request) async throws -> Response {
        let index = try Self.number(req.queryString["index"], field: "index")
        let head = try await EvidenceLog.head(on: req.db)
        guard index < head.size else { throw Self.outOfRange("index", head.size) }
        let response = Self.text(try await EvidenceLog.bundle(index: index, app: req.application, on: req.db, now: req.now))
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"evidence-\(index).proof\"")
        return response
    }

    // MARK: Helpers

    /// A decimal number of at most 18 ASCII digits, else 400 naming the field.
    static func number(_ raw: String?, field: String) throws -> UInt64 {
        guard let raw, let value = ASCII.integer(raw) else {
            throw AppError.badRequest(
                Phrase(nb: "\(field) må være et heltall (0 eller større).", en: "\(field) must be a whole number (0 or more)."))
        }
        return UInt64(value)
    }

    static func outOfRange(_ field: String, _ size: UInt64) -> AppError {
        AppError.badRequest(
            Phrase(
                nb: "\(field) er utenfor loggen, som har \(size) oppføringer.",
                en: "\(field) is outside the log, which has \(size) entries."))
    }

    static func text(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(value)))
    }
}

struct InclusionProofDTO: Codable {
    let index: UInt64
    let size: UInt64
    let hashes: [String]
}

struct CosignatureDTO: Codable {
    let witness: String
    let size: UInt64
    let cosignedAt: Date
    let note: String

    enum CodingKeys: String, CodingKey {
        case witness, size, note
        case cosignedAt = "cosigned_at"
    }
}

struct CosignatureListDTO: Codable {
    let items: [CosignatureDTO]
}

struct CosignatureReceiptDTO: Codable {
    let witnesses: [String]
    let size: UInt64
}

struct ConsistencyProofDTO: Codable {
    let from: UInt64
    let to: UInt64
    let hashes: [String]
}

/// OpenAPI description of the evidence log.
enum EvidenceLogAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "get", "/api/v1/evidence/checkpoint", "The latest signed checkpoint of the evidence log (C2SP tlog-checkpoint in a signed note)",
            response: ["type": "string"], authenticated: false, responseType: "text/plain", validates: false),
        APIOperation(
            "get", "/api/v1/evidence/key", "The verifier key of the checkpoints (C2SP signed-note, Ed25519)",
            response: ["type": "string"], authenticated: false, responseType: "text/plain", validates: false),
        APIOperation(
            "get", "/api/v1/evidence/entries/{index}", "The leaf at an index: canonical JSON of ids, times and hashes",
            response: ["type": "object"], authenticated: false, validates: false),
        APIOperation(
            "get", "/api/v1/evidence/proof/inclusion", "The inclusion proof of a leaf in the tree of a given size",
            response: OpenAPISchemas.ref("InclusionProof"), authenticated: false,
            query: [("index", "The leaf's index", true), ("size", "The tree size (at most the log's size)", true)], validates: false),
        APIOperation(
            "get", "/api/v1/evidence/proof/consistency", "The consistency proof between two tree sizes",
            response: OpenAPISchemas.ref("ConsistencyProof"), authenticated: false,
            query: [("from", "The older size", true), ("to", "The newer size (at most the log's size)", true)], validates: false),
        APIOperation(
            "get", "/api/v1/evidence/bundle", "A proof bundle for one leaf: leaf, index, inclusion proof and signed checkpoint",
            response: ["type": "string"], authenticated: false, responseType: "text/plain",
            query: [("index", "The leaf's index", true)], validates: false),
        APIOperation(
            "get", "/api/v1/evidence/cosignatures", "Each named witness's latest cosignature with the checkpoint it cosigned",
            response: ["type": "object"], authenticated: false, validates: false),
        APIOperation(
            "post", "/api/v1/evidence/cosignatures",
            "A witness delivers its cosignature (C2SP tlog-cosignature) of one of the log's checkpoints, as a signed note",
            request: "The checkpoint note as the log signed it, with the witness's cosignature line added", response: ["type": "object"],
            authenticated: false, requestType: "text/plain", validates: false,
            also: [.problem(400, "Not a signed checkpoint of this log"), .problem(403, "No valid cosignature by a named witness")]),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "InclusionProof",
            [
                "type": "object", "required": ["index", "size", "hashes"],
                "properties": [
                    "index": ["type": "integer", "minimum": 0], "size": ["type": "integer", "minimum": 1],
                    "hashes": ["type": "array", "items": ["type": "string", "description": "base64 SHA-256"]],
                ],
            ]
        ),
        (
            "ConsistencyProof",
            [
                "type": "object", "required": ["from", "to", "hashes"],
                "properties": [
                    "from": ["type": "integer", "minimum": 0], "to": ["type": "integer", "minimum": 0],
                    "hashes": ["type": "array", "items": ["type": "string", "description": "base64 SHA-256"]],
                ],
            ]
        ),
    ]
}
