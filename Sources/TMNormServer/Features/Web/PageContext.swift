import TMNormCore
import Vapor

/// What every page needs besides its own model: language, who is logged in, the CSRF token.
struct PageContext: Sendable {
    let language: Language
    let user: CurrentUser?
    let csrf: String
    /// The page's path, for the language switch and the menu: the request's own path for a page, and for
    /// a form's result (a POST) the nearest page a link can open, so "English" never leads to a 404.
    let path: String
    /// A form on this page the server refused: drawn again with what was typed and the messages.
    var form: FormState? = nil
    /// The page's query without `lang` (`from=…&to=…`), kept by the language switch.
    var query = ""

    init(language: Language, user: CurrentUser?, csrf: String, path: String, form: FormState? = nil, query: String = "") {
        self.language = language
        self.user = user
        self.csrf = csrf
        self.path = path
        self.form = form
        self.query = query
    }

    /// The same page in another language: its path and query with `lang=` set.
    func languageHref(_ code: String) -> String {
        path + "?" + (query.isEmpty ? "" : query + "&") + "lang=" + code
    }

    /// Translates a phrase into the page's language.
    func t(_ phrase: Phrase) -> String { phrase(language) }
}

extension Request {
    /// The page context for views rendered for this request.
    var pageContext: PageContext {
        PageContext(
            language: language, user: auth.get(CurrentUser.self), csrf: csrfToken,
            path: isPage ? url.path : SiteRoute.Pattern.nearestPage(to: url.path), form: storage[FormStateKey.self], query: isPage ? pageQuery : "")
    }

    private var isPage: Bool { method == .GET || method == .HEAD }

    /// The query as sent, without its `lang` items.
    private var pageQuery: String {
        (url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && $0 != "lang" }.joined(separator: "&")
    }
}

extension SiteRoute.Pattern {
    /// The path itself when the site answers GET there, else its nearest parent that does
    /// (`/campaigns/ID/check` → `/campaigns/ID`, `/block-list/import` → `/block-list`).
    static func nearestPage(to path: String) -> String {
        var segments = path.split(separator: "/")
        while !segments.isEmpty {
            if allCases.contains(where: { $0.methods.contains(.GET) && $0.matches(segments) }) { return "/" + segments.joined(separator: "/") }
            segments.removeLast()
        }
        return "/"
    }

    /// Whether the path's segments fill in this pattern (a `:name` segment takes any value).
    func matches(_ segments: [Substring]) -> Bool {
        let pattern = rawValue.split(separator: "/")
        return pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }
}

/// Where `ErrorPage` leaves a refused form's state for the page drawn again.
struct FormStateKey: StorageKey { typealias Value = FormState }
