import TMNormCore
import Vapor

/// What every page needs besides its own model: language, who is logged in, the CSRF token.
struct PageContext: Sendable {
    let language: Language
    let user: CurrentUser?
    let csrf: String
    /// The current path, for the language switch.
    let path: String
    /// A form on this page the server refused: drawn again with what was typed and the messages.
    var form: FormState? = nil

    init(language: Language, user: CurrentUser?, csrf: String, path: String, form: FormState? = nil) {
        self.language = language
        self.user = user
        self.csrf = csrf
        self.path = path
        self.form = form
    }

    /// Translates a phrase into the page's language.
    func t(_ phrase: Phrase) -> String { phrase(language) }
}

extension Request {
    /// The page context for views rendered for this request.
    var pageContext: PageContext {
        PageContext(language: language, user: auth.get(CurrentUser.self), csrf: csrfToken, path: url.path, form: storage[FormStateKey.self])
    }
}

/// Where `ErrorPage` leaves a refused form's state for the page drawn again.
struct FormStateKey: StorageKey { typealias Value = FormState }
