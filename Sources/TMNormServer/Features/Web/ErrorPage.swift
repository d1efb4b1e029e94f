import Vapor

/// How the site answers a browser's failed request; `AppErrorMiddleware` calls it for every non-API error.
enum ErrorPage {
    /// A signed-out visitor asking for a page is sent to log in and back; anything else gets the error page.
    @Sendable
    static func response(_ error: AppError, _ req: Request) -> Response {
        if error.status == .unauthorized && req.method == .GET {
            return req.redirect(to: .login, query: ["next": req.url.path])
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
