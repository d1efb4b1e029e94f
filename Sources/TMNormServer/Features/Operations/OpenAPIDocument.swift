/// One documented API operation.
struct APIOperation: Sendable {
    let method: String
    /// OpenAPI path template, e.g. "/api/v1/organisations/{id}".
    let path: String
    let summary: String
    let request: String?
    let response: JSONValue?
    let successStatus: Int
    let authenticated: Bool
    /// Content type of the request body (JSON unless a feature says otherwise, e.g. text/csv).
    let requestType: String
    /// Content type of the success response.
    let responseType: String
    /// Query parameters: (name, description, required).
    let query: [(String, String, Bool)]

    init(_ method: String, _ path: String, _ summary: String, request: String? = nil, response: JSONValue?, status: Int = 200,
         authenticated: Bool = true, requestType: String = "application/json", responseType: String = "application/json",
         query: [(String, String, Bool)] = []) {
        self.method = method
        self.path = path
        self.summary = summary
        self.request = request
        self.response = response
        self.successStatus = status
        self.authenticated = authenticated
        self.requestType = requestType
        self.responseType = responseType
        self.query = query
    }
}

/// The OpenAPI 3.1 description of `/api/v1`. A test fails when a registered API route is missing here.
enum OpenAPIDocument {
    /// Every feature's operations.
    static let operations: [APIOperation] = networkOperations + WashAPIDocs.operations + BlockListAPIDocs.operations + MayCallAPIDocs.operations + SaleAPIDocs.operations + ExemptionAPIDocs.operations
        + PublicRegisterAPIDocs.operations

    static let networkOperations: [APIOperation] = [
        APIOperation("get", "/api/v1/me", "The organisation the API key belongs to", response: OpenAPISchemas.ref("Me")),
        APIOperation("get", "/api/v1/organisations", "Organisations visible to the key's organisation", response: OpenAPISchemas.list(of: "Organisation")),
        APIOperation("post", "/api/v1/organisations", "Register an organisation (association keys)", request: "OrganisationInput", response: OpenAPISchemas.ref("Organisation"), status: 201),
        APIOperation("get", "/api/v1/organisations/{id}", "One organisation", response: OpenAPISchemas.ref("Organisation")),
        APIOperation("get", "/api/v1/organisations/{id}/memberships", "Memberships of an organisation", response: OpenAPISchemas.list(of: "Membership")),
        APIOperation("post", "/api/v1/organisations/{id}/memberships", "Record a membership of an association", request: "MembershipInput", response: OpenAPISchemas.ref("Membership"), status: 201),
        APIOperation("get", "/api/v1/engagements", "Engagements between call centres and clients", response: OpenAPISchemas.list(of: "Engagement")),
        APIOperation("post", "/api/v1/engagements", "Record that a call centre works for a client: pending until the client confirms when a call centre declares it; confirmed when the client or the association records it", request: "EngagementInput", response: OpenAPISchemas.ref("Engagement"), status: 201),
        APIOperation("post", "/api/v1/engagements/{id}/confirm", "The client (or the association) confirms an engagement; optionally lets the call centre record its customers and consents", request: "EngagementDecisionInput", response: OpenAPISchemas.ref("Engagement")),
        APIOperation("post", "/api/v1/engagements/{id}/decline", "The client (or the association) declines or ends an engagement", response: OpenAPISchemas.ref("Engagement")),
        APIOperation("post", "/api/v1/engagements/{id}/exemptions", "The client allows or withdraws the call centre's right to record its customers and consents", request: "EngagementDecisionInput", response: OpenAPISchemas.ref("Engagement")),
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
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let request = operation.request {
            let schema: JSONValue = operation.requestType == "application/json" ? OpenAPISchemas.ref(request) : ["type": "string", "description": .string(request)]
            pairs.append(("requestBody", ["required": true, "content": .object([(operation.requestType, JSONValue.object([("schema", schema)]))])]))
        }
        let problem: JSONValue = ["content": ["application/problem+json": ["schema": OpenAPISchemas.ref("Problem")]]]
        var responses: [(String, JSONValue)] = []
        if let response = operation.response {
            responses.append((String(operation.successStatus), ["description": "Success", "content": .object([(operation.responseType, JSONValue.object([("schema", response)]))])]))
        } else {
            responses.append((String(operation.successStatus), ["description": "Success"]))
        }
        responses.append(("400", .object([("description", "Malformed request")] + objectPairs(problem))))
        if operation.authenticated {
            responses.append(("401", .object([("description", "Missing or revoked API key")] + objectPairs(problem))))
            responses.append(("403", .object([("description", "Not allowed for this organisation")] + objectPairs(problem))))
        }
        responses.append(("404", .object([("description", "Unknown or foreign id")] + objectPairs(problem))))
        if operation.request != nil {
            responses.append(("422", .object([("description", "Invalid fields, each named")] + objectPairs(problem))))
        }
        pairs.append(("responses", .object(responses)))
        if !operation.authenticated { pairs.append(("security", [])) }
        return .object(pairs)
    }

    private static func objectPairs(_ value: JSONValue) -> [(String, JSONValue)] {
        if case .object(let pairs) = value { return pairs }
        return []
    }
}
