import Fluent
import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// A clock tests move forward by days.
final class MovableClock: Sendable {
    private let instant = NIOLockedValueBox(testNow)
    var now: Date { instant.withLockedValue { $0 } }
    func advance(days: Int) { instant.withLockedValue { $0 = $0.addingTimeInterval(Double(days) * 86_400) } }
    var clock: AppClock { AppClock { [self] in self.now } }
    var today: LocalDate { OsloTime.localDate(of: now) }
}

extension Application {
    /// POST a multipart form (an evidence upload) as a browser.
    func postMultipart(_ path: String, fields: [String: String], file: (name: String, bytes: [UInt8])?, as browser: Browser) async throws
        -> TestingHTTPResponse
    {
        let boundary = "tmnorm-test-boundary"
        var body = ByteBuffer()
        var all = fields
        all[CSRF.formField] = browser.csrfToken(self)
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: browser.cookieHeader)
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await testing().sendRequest(.POST, path, headers: headers, body: body)
    }
}

/// Steps of the scheme through HTTP, shared by the life-cycle and bad-input tests.
struct AuthorizationSteps {
    let app: Application
    let world: TestWorld
    var centre: Browser { world.browser(.callCentreAdmin) }
    var secretariat: Browser { world.browser(.associationAdmin) }
    var board: Browser { world.browser(.boardMember) }
    static let pdf: [UInt8] = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".utf8)

    /// Opens an application as the centre; returns its path.
    func open() async throws -> String {
        let created = try await app.postForm("/authorization/applications", [:], as: centre)
        #expect(created.status == .seeOther, "\(created.text)")
        return try #require(created.headers.first(name: .location))
    }

    /// Attaches evidence of the right kind to every criterion except `skipping`.
    func attachAll(_ path: String, skipping: Set<String> = []) async throws {
        for criterion in try AuthorizationCriteriaCatalogue.demo().criteria where !skipping.contains(criterion.id) {
            let response: TestingHTTPResponse
            switch criterion.evidence {
            case .document:
                response = try await app.postMultipart(
                    path + "/evidence", fields: ["criterion": criterion.id], file: ("\(criterion.id).pdf", Self.pdf), as: centre)
            case .statement:
                response = try await app.postMultipart(
                    path + "/evidence", fields: ["criterion": criterion.id, "statement": "Bekreftet."], file: nil, as: centre)
            case .platformFigure:
                response = try await app.postMultipart(path + "/evidence", fields: ["criterion": criterion.id], file: nil, as: centre)
            }
            #expect(response.status == .seeOther, "\(criterion.id): \(response.status) \(response.text.prefix(300))")
        }
    }

    /// Submits, sends to the board, votes and approves.
    func approve(_ path: String) async throws {
        #expect(try await app.postForm(path + "/submit", [:], as: centre).status == .seeOther)
        #expect(try await app.postForm(path + "/review", [:], as: secretariat).status == .seeOther)
        #expect(try await app.postForm(path + "/vote", ["choice": "approve"], as: board).status == .seeOther)
        // The first press only asks once more; nothing is decided yet.
        let asked = try await app.postForm(path + "/decide", ["outcome": "approve", "reasons": "Alle kriterier er dokumentert."], as: board)
        #expect(asked.status == .ok)
        #expect(asked.text.contains("Du fatter nå nemndas vedtak om å godkjenne"))
        #expect(asked.text.contains("name=\"confirmed\" value=\"1\""))
        #expect(!(try await app.get(path, as: board).text.contains("vedtak / decision")))
        let decided = try await app.postForm(
            path + "/decide", ["outcome": "approve", "reasons": "Alle kriterier er dokumentert.", "confirmed": "1"], as: board)
        #expect(decided.status == .seeOther, "\(decided.text.prefix(400))")
    }

    /// The public register's entry for the own centre, from the JSON API.
    /// "STATUS VALID_UNTIL" (valid_until "null" when absent).
    func entry() async throws -> String {
        let body = try await app.api(.GET, "/api/v1/register/\(world.callCentre.orgnr)", key: nil).json()
        return "\(body["status"] as? String ?? "?") \(body["valid_until"] as? String ?? "null")"
    }

