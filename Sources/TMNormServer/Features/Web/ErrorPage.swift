import Vapor

/// How the site answers a browser's failed request; `AppErrorMiddleware` calls it for every non-API error.
enum ErrorPage {
    /// A signed-out visitor asking for a page is sent to log in and back; anything else gets the error page.
    @Sendable
    static func response(_ error: AppError, _ req: Request) async -> Response {
        if error.status == .unauthorized && req.method == .GET {
            return req.redirect(to: .login, query: ["next": req.url.path])
        }
        if let again = await formPageAgain(error, req) { return again }
        let context = req.pageContext
        let title = ErrorPageView.title(error.status)
        let html = ErrorPageView.render(error: error, title: context.t(title), context: context)
        let response = Response.html(html, status: error.status)
        if let seconds = error.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        return response
    }
}

extension ErrorPage {
    /// The hidden field `Form.post` adds: the page the form is on, so a refused form can be drawn again there.
    static let pageField = "_page"

    /// A refused form (400, 409, 422 to a browser's POST) comes back as the page it was on, drawn again as a
    /// GET with what was typed kept, the messages next to the fields and a summary above: never a dead end.
    /// The page is the form's `_page` field, else the same-origin `Referer`, else the nearest page to the POST's path.
    static func formPageAgain(_ error: AppError, _ req: Request) async -> Response? {
        guard req.method == .POST, [400, 409, 422].contains(error.status.code), req.storage[FormStateKey.self] == nil else { return nil }
        let posted = req.headers.contentType == .urlEncodedForm ? req.body.string.map(FormState.decodeForm) ?? [:] : [:]
        let candidates = [posted[pageField]?.first, refererPath(req), SiteRoute.Pattern.nearestPage(to: req.url.path)].compactMap { $0 }.filter(
            isLocalPage)
        guard let page = candidates.first else { return nil }
        var headers = req.headers
        for name in ["content-type", "content-length", "transfer-encoding"] { headers.remove(name: name) }
        let again = Request(
            application: req.application, method: .GET, url: URI(string: page), version: req.version, headers: headers,
            remoteAddress: req.remoteAddress, logger: req.logger, on: req.eventLoop)
        // The messages in the language the page is drawn in (its `?lang=`, the cookie, the browser's).
        let language = again.language
        var errors: [String: String] = [:]
        for problem in error.fields where errors[problem.field] == nil { errors[problem.field] = problem.text(language) }
        let summary =
            error.fields.isEmpty
            ? error.message(language)
            : Phrase(
                nb: "Skjemaet ble ikke sendt. Rett opp det som er merket og prøv igjen.",
                en: "The form was not sent. Correct what is marked and try again.")(language)
        var values = posted
        values[pageField] = nil
        again.storage[FormStateKey.self] = FormState(action: req.url.path, values: values, errors: errors, summary: summary)
        guard let response = try? await req.application.responder.respond(to: again).get(), response.status == .ok else { return nil }
        response.status = error.status
        return response
    }

    /// The path of a same-origin `Referer` (the site sends `Referrer-Policy: same-origin`).
    private static func refererPath(_ req: Request) -> String? {
        guard let referer = req.headers.first(name: .referer), let url = URL(string: referer) else { return nil }
        if let host = url.host {
            // Only this site's own pages: the Referer's host must be the host the request came to.
            guard let own = req.headers.first(name: .host), own.split(separator: ":").first.map(String.init) == host else { return nil }
        }
        let path = url.path.isEmpty ? "/" : url.path
        return url.query.map { path + "?" + $0 } ?? path
    }

    /// A path on this site that shows a page: not the API, not protocol-relative.
    private static func isLocalPage(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.hasPrefix("/api/") && !path.contains("\\")
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
                el("ul") { for field in error.fields { el("li") { "\(field.field): \(field.text(context.language))" } } }
            }
            el("p") {
                el("a", .href(SiteRoute.home.path)) { context.t(Phrase(nb: "Til forsiden", en: "Go to the front page")) }
            }
        }
    }
}
