import Fluent
import Foundation
import TMNormCore
import Vapor

/// `POST /api/v1/complaints` (the consumer authority forwards a complaint) and `GET /api/v1/complaints/{id}`.
struct ComplaintAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("complaints", use: create)
        routes.get("complaints", ":id", use: show)
        routes.get("complaints", "export", use: ComplaintPublication.export)
    }

    struct ContactInput: Content {
        var name: String?
        var email: String?
        var phone: String?
    }

    struct CreateInput: Content {
        var business_orgnr: String?
        var business_name: String?
        var number: String?
        var called_at: String?
        var reasons: [String]?
        var offer_code: String?
        var text: String?
        var contact: ContactInput?
    }

    /// A case as the API shows it. The consumer's contact details are not in it.
    struct ComplaintDTO: Content {
        let id: UUID
        let reference: String
        let state: String
        let business: BusinessDTO
        let called_at: Date
        let reasons: [String]
        let facts: ComplaintFacts
        let created_at: Date

        struct BusinessDTO: Content {
            let orgnr: String?
            let name: String?
            let registered: Bool
        }

        init(_ model: ComplaintModel) throws {
            id = try model.requireID()
            reference = model.reference
            state = model.stateRaw
            business = BusinessDTO(orgnr: model.businessOrgnr, name: model.businessName, registered: model.businessID != nil)
            called_at = model.calledAt
            reasons = model.reasonList.map(\.rawValue)
            facts = try model.facts()
            created_at = model.createdAt
        }
    }

    func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        // The consumer authority forwards complaints; everyone else uses the public form.
        guard AccessPolicy.canForwardComplaints(principal.actor) else { throw AppError.forbidden() }
        let input = try req.content.decode(CreateInput.self)
        let calledAt = try input.called_at.map { try TimestampInput.instant($0, field: "called_at", now: req.now) }
        let draft = ComplaintDraft(
            businessOrgnr: input.business_orgnr, businessName: input.business_name, number: input.number, calledAt: calledAt,
            reasons: input.reasons ?? [], offerCode: input.offer_code, text: input.text, contactName: input.contact?.name,
            contactEmail: input.contact?.email, contactPhone: input.contact?.phone)
        let complaint = try await ComplaintService.intake(
            draft, source: .authority(principal.organisationID), app: req.application, on: req.db, now: req.now)
        return try await ComplaintDTO(complaint).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> ComplaintDTO {
        let principal = try req.requirePrincipal()
        guard let complaint = try await ComplaintModel.find(try req.uuidParameter(), on: req.db),
            ComplaintAccess.maySee(complaint, principal)
        else { throw AppError.notFound() }
        return try ComplaintDTO(complaint)
    }
}

/// Who may see a complaint (`AccessPolicy.complaintScope`): the authority that forwarded it, the
/// association and the board.
enum ComplaintAccess {
    static func maySee(_ complaint: ComplaintModel, _ principal: RequestPrincipal) -> Bool {
        switch AccessPolicy.complaintScope(principal.actor) {
        case .all: true
        case .forwardedByOwn: complaint.forwardedByID == principal.organisationID
        case .none: false
        }
    }
}

enum ComplaintAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "post", "/api/v1/complaints",
            "Forward a consumer's complaint (consumer authority keys only); the answer carries the facts found in the platform's records",
            request: "ComplaintInput", response: OpenAPISchemas.ref("Complaint"), status: 201),
        APIOperation(
            "get", "/api/v1/complaints/{id}", "A complaint with its state and facts (the forwarding authority, the association and the board)",
            response: OpenAPISchemas.ref("Complaint")),
        APIOperation(
            "get", "/api/v1/complaints/export",
            "The forwarded cases with state and outcome as CSV (the consumer authority: its own; the association: all)",
            response: ["type": "string"], responseType: "text/csv"),
    ]

    static let fact: JSONValue = [
        "type": "object", "required": ["value", "source", "since", "reason"],
        "properties": [
            "value": ["type": ["boolean", "null"], "description": "null when the platform's records cannot say"],
            "source": ["type": ["string", "null"], "description": "the record the value comes from"],
            "since": ["type": ["string", "null"], "format": "date-time"],
            "reason": ["type": ["string", "null"], "description": "why the value is unknown"],
        ],
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "ComplaintInput",
            [
                "type": "object", "required": ["number", "called_at", "reasons"],
                "properties": [
                    "business_orgnr": ["type": "string"], "business_name": ["type": "string", "maxLength": 200],
                    "number": ["type": "string", "description": "the Norwegian number that was called"],
                    "called_at": ["type": "string", "format": "date-time"],
                    "reasons": [
                        "type": "array", "minItems": 1,
                        "items": ["type": "string", "enum": .array(ComplaintReason.allCases.map { .string($0.rawValue) })],
                    ],
                    "offer_code": ["type": "string"], "text": ["type": "string", "maxLength": 5000],
                    "contact": [
                        "type": "object", "properties": ["name": ["type": "string"], "email": ["type": "string"], "phone": ["type": "string"]],
                    ],
                ],
            ]
        ),
        (
            "Complaint",
            [
                "type": "object", "required": ["id", "reference", "state", "business", "called_at", "reasons", "facts", "created_at"],
                "properties": [
                    "id": OpenAPISchemas.uuid, "reference": ["type": "string"],
                    "state": ["type": "string", "enum": .array(ComplaintState.allCases.map { .string($0.rawValue) })],
                    "business": [
                        "type": "object", "required": ["orgnr", "name", "registered"],
                        "properties": [
                            "orgnr": ["type": ["string", "null"]], "name": ["type": ["string", "null"]], "registered": ["type": "boolean"],
                        ],
                    ],
                    "called_at": ["type": "string", "format": "date-time"],
                    "reasons": ["type": "array", "items": ["type": "string"]],
                    "facts": [
                        "type": "object",
                        "required": [
                            "reserved_at_call", "within_calling_hours", "decision_logged", "in_valid_wash", "on_block_list", "written_acceptance",
                            "caller_id_allowed",
                        ],
                        "properties": [
                            "reserved_at_call": fact, "within_calling_hours": fact, "decision_logged": fact, "in_valid_wash": fact,
                            "on_block_list": fact, "written_acceptance": fact, "caller_id_allowed": fact,
                        ],
                    ],
                    "created_at": ["type": "string", "format": "date-time"],
                ],
            ]
        ),
    ]
}
