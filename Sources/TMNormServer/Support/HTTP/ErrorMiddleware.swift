import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Renders every error as an RFC 9457 problem document (API) or, through `page`, as the site's HTML page.
struct AppErrorMiddleware: AsyncMiddleware {
    /// The browser's answer to an error: the site's error page or a redirect (the site owns its pages).
    let page: @Sendable (AppError, Request) async -> Response

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let appError = ErrorTranslation.appError(from: error)
            if appError.status.code >= 500 {
                // Only the type of the error: messages may quote input, which can be personal data.
                var metadata: Logger.Metadata = [
                    "error-type": .string(String(reflecting: type(of: error))), "status": .stringConvertible(appError.status.code),
                ]
                // Database result codes name the failure without quoting any data.
                if let sqlite = error as? SQLiteError {
                    metadata["sqlite-code"] = .string("\(sqlite.reason)"); metadata["sqlite-message"] = .string(sqlite.message)
                }
                if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] { metadata["sqlstate"] = .string(state) }
                req.logger.error("unhandled error", metadata: metadata)
            }
            return Self.wantsJSON(req) ? problem(appError, req) : await page(appError, req)
        }
    }

    static func wantsJSON(_ req: Request) -> Bool {
        if req.url.path.hasPrefix("/api/") { return true }
        let accept = req.headers.first(name: .accept) ?? ""
        return accept.contains("json") && !accept.contains("text/html")
    }

    private func problem(_ error: AppError, _ req: Request) -> Response {
        let language = req.language
        let document = ProblemDocument(
            type: "https://tmnorm.no/problems/\(error.code)",
            title: error.status.reasonPhrase,
            status: Int(error.status.code),
            detail: error.message(language),
            instance: nil,
            requestId: req.logger[metadataKey: "request-id"].map { "\($0)" },
            errors: error.fields.isEmpty ? nil : error.fields)
        let response = Response(status: error.status)
        do {
            try response.content.encode(document, as: .json)
        } catch {
            response.body = .init(string: #"{"title":"Internal Server Error","status":500}"#)
        }
        response.headers.contentType = ProblemDocument.mediaType
        if error.status == .unauthorized {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: #"Bearer realm="tmnorm""#)
        }
        if let seconds = error.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        return response
    }
}

extension Response {
    /// An HTML response with UTF-8 content type.
    static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
