import Vapor

/// Turns any thrown error into an `AppError`, so every error response has one shape.
enum ErrorTranslation {
    static func appError(from error: any Error) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as DecodingError:
            return decoding(error)
        case let error as any AbortError:
            return abort(error)
        default:
            return AppError(
                .internalServerError, code: "internal",
                Phrase(nb: "Noe gikk galt hos oss. Feilen er logget.", en: "Something went wrong on our side. The error has been logged."))
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        let path = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        return path.isEmpty ? "body" : path
    }

    private static func decoding(_ error: DecodingError) -> AppError {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalid([FieldProblem(field: field, Phrase(nb: "må fylles ut", en: "is required"))])
        case .valueNotFound(_, let context):
            return .invalid([FieldProblem(field: path(context.codingPath), reason: "must not be null")])
        case .typeMismatch(let type, let context):
            return .invalid([FieldProblem(field: path(context.codingPath), reason: "must be \(describe(type))")])
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .badRequest(
                    Phrase(
                        nb: "Innholdet kunne ikke leses: \(context.debugDescription)", en: "The body could not be read: \(context.debugDescription)"))
            }
            return .invalid([FieldProblem(field: path(context.codingPath), reason: context.debugDescription)])
        @unknown default:
            return .badRequest(Phrase(nb: "Innholdet kunne ikke leses.", en: "The body could not be read."))
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of type \(type)"
        }
    }

    private static func abort(_ error: any AbortError) -> AppError {
        switch error.status {
        case .notFound: return .notFound()
        case .unauthorized: return .unauthorized()
        case .forbidden: return .forbidden()
        case .payloadTooLarge:
            return AppError(.payloadTooLarge, code: "too-large", Phrase(nb: "Innholdet er for stort.", en: "The body is too large."))
        case .unsupportedMediaType:
            return AppError(
                .unsupportedMediaType, code: "unsupported-media-type",
                Phrase(
                    nb: "Innholdstypen støttes ikke. Send application/json eller et skjema.",
                    en: "Unsupported content type. Send application/json or a form."))
        case .methodNotAllowed:
            return AppError(.methodNotAllowed, code: "method-not-allowed", Phrase(nb: "Metoden er ikke tillatt her.", en: "Method not allowed here."))
        default:
            let status = error.status
            let reason = error.reason
            let code = status.code >= 500 ? "internal" : "http-\(status.code)"
            return AppError(status, code: code, Phrase(nb: reason, en: reason))
        }
    }
}
