import Fluent
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Log-in, sessions and passwords")
struct LoginTests {
    @Test("a person logs in with e-mail and password, sees the dashboard, and logs out")
    func loginLogout() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            // given the log-in page (which sets the CSRF cookie)
            let page = try await app.testing().sendRequest(.GET, "/login")
            #expect(page.status == .ok)
            #expect(page.text.contains("Logg inn"))
            let csrf = try #require(page.cookie(CSRF.cookieName))
            // when the form is posted with the right password
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "\(CSRF.cookieName)=\(csrf)")
            headers.contentType = .urlEncodedForm
            let body = "email=LEDER%40alfa.test&password=\(formEncode(TestWorld.password))&_csrf=\(csrf)"
            let login = try await app.testing().sendRequest(.POST, "/login", headers: headers, body: ByteBuffer(string: body))
            // then a session cookie is set and the dashboard greets the user
            #expect(login.status == .seeOther)
            #expect(login.headers.first(name: .location) == "/dashboard")
            let token = try #require(login.cookie(SessionAuthenticator.cookieName))
            let browser = Browser(sessionToken: token)
            let dashboard = try await app.get("/dashboard", as: browser)
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("Test call_centre_admin"))
            // and only the hash of the token is stored
            let stored = try await SessionModel.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains(token))
            #expect(stored.contains(TokenGenerator.hash(token)))
            // when logging out, the session is gone
            let logout = try await app.postForm("/logout", [:], as: browser)
            #expect(logout.status == .seeOther)
            let after = try await app.get("/dashboard", as: browser)
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("a wrong password is refused with 401 and no session")
    func wrongPassword() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            let response = try await app.postForm("/login", ["email": "leder@alfa.test", "password": "wrong password!"], as: .anonymous)
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Feil e-post eller passord"))
            #expect(response.cookie(SessionAuthenticator.cookieName) == nil)
        }
    }

    @Test("a form without the CSRF token is refused and changes nothing")
    func csrfRequired() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            let response = try await app.postForm(
                "/login", ["email": "leder@alfa.test", "password": TestWorld.password], as: .anonymous, csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await SessionModel.query(on: app.db).count() == 5 + 1)
        }
    }

    @Test("an expired session is not accepted")
    func expiredSession() async throws {
        try await withTestApp(clock: AppClock { testNow.addingTimeInterval(7200) }) { app in
            let world = try await TestWorld.make(app)
            let response = try await app.get("/dashboard", as: world.browser(.agent))
            #expect(response.status == .seeOther)
        }
    }

    @Test("log-in only redirects to local paths")
    func safeNext() {
        #expect(AccountRoutes.safeNext("/organisations") == "/organisations")
        #expect(AccountRoutes.safeNext("//evil.example") == "")
        #expect(AccountRoutes.safeNext("https://evil.example") == "")
        #expect(AccountRoutes.safeNext("/\\evil") == "")
    }

    @Test("changing the password needs the current one and ends other sessions")
    func changePassword() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let browser = world.browser(.agent)
            let wrong = try await app.postForm("/account/password", ["current_password": "nope", "new_password": "a brand new secret"], as: browser)
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("current_password"))
            let short = try await app.postForm("/account/password", ["current_password": TestWorld.password, "new_password": "short"], as: browser)
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("minst 10 tegn"))
            let ok = try await app.postForm(
                "/account/password", ["current_password": TestWorld.password, "new_password": "a brand new secret"], as: browser)
            #expect(ok.status == .seeOther)
            let login = try await app.postForm("/login", ["email": "selger@alfa.test", "password": "a brand new secret"], as: .anonymous)
            #expect(login.status == .seeOther)
        }
    }
}
