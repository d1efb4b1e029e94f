import Vapor

/// An RFC 9457 problem document.
struct ProblemDocument: Content, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var requestId: String?
    var errors: [FieldProblem]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, instance
        case requestId = "request_id"
        case errors
    }

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json")
}
