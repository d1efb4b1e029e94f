import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Renders every error as an RFC 9457 problem document (API) or an HTML page in the user's language.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let appError = ErrorTranslation.appError(from: error)
            if appError.status.code >= 500 {
                // Only the type of the error: messages may quote input, which can be personal data.
                var metadata: Logger.Metadata = ["error-type": .string(String(reflecting: type(of: error))), "status": .stringConvertible(appError.status.code)]
                // Database result codes name the failure without quoting any data.
                if let sqlite = error as? SQLiteError { metadata["sqlite-code"] = .string("\(sqlite.reason)"); metadata["sqlite-message"] = .string(sqlite.message) }
                if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] { metadata["sqlstate"] = .string(state) }
                req.logger.error("unhandled error", metadata: metadata)
            }
            return Self.wantsJSON(req) ? problem(appError, req) : page(appError, req)
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

    private func page(_ error: AppError, _ req: Request) -> Response {
        if error.status == .unauthorized && req.method == .GET {
            return req.redirect(to: SiteRoute.login.path + "?next=" + (req.url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"), redirectType: .normal)
        }
        let context = req.pageContext
        let title = ErrorPageView.title(error.status)
        let html = ErrorPageView.render(error: error, title: context.t(title), context: context)
        let response = Response.html(html, status: error.status)
        if let seconds = error.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        return response
    }
}

/// The error page body.
enum ErrorPageView {
    static func title(_ status: HTTPResponseStatus) -> Phrase {
        switch status.code {
        case 403: Phrase(nb: "Ingen tilgang", en: "Access denied")
        case 404: Phrase(nb: "Fant ikke siden", en: "Page not found")
        case 410: Phrase(nb: "Ikke lenger tilgjengelig", en: "No longer available")
        case 500...: Phrase(nb: "Feil hos oss", en: "Server error")
        default: Phrase(nb: "Noe var galt med forespørselen", en: "Something was wrong with the request")
        }
    }

    static func render(error: AppError, title: String, context: PageContext) -> String {
        Layout.page(title: title, context: context) {
            el("p", .class("alert")) { context.t(error.message) }
            if !error.fields.isEmpty {
                el("ul") { for field in error.fields { el("li") { "\(field.field): \(field.reason)" } } }
            }
            el("p") {
                el("a", .href(SiteRoute.home.path)) { context.t(Phrase(nb: "Til forsiden", en: "Go to the front page")) }
            }
        }
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

extension Request {
    /// The page context for views rendered for this request.
    var pageContext: PageContext {
        PageContext(language: language, user: auth.get(CurrentUser.self), csrf: csrfToken, path: url.path)
    }
}
