import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Languages and error pages")
struct LanguageAndErrorPageTests {
    @Test("pages are in Norwegian bokmål by default")
    func bokmalDefault() async throws {
        try await withTestApp { app in
            let response = try await app.get("/login", as: .anonymous)
            #expect(response.text.contains("<html lang=\"nb\">"))
            #expect(response.text.contains("Passord"))
        }
    }

    @Test("Accept-Language: en gives English; an explicit ?lang=nb wins and is remembered")
    func english() async throws {
        try await withTestApp { app in
            var headers = HTTPHeaders()
            headers.add(name: .acceptLanguage, value: "en-GB,en;q=0.9")
            let english = try await app.get("/login", as: .anonymous, headers: headers)
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Password"))
            let switched = try await app.get("/login?lang=nb", as: .anonymous, headers: headers)
            #expect(switched.text.contains("<html lang=\"nb\">"))
            #expect(switched.cookie(Language.cookieName) == "nb")
        }
    }

    @Test("Accept-Language ranking honours quality values")
    func ranking() {
        #expect(Language.fromAcceptLanguage("en;q=0.5, nb;q=0.9") == .nb)
        #expect(Language.fromAcceptLanguage("de, en;q=0.8") == .en)
        #expect(Language.fromAcceptLanguage("no") == .nb)
        #expect(Language.fromAcceptLanguage(nil) == .nb)
        #expect(Language.fromAcceptLanguage("fr") == .nb)
    }

    @Test("404 and 403 pages exist in both languages")
    func errorPages() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let notFound = try await app.get("/no-such-page", as: .anonymous)
            #expect(notFound.status == .notFound)
            #expect(notFound.text.contains("Fant ikke siden"))
            var english = HTTPHeaders()
            english.add(name: .acceptLanguage, value: "en")
            let notFoundEnglish = try await app.get("/no-such-page", as: .anonymous, headers: english)
            #expect(notFoundEnglish.text.contains("Page not found"))
            let forbidden = try await app.get("/users", as: world.browser(.agent))
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.text.contains("Ingen tilgang"))
            let forbiddenEnglish = try await app.get("/users", as: world.browser(.agent), headers: english)
            #expect(forbiddenEnglish.text.contains("Access denied"))
        }
    }

    @Test("the 500 page says it in both languages without leaking details")
    func serverErrorPage() {
        let error = ErrorTranslation.appError(from: CancellationError())
        #expect(error.status == .internalServerError)
        let context = PageContext(language: .en, user: nil, csrf: "x", path: "/")
        let html = ErrorPageView.render(error: error, title: context.t(ErrorPageView.title(error.status)), context: context)
        #expect(html.contains("Server error"))
        #expect(html.contains("Something went wrong on our side"))
        let norwegian = ErrorPageView.render(
            error: error, title: ErrorPageView.title(error.status).nb, context: PageContext(language: .nb, user: nil, csrf: "x", path: "/"))
        #expect(norwegian.contains("Feil hos oss"))
    }

    @Test("every role's dashboard renders")
    func dashboards() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for role in Role.allCases {
                let response = try await app.get("/dashboard", as: world.browser(role))
                #expect(response.status == .ok, "role \(role)")
                #expect(response.text.contains("Oversikt"))
            }
        }
    }

    @Test("text is escaped in views, so names cannot inject markup")
    func escaping() {
        let html = Node.element("p", [], [.text("<script>alert('x')</script> & \"q\"")]).render()
        #expect(html == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>")
    }
}
