import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/api/v1/customers` and `/api/v1/consents`: exemptions from the register, recorded by machine clients.
struct ExemptionAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("customers", use: addCustomers)
        routes.post("consents", use: addConsent)
    }

    struct CustomersInput: Content {
        var client: String?
        var category: String?
        var phones: [String]?
    }

    struct CustomersOutput: Content {
        let added: Int
        let already_recorded: Int
        let errors: [FieldProblem]
    }

    func addCustomers(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(CustomersInput.self)
        guard let phones = input.phones, !phones.isEmpty, phones.count <= 10_000 else {
            throw AppError.invalid([
                .init(field: "phones", Phrase(nb: "må fylles ut: 1–10000 telefonnumre", en: "is required: 1–10000 phone numbers"))
            ])
        }
        let client = try await ExemptionService.client(input.client, principal, now: req.now, on: req.db)
        let outcome = try await ExemptionService.addCustomers(
            phones.enumerated().map { ("phones[\($0.offset)]", $0.element) }, category: input.category, client: client, now: req.now,
            lookup: req.application.exemptionLookup, on: req.db)
        return try await CustomersOutput(added: outcome.added, already_recorded: outcome.alreadyBlocked, errors: outcome.problems)
            .encodeResponse(status: outcome.added > 0 ? .created : .ok, for: req)
    }

    struct ConsentInput: Content {
        var phone: String?
        var given_at: String?
        var source: String?
        var business: String?
        var businesses: [String]?
    }

    struct ConsentOutput: Content {
        let id: UUID
        let business: String
        let given_at: Date
    }

    func addConsent(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(ConsentInput.self)
        let businesses = (input.businesses ?? []) + (input.business.map { [$0] } ?? [])
        let givenAt = try TimestampInput.instant(input.given_at, field: "given_at", now: req.now)
        let consent = try await ExemptionService.addConsent(
            phone: input.phone, givenAt: givenAt, source: input.source, businesses: businesses, principal: principal, now: req.now,
            lookup: req.application.exemptionLookup, on: req.db)
        let business = try await consent.$business.get(on: req.db)
        return try await ConsentOutput(id: try consent.requireID(), business: business.orgnr, given_at: consent.givenAt).encodeResponse(
            status: .created, for: req)
    }
}

/// OpenAPI description of the exemption routes.
enum ExemptionAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "post", "/api/v1/customers", "Record a client's existing customers of a product category (exempt from the register for that category)",
            request: "CustomersInput",
            response: [
                "type": "object", "properties": ["added": ["type": "integer"], "already_recorded": ["type": "integer"], "errors": ["type": "array"]],
            ], status: 201,
            also: [.success(200, "Nothing recorded: every number was already recorded or invalid")]),
        APIOperation(
            "post", "/api/v1/consents", "Record a consumer's explicit request to be called by one named business",
            request: "ConsentInput",
            response: [
                "type": "object",
                "properties": ["id": OpenAPISchemas.uuid, "business": ["type": "string"], "given_at": ["type": "string", "format": "date-time"]],
            ], status: 201),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "CustomersInput",
            [
                "type": "object", "required": ["category", "phones"],
                "properties": [
                    "client": ["type": "string", "description": "the client's organisation number (a call centre's key must name one)"],
                    "category": ["type": "string"], "phones": ["type": "array", "maxItems": 10000, "items": ["type": "string"]],
                ],
            ]
        ),
        (
            "ConsentInput",
            [
                "type": "object", "required": ["phone", "given_at", "source"],
                "properties": [
                    "phone": ["type": "string"], "given_at": ["type": "string", "format": "date-time"],
                    "source": ["type": "string", "maxLength": 300],
                    "business": ["type": "string", "description": "organisation number of the one business consented to"],
                    "businesses": [
                        "type": "array", "items": ["type": "string"],
                        "description": "more than one is refused: consent for several businesses at once is not valid",
                    ],
                ],
            ]
        ),
    ]
}
