import Foundation

/// The OpenAPI 3.1 description of `/api/v1`. A test fails when a registered API route is missing here.
enum OpenAPIDocument {
    /// Every feature's operations.
    static let operations: [APIOperation] =
        networkOperations + WashAPIDocs.operations + BlockListAPIDocs.operations + MayCallAPIDocs.operations + SaleAPIDocs.operations
        + ExemptionAPIDocs.operations
        + PublicRegisterAPIDocs.operations + ComplaintAPIDocs.operations + EvidenceLogAPIDocs.operations
        + EvaluationAPIDocs.operations
        + EventAPIDocs.operations
        + MeetingAPIDocs.operations

    static let networkOperations: [APIOperation] = [
        APIOperation("get", "/api/v1/me", "The organisation the API key belongs to", response: OpenAPISchemas.ref("Me")),
        APIOperation(
            "get", "/api/v1/organisations", "Organisations visible to the key's organisation", response: OpenAPISchemas.list(of: "Organisation")),
        APIOperation(
            "post", "/api/v1/organisations", "Register an organisation (association keys)", request: "OrganisationInput",
            response: OpenAPISchemas.ref("Organisation"), status: 201,
            also: [.problem(409, "The organisation number is already registered")]),
        APIOperation("get", "/api/v1/organisations/{id}", "One organisation", response: OpenAPISchemas.ref("Organisation")),
        APIOperation(
            "get", "/api/v1/organisations/{id}/memberships", "Memberships of an organisation", response: OpenAPISchemas.list(of: "Membership")),
        APIOperation(
            "post", "/api/v1/organisations/{id}/memberships", "Record a membership of an association", request: "MembershipInput",
            response: OpenAPISchemas.ref("Membership"), status: 201),
        APIOperation("get", "/api/v1/engagements", "Engagements between call centres and clients", response: OpenAPISchemas.list(of: "Engagement")),
        APIOperation(
            "post", "/api/v1/engagements",
            "Record that a call centre works for a client: pending until the client confirms when a call centre declares it; confirmed when the client or the association records it",
            request: "EngagementInput", response: OpenAPISchemas.ref("Engagement"), status: 201),
        APIOperation(
            "post", "/api/v1/engagements/{id}/confirm",
            "The client (or the association) confirms an engagement; optionally lets the call centre record its customers and consents",
            request: "EngagementDecisionInput", response: OpenAPISchemas.ref("Engagement"), requestRequired: false),
        APIOperation(
            "post", "/api/v1/engagements/{id}/decline", "The client (or the association) declines or ends an engagement",
            response: OpenAPISchemas.ref("Engagement")),
        APIOperation(
            "post", "/api/v1/engagements/{id}/exemptions",
            "The client allows or withdraws the call centre's right to record its customers and consents", request: "EngagementExemptionsInput",
            response: OpenAPISchemas.ref("Engagement"),
            also: [.problem(409, "The engagement is not confirmed")]),
    ]

    static func build(serverURL: String) -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for path in uniquePaths() {
            var methods: [(String, JSONValue)] = []
            for operation in operations where operation.path == path {
                methods.append((operation.method, describe(operation)))
            }
            paths.append((path, .object(methods)))
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "TMNorm API", "version": "1.0.0",
                "description": "The Norwegian telemarketing industry's self-regulation system. Errors are RFC 9457 problem documents.",
            ],
            "servers": [["url": .string(serverURL)]],
            "security": [["apiKey": []]],
            "paths": .object(paths),
            "components": OpenAPISchemas.components,
        ]
    }

    private static func uniquePaths() -> [String] {
        var seen = Set<String>()
        return operations.map(\.path).filter { seen.insert($0).inserted }
    }

    private static func describe(_ operation: APIOperation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("summary", .string(operation.summary))]
        var parameters = operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { segment -> JSONValue in
            ["name": .string(String(segment.dropFirst().dropLast())), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        parameters += operation.query.map { name, description, required in
            ["name": .string(name), "in": "query", "required": .bool(required), "description": .string(description), "schema": ["type": "string"]]
        }
        parameters += operation.headers.map { name, description, required in
            ["name": .string(name), "in": "header", "required": .bool(required), "description": .string(description), "schema": ["type": "string"]]
        }
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let request = operation.request {
            let schema: JSONValue =
                operation.requestType == "application/json" ? OpenAPISchemas.ref(request) : ["type": "string", "description": .string(request)]
            pairs.append(
                (
                    "requestBody",
                    [
                        "required": .bool(operation.requestRequired),
                        "content": .object([(operation.requestType, JSONValue.object([("schema", schema)]))]),
                    ]
                ))
        }
        let success: JSONValue? = operation.response.map { .object([(operation.responseType, JSONValue.object([("schema", $0)]))]) }
        var responses: [(Int, JSONValue)] = [(operation.successStatus, answer("Success", content: success))]
        func problem(_ status: Int, _ description: String) {
            responses.append((status, answer(description, content: ["application/problem+json": ["schema": OpenAPISchemas.ref("Problem")]])))
        }
        problem(400, "Malformed request")
        if operation.authenticated {
            problem(401, "Missing or revoked API key")
            problem(403, "Not allowed for this organisation")
        }
        problem(404, "Unknown or foreign id")
        if operation.request != nil {
            problem(413, "Body too large")
            problem(415, "Body missing, or not of the documented content type")
        }
        if operation.validates { problem(422, "Invalid fields, each named") }
        for extra in operation.also {
            if extra.successBody {
                responses.append((extra.status, answer(extra.description, content: success)))
            } else {
                problem(extra.status, extra.description)
            }
        }
        let sorted = responses.sorted { $0.0 < $1.0 }.map { (String($0.0), $0.1) }
        pairs.append(("responses", .object(sorted)))
        if !operation.authenticated { pairs.append(("security", [])) }
        return .object(pairs)
    }

    private static func answer(_ description: String, content: JSONValue?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("description", .string(description))]
        if let content { pairs.append(("content", content)) }
        return .object(pairs)
    }
}
