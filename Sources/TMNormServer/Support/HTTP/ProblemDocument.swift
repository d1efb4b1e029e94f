import Vapor

/// An RFC 9457 problem document.
public struct ProblemDocument: Content, Sendable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var instance: String?
    public var requestId: String?
    public var errors: [FieldProblem]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, instance
        case requestId = "request_id"
        case errors
    }

    public static let mediaType = HTTPMediaType(type: "application", subType: "problem+json")
}
