import TMNormCore
import Vapor

/// What every page needs besides its own model: language, who is logged in, the CSRF token.
struct PageContext: Sendable {
    let language: Language
    let user: CurrentUser?
    let csrf: String
    /// The current path, for the language switch.
    let path: String

    init(language: Language, user: CurrentUser?, csrf: String, path: String) {
        self.language = language
        self.user = user
        self.csrf = csrf
        self.path = path
    }

    /// Translates a phrase into the page's language.
    func t(_ phrase: Phrase) -> String { phrase(language) }
}

extension Request {
    /// The page context for views rendered for this request.
    var pageContext: PageContext {
        PageContext(language: language, user: auth.get(CurrentUser.self), csrf: csrfToken, path: url.path)
    }
}