    func status() async throws -> String {
        String(try await entry().split(separator: " ").first ?? "")
    }

    func listed() async throws -> [String] {
        let response = try await app.api(.GET, "/api/v1/register", key: nil)
        let rows = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { $0["orgnr"] as? String }
    }

    func badge() async throws -> String {
        try await app.get("/register/\(world.callCentre.orgnr)/badge.svg", as: .anonymous).text
    }

    var centrePath: String { "/authorization/centres/\(world.callCentre.id.uuidString.lowercased())" }

    func sanction(_ fields: [String: String]) async throws -> TestingHTTPResponse {
        try await app.postForm(centrePath + "/sanctions", fields, as: board)
    }
}

@Suite("Authorization life cycle through HTTP")
struct AuthorizationLifecycleTests {
    @Test(
        "apply, return, approve, year-1 follow-up, warning, suspension, reinstatement, renewal and revocation, with the register and badge right at every step"
    )
    func lifeCycle() async throws {
        let time = MovableClock()
        try await withTestApp(clock: time.clock) { app in
            let world = try await TestWorld.make(app)
            let steps = AuthorizationSteps(app: app, world: world)
            // The story spans four years; the test log-ins must outlive it.
            for session in try await SessionModel.query(on: app.db).all() {
                session.expiresAt = testNow.addingTimeInterval(5 * 366 * 86_400)
                try await session.save(on: app.db)
            }
            #expect(try await app.api(.GET, "/api/v1/register/\(world.callCentre.orgnr)", key: nil).status == .notFound)

            // Apply, with one document missing; the secretariat returns it.
            let path = try await steps.open()
            try await steps.attachAll(path, skipping: ["taxes-paid"])
            #expect(try await app.postForm(path + "/submit", [:], as: steps.centre).status == .seeOther)
            #expect(try await steps.status() == "under_review")
            #expect(try await steps.listed().isEmpty)
            #expect(try await steps.badge().contains("Under behandling"))
            let incomplete = try await app.postForm(path + "/review", [:], as: steps.secretariat)
            #expect(incomplete.status == .unprocessableEntity)
            #expect(try await app.postForm(path + "/return", ["comment": "Skatteattest mangler."], as: steps.secretariat).status == .seeOther)
            let returned = try await app.get(path, as: steps.centre)
            #expect(returned.text.contains("Skatteattest mangler."))
            #expect(returned.text.contains("data-state=\"returned_for_completion\""))

            // Complete, submit again, approve.
            try await steps.attachAll(path)
            try await steps.approve(path)
            let approvedOn = time.today
            let validUntil = AuthorizationPolicy.anniversary(of: approvedOn, years: 3).adding(days: -1)
            #expect(try await steps.entry() == "approved \(validUntil.iso8601)")
            #expect(try await steps.listed() == [world.callCentre.orgnr])
            #expect(try await steps.badge().contains("Gyldig til \(validUntil.norwegianFormatted)"))
            let fee = try #require(try await AuthorizationFeeModel.query(on: app.db).first())
            #expect(try fee.fee().amount == AuthorizationFeeAmount(kroner: 10_000))
            let download = try await app.get(path + "/evidence/taxes-paid", as: steps.secretariat)
            #expect(download.status == .ok)
            #expect(download.text.hasPrefix("%PDF"))

            // Year-1 follow-up, pre-filled with the platform's figures.
            time.advance(days: 367)
            let form = try await app.get(steps.centrePath + "/follow-ups/1", as: steps.centre)
            #expect(form.status == .ok)
            #expect(form.text.contains("data-figure=\"wash_runs\">0<"))
            let missing = try await app.postForm(steps.centrePath + "/follow-ups/1", ["still_meets_application": "yes"], as: steps.centre)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("answered_calls"))
            let filed = try await app.postForm(
                steps.centrePath + "/follow-ups/1",
                [
                    "still_meets_application": "yes", "complaints_direct": "3", "complaints_via_consumer_authority": "1",
                    "answered_calls": "12000", "connected_calls": "9000", "complaints_by_caller": "A-17: 2\nA-22: 1",
                ], as: steps.centre)
            #expect(filed.status == .seeOther, "\(filed.text.prefix(400))")
            #expect(try await app.get(steps.centrePath, as: steps.board).text.contains("Levert"))

            // Warning, suspension, reinstatement.
            #expect(try await steps.sanction(["kind": "warning", "reasons": "Samtaler etter kl. 21."]).status == .seeOther)
            #expect(try await steps.status() == "approved")
            #expect(try await steps.sanction(["kind": "suspension", "condition": "Ny opplæring", "reasons": "Gjentatte brudd."]).status == .seeOther)
            #expect(try await steps.entry() == "suspended \(validUntil.iso8601)")
            #expect(try await steps.listed() == [world.callCentre.orgnr])
            #expect(try await app.get("/register", as: .anonymous).text.contains("Suspendert"))
            #expect(try await steps.badge().contains("Suspendert"))
            #expect(try await steps.sanction(["kind": "suspension", "condition": "x", "reasons": "y"]).status == .conflict)
            #expect(try await steps.sanction(["kind": "reinstatement", "reasons": "Opplæring dokumentert."]).status == .seeOther)
            #expect(try await steps.status() == "approved")
            #expect(try await steps.badge().contains("Godkjent"))

            // Renewal: too early, then inside the window; the continuation starts the day after.
            let early = try await app.postForm("/authorization/applications", [:], as: steps.centre)
            #expect(early.status == .conflict)
            // The centre's page says when renewal opens and offers no application before then.
            let tooEarly = try await app.get("/authorization", as: steps.centre).text
            #expect(tooEarly.contains("Søknad om fornyelse kan sendes fra"))
            #expect(!tooEarly.contains("Start ny søknad") && !tooEarly.contains("Søk om fornyelse"))
            time.advance(days: validUntil.daysSinceEpoch - time.today.daysSinceEpoch - 30)
            #expect(try await app.get("/authorization", as: steps.centre).text.contains("Søk om fornyelse"))
            let renewal = try await steps.open()
            try await steps.attachAll(renewal)
            #expect(try await app.postForm(renewal + "/submit", [:], as: steps.centre).status == .seeOther)
            #expect(try await steps.status() == "approved")
            #expect(try await app.postForm(renewal + "/review", [:], as: steps.secretariat).status == .seeOther)
            #expect(try await app.postForm(renewal + "/vote", ["choice": "approve"], as: steps.board).status == .seeOther)
            #expect(
                try await app.postForm(renewal + "/decide", ["outcome": "approve", "reasons": "Fornyet.", "confirmed": "1"], as: steps.board).status
                    == .seeOther)
            let renewedUntil = AuthorizationPolicy.anniversary(of: validUntil.next, years: 3).adding(days: -1)
            // The running approval shows until its last day; the continuation follows on without a gap.
            #expect(try await steps.entry() == "approved \(validUntil.iso8601)")
            time.advance(days: 31)
            #expect(try await steps.entry() == "approved \(renewedUntil.iso8601)")
            let continuationFee = try await AuthorizationFeeModel.query(on: app.db).all().map { try $0.fee().amount }
            #expect(continuationFee.contains(AuthorizationFeeAmount(kroner: 5_000)))

            // Revocation: off the list, revoked on the entry and badge.
            #expect(try await steps.sanction(["kind": "revocation", "reasons": "Alvorlige brudd."]).status == .seeOther)
            #expect(try await steps.entry() == "revoked null")
            #expect(try await steps.listed().isEmpty)
            #expect(try await steps.badge().contains("Tilbakekalt"))
            #expect(try await steps.sanction(["kind": "warning", "reasons": "z"]).status == .conflict)
        }
    }
}
