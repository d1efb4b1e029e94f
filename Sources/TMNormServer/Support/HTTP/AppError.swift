import Vapor

/// A field that failed validation, named as the client sent it.
struct FieldProblem: Content, Equatable, Sendable {
    let field: String
    let reason: String

    init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// A typed error that knows its HTTP status and its user-facing message in both languages.
struct AppError: Error, AbortError, Sendable {
    let status: HTTPResponseStatus
    /// Stable machine code, used in the problem type URI.
    let code: String
    let message: Phrase
    let fields: [FieldProblem]
    /// Seconds for a `Retry-After` header (429 answers).
    var retryAfter: Int? = nil

    init(_ status: HTTPResponseStatus, code: String, _ message: Phrase, fields: [FieldProblem] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    var reason: String { message.en }

    static func notFound() -> AppError {
        .init(.notFound, code: "not-found", Phrase(nb: "Siden eller ressursen finnes ikke.", en: "The page or resource does not exist."))
    }

    static func forbidden() -> AppError {
        .init(.forbidden, code: "forbidden", Phrase(nb: "Du har ikke tilgang til dette.", en: "You do not have access to this."))
    }

    static func unauthorized() -> AppError {
        .init(
            .unauthorized, code: "unauthorized",
            Phrase(nb: "Du må logge inn eller oppgi en gyldig API-nøkkel.", en: "Log in or send a valid API key."))
    }

    static func invalid(_ fields: [FieldProblem]) -> AppError {
        let list = fields.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        return .init(
            .unprocessableEntity, code: "validation",
            Phrase(nb: "Ugyldige felt — \(list)", en: "Invalid fields — \(list)"), fields: fields)
    }

    static func badRequest(_ message: Phrase) -> AppError {
        .init(.badRequest, code: "bad-request", message)
    }

    static func conflict(_ message: Phrase) -> AppError {
        .init(.conflict, code: "conflict", message)
    }

    static let csrf = AppError(
        .forbidden, code: "csrf",
        Phrase(
            nb: "Skjemaet var utløpt eller ugyldig. Last siden på nytt og prøv igjen.",
            en: "The form had expired or was invalid. Reload the page and try again."))
}
