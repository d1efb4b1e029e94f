import Vapor
import TMNormCore

/// A field that failed validation, named as the client sent it. `reason` (English) is what the API answers;
/// `message` says it in both languages for pages (`text(_:)`), so a person never reads developer English.
struct FieldProblem: Content, Equatable, Sendable {
    let field: String
    let reason: String
    /// The reason in both languages; nil for the generic reasons `FieldReasonWords` knows.
    var message: Phrase? = nil

    enum CodingKeys: String, CodingKey { case field, reason }

    init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// A problem told in both languages; the API's `reason` is the English text.
    init(field: String, _ message: Phrase) {
        self.field = field
        self.reason = message.en
        self.message = message
    }

    /// A problem with an API reason of its own (e.g. listing codes) and a message for people.
    init(field: String, reason: String, message: Phrase) {
        self.field = field
        self.reason = reason
        self.message = message
    }

    /// The problem with a typed-in phone number in both languages, or nil when it is a valid Norwegian number.
    static func phone(field: String, _ raw: String) -> FieldProblem? {
        guard case .failure(let problem) = PhoneNumber.validate(raw) else { return nil }
        return FieldProblem(field: field, Phrase(nb: problem.norwegian, en: problem.description))
    }

    /// A name's problem (`DisplayName`) in both languages.
    static func displayName(field: String, _ reason: String) -> FieldProblem {
        FieldProblem(field: field, DisplayNameWords.phrase(reason))
    }

    /// Where the problem is, for a page: "linje 3" for a file's line, else the field's name.
    func place(_ language: Language) -> String {
        guard field.hasPrefix("line ") else { return field }
        return (language == .nb ? "linje " : "line ") + field.dropFirst(5)
    }

    /// The reason in a page's language.
    func text(_ language: Language) -> String {
        message?(language) ?? FieldReasonWords.phrase(reason)(language)
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
        let english = fields.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        let norwegian = fields.map { "\($0.field): \($0.text(.nb))" }.joined(separator: "; ")
        return .init(
            .unprocessableEntity, code: "validation",
            Phrase(nb: "Ugyldige felt — \(norwegian)", en: "Invalid fields — \(english)"), fields: fields)
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
