/// An answer an operation gives besides its success status and the errors every operation shares.
struct APIResponse: Sendable {
    let status: Int
    let description: String
    /// True when the body is the success body (e.g. 200 for a replay); false for a problem document.
    let successBody: Bool

    static func success(_ status: Int, _ description: String) -> APIResponse { .init(status: status, description: description, successBody: true) }
    static func problem(_ status: Int, _ description: String) -> APIResponse { .init(status: status, description: description, successBody: false) }
}

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
    /// Header parameters: (name, description, required).
    let headers: [(String, String, Bool)]
    /// False when the handler reads no body unless one is sent.
    let requestRequired: Bool
    /// Whether the operation answers 422: by default when it takes a body, query or header parameters.
    let validates: Bool
    /// Further answers: other success statuses, conflicts, signature failures.
    let also: [APIResponse]

    init(
        _ method: String, _ path: String, _ summary: String, request: String? = nil, response: JSONValue?, status: Int = 200,
        authenticated: Bool = true, requestType: String = "application/json", responseType: String = "application/json",
        query: [(String, String, Bool)] = [], headers: [(String, String, Bool)] = [], requestRequired: Bool = true,
        validates: Bool? = nil, also: [APIResponse] = []
    ) {
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
        self.headers = headers
        self.requestRequired = requestRequired
        self.validates = validates ?? (request != nil || !query.isEmpty || !headers.isEmpty)
        self.also = also
    }
}
