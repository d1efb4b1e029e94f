import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("The public complaint form /klage")
struct ComplaintWebTests {
    /// Posts a form with repeated fields (the reasons' checkboxes) as an anonymous browser.
    func post(_ app: Application, _ path: String, _ pairs: [(String, String)]) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: Browser.anonymous.cookieHeader)
        headers.contentType = .urlEncodedForm
        let body = (pairs + [(CSRF.formField, testCSRF)]).map { "\(formEncode($0.0))=\(formEncode($0.1))" }.joined(separator: "&")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    func valid(number: String = "912 34 567") -> [(String, String)] {
        [
            ("business", "Alfa Callsenter"), ("number", number), ("date", "2026-11-30"), ("time", "10:00"),
            ("reasons[]", "reserved"), ("reasons[]", "pressure"), ("text", "De ringte meg."), ("contact_email", "kari@example.no"),
        ]
    }

    @Test("the form, in bokmål and English, with every reason to tick")
    func form() async throws {
        try await withTestApp { app in
            let page = try await app.get("/klage", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("Klag på en telefonsamtale eller et salg"))
            #expect(page.text.contains("De ringte selv om jeg er reservert"))
            let english = try await app.get("/klage?lang=en", as: .anonymous)
            #expect(english.text.contains("Complain about a call or a sale"))
        }
    }

    @Test("a failed form comes back with what was typed and the problems by the fields, in the page's language")
    func problems() async throws {
        try await withTestApp { app in
            let response = try await post(app, "/klage", [("business", "Ukjent <AS>"), ("number", "+46 70 123 45 67"), ("text", "Hei")])
            #expect(response.status == .unprocessableEntity)
            let page = response.text
            #expect(page.contains("Ukjent &lt;AS&gt;"), "typed values are kept (escaped)")
            #expect(page.contains("velg dagen du ble ringt"))
            #expect(page.contains("er et utenlandsk nummer"))
            #expect(page.contains("oppgi e-post eller telefon"))
            #expect(page.contains("id=\"e-reasons\""))
            #expect(!page.contains("called_at") && !page.contains("contact.email"), "no field codes in the page")
            for (date, time) in [
                ("0001-01-01", "10:00"), ("9999-12-31", "23:59"), ("2026-02-30", ""), ("2026-11-30", "25:99"), ("2026-11-3\u{0661}", "1\u{301}0:00"),
            ] {
                var fields = valid()
                fields.removeAll { $0.0 == "date" || $0.0 == "time" }
                let odd = try await post(app, "/klage", fields + [("date", date), ("time", time)])
                #expect(odd.status == .unprocessableEntity, "\(date) \(time)")
            }
            #expect(try await ComplaintModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a complaint is confirmed with the SMS code sent to the called number; the consumer gets a reference and a page to follow it")
    func confirmAndFollow() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let sent = try await post(app, "/klage", valid())
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers.first(name: .location))
            let complaint = try #require(try await ComplaintModel.query(on: app.db).first())
            #expect(complaint.state == .unverified)
            #expect(complaint.businessID == world.callCentre.id, "the business found by its name")
            #expect(try complaint.facts().reservedAtCall.value == true)
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "+4791234567").first())
            let code = try #require(sms.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(sms.body[$0]) })
            #expect(sms.body.contains(complaint.reference))

            let codePage = try await app.get(location, as: .anonymous)
            #expect(codePage.text.contains(complaint.reference))
            let wrong = try await post(app, location, [("code", code == "000000" ? "111111" : "000000")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("4 forsøk igjen"))
            let right = try await post(app, location, [("code", code)])
            #expect(right.status == .ok)
            #expect(right.text.contains(complaint.reference))
            let follow = try #require(right.text.range(of: #"/klage/sak/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(right.text[$0]) })
            let casePage = try await app.get(follow, as: .anonymous)
            #expect(casePage.status == .ok)
            #expect(casePage.text.contains("Mottatt. Bedriften er bedt om å svare"))
            #expect(casePage.text.contains("30.11.2026"))
            #expect(!casePage.text.contains("kari@example.no"))
            #expect(try await ComplaintModel.find(complaint.id, on: app.db)?.state == .awaitingAnswer)
            // Confirmed once: the code page is gone, and a guessed follow link finds nothing.
            #expect(try await app.get(location, as: .anonymous).status == .notFound)
            #expect(try await app.get("/klage/sak/guessed-token", as: .anonymous).status == .notFound)
        }
    }

    @Test("five wrong codes use the code up; more than three complaints for one number in an hour are refused")
    func limits() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            let sent = try await post(app, "/klage", valid())
            let location = try #require(sent.headers.first(name: .location))
            for _ in 0..<5 { _ = try await post(app, location, [("code", "999999")]) }
            let spent = try await post(app, location, [("code", "999999")])
            #expect(spent.status == .gone)
            for _ in 0..<2 { #expect(try await post(app, "/klage", valid()).status == .seeOther) }
            #expect(try await post(app, "/klage", valid()).status == .tooManyRequests)
            #expect(try await post(app, "/klage", valid(number: "41234567")).status == .seeOther)
        }
    }
}
