import Foundation
import Testing
import Vapor

@testable import TMNormServer

/// A form the server refuses comes back as the page it was on: what was typed kept, each message next to its
/// field in the page's language, a summary above, and only the refused form marked (issue 14, point 1).
@Suite("Refused forms are drawn again on their page")
struct FormAgainTests {
    @Test("a refused engagement form comes back on the organisation page with the date kept and the message by the field, in bokmål and English")
    func engagementAgain() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let page = SiteRoute.organisation(world.callCentre.id).path
            let fields = [
                "client_id": world.client.id.uuidString, "valid_from": "2026-02-31", "valid_until": "", "_page": page,
            ]
            let refused = try await app.postForm(SiteRoute.engagements(world.callCentre.id).path, fields, as: world.browser(.associationAdmin))
            #expect(refused.status == .unprocessableEntity)
            let html = refused.text
            #expect(html.contains("<h1>Alfa Callsenter</h1>"), "the organisation page, not an error page")
            #expect(html.contains("id=\"form-problems\""))
            #expect(html.contains("Skjemaet ble ikke sendt"))
            #expect(html.contains("må være en gyldig dato (dd.mm.åååå)"))
            #expect(!html.contains("YYYY-MM-DD"), "no developer text in a page")
            // The engagement form keeps the typed date and marks the field; the membership form (also with a
            // valid_from field) is untouched, and the ids on the page stay unique.
            #expect(html.contains("value=\"2026-02-31\""))
            #expect(html.components(separatedBy: "aria-invalid=\"true\"").count == 2)
            let ids = html.matches(of: /id="([^"]+)"/).map { String($0.1) }
            #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")

            var english = fields
            english["_page"] = page + "?lang=en"
            let en = try await app.postForm(SiteRoute.engagements(world.callCentre.id).path, english, as: world.browser(.associationAdmin))
            #expect(en.status == .unprocessableEntity)
            #expect(en.text.contains("The form was not sent"))
            #expect(en.text.contains("must be a valid date (dd.mm.yyyy)"))
        }
    }

    @Test("without a page field the same-origin Referer names the page; a foreign Referer is ignored for the nearest page to the form's path")
    func refererPage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let browser = world.browser(.associationAdmin)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: browser.cookieHeader)
            headers.replaceOrAdd(name: .referer, value: "http://localhost/organisations/\(world.callCentre.id.uuidString)")
            headers.replaceOrAdd(name: .host, value: "localhost")
            headers.contentType = .urlEncodedForm
            let body = "_csrf=\(browser.csrfToken(app))&client_id=\(world.client.id.uuidString)&valid_from=nope"
            let refused = try await app.testing().sendRequest(
                .POST, SiteRoute.engagements(world.callCentre.id).path, headers: headers, body: ByteBuffer(string: body))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("<h1>Alfa Callsenter</h1>"))
            #expect(refused.text.contains("value=\"nope\""))

            headers.replaceOrAdd(name: .referer, value: "https://evil.example/organisations/\(world.foreignCallCentre.id.uuidString)")
            let foreign = try await app.testing().sendRequest(
                .POST, SiteRoute.engagements(world.callCentre.id).path, headers: headers, body: ByteBuffer(string: body))
            #expect(foreign.status == .unprocessableEntity)
            #expect(foreign.text.contains("<h1>Alfa Callsenter</h1>"), "the page nearest to /organisations/ID/engagements")
            #expect(!foreign.text.contains("<h1>Beta Hemmelig Callsenter</h1>"), "a foreign Referer's path is never used")
        }
    }

    @Test("passwords and codes are never written back into a page")
    func secretsNotEchoed() {
        let values = FormState.decodeForm("email=a%40b.no&current_password=hemmelig&new_password=x&_csrf=t&code=123456&note=hei+du")
        #expect(values["email"] == ["a@b.no"])
        #expect(values["note"] == ["hei du"])
        #expect(values["current_password"] == nil && values["new_password"] == nil && values["_csrf"] == nil && values["code"] == nil)
    }
}
