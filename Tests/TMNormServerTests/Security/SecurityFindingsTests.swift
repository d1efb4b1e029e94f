import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Issue 11: each numbered finding, as the attacker tried it. Each test failed (or crashed the test run)
/// before its fix.
@Suite("Security findings stay fixed")
struct SecurityFindingsTests {
    // MARK: 1 — a digit with a combining accent crashed the process

    @Test("lookalike digits in organisation numbers get 4xx on every route that parses one, never a crash")
    func lookalikeDigits() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for raw in ["1%CC%8111111111", "1%EF%B8%8F%E2%83%A311111111"] {
                for path in ["/api/v1/register/\(raw)", "/register/\(raw)", "/register/\(raw)/badge.svg"] {
                    let response = try await app.get(path, as: .anonymous)
                    #expect([400, 404, 422].contains(response.status.code), "\(path) answered \(response.status.code)")
                }
                let washes = try await app.api(
                    .POST, "/api/v1/washes?client=\(raw)", key: world.callCentreKey, json: "telefon\n91234567\n",
                    contentType: HTTPMediaType(type: "text", subType: "csv"))
                #expect((400..<500).contains(washes.status.code))
            }
            let decoded = "1\u{301}11111111"
            let stop = try await app.postForm("/stop-calls", ["business": decoded, "phone": "41234567"], as: .anonymous)
            #expect((400..<500).contains(stop.status.code))
            let created = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name":"Aksent AS","orgnr":"\#(decoded)","kind":"client"}"#)
            #expect(created.status == .unprocessableEntity)
            #expect(created.text.contains("orgnr"))
            let web = try await app.postForm(
                "/organisations", ["name": "Aksent AS", "orgnr": "1\u{FE0F}\u{20E3}11111111", "kind": "client"], as: world.browser(.associationAdmin))
            #expect(web.status == .unprocessableEntity)
        }
    }

    @Test("an upload a crashed process left behind is removed at the next start; live processes' uploads are kept")
    func orphanUploads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-sweep-\(UUID())")
        let uploads = directory.appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A pid that cannot exist (above the kernel's maximum), our own pid, and an old unnamed file.
        let dead = uploads.appendingPathComponent("999999999-\(UUID())").path
        let live = uploads.appendingPathComponent("\(getpid())-\(UUID())").path
        let old = uploads.appendingPathComponent(UUID().uuidString).path
        for path in [dead, live, old] { #expect(FileManager.default.createFile(atPath: path, contents: Data("telefon\n".utf8))) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: old)
        #expect(UploadSpool.sweepOrphans(dataDirectory: directory.path) == 2)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    // MARK: 3 — log-in had no limit

    @Test("after 10 wrong passwords the account waits, even for the right one; other accounts do not")
    func loginLimit() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            for _ in 0..<10 {
                let wrong = try await app.postForm("/login", ["email": "leder@alfa.test", "password": "wrong password!"], as: .anonymous)
                #expect(wrong.status == .unauthorized)
            }
            let right = try await app.postForm("/login", ["email": "leder@alfa.test", "password": TestWorld.password], as: .anonymous)
            #expect(right.status == .tooManyRequests)
            #expect(right.text.contains("For mange mislykkede innlogginger"))
            #expect(right.headers.first(name: .retryAfter) != nil)
            #expect(right.cookie(SessionAuthenticator.cookieName) == nil)
            let other = try await app.postForm("/login", ["email": "selger@alfa.test", "password": TestWorld.password], as: .anonymous)
            #expect(other.status == .seeOther)
        }
    }

    @Test("one address trying many accounts is limited too")
    func loginLimitPerAddress() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            for index in 0..<30 {
                _ = try await app.postForm("/login", ["email": "finnes\(index)@ikke.test", "password": "wrong password!"], as: .anonymous)
            }
            let next = try await app.postForm("/login", ["email": "leder@alfa.test", "password": TestWorld.password], as: .anonymous)
            #expect(next.status == .tooManyRequests)
        }
    }

    // MARK: 4 — open redirect

    @Test("next=/\\t/evil.example after log-in stays on this site")
    func openRedirect() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            for next in ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example"] {
                let response = try await app.postForm(
                    "/login", ["email": "leder@alfa.test", "password": TestWorld.password, "next": next], as: .anonymous)
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == SiteRoute.dashboard.path, "next=\(next.debugDescription)")
            }
        }
    }

    // MARK: 5 — an empty register became active

    @Test("a register delivery with no valid rows, or much smaller than the active copy, is refused unless forced")
    func registerShrink() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            try await importTestRegister(app)
            let header = "reservation_id;first_name;last_name;street;house_number;postcode;city;phones;telephone;addressed_mail;voluntary_orgs"
            let garbage = header + "\nnot;a register\n"
            await #expect(throws: RegisterImportService.Failure.self) { try await importTestRegister(app, csv: garbage) }
            // The active copy still reserves Kari Nordmann's number.
            let active = try await RegisterSnapshotModel.query(on: app.db).filter(\.$statusRaw == "active").all()
            #expect(active.count == 1)
            #expect(active.first?.numbers == 1)
            let failed = try #require(try await RegisterSnapshotModel.query(on: app.db).filter(\.$statusRaw == "failed").first())
            #expect(failed.error?.contains("no valid rows") == true)
            // A plain number file has no persons: replacing the person register with it loses every reserved
            // person, so it too needs forcing. Then a tenth of the numbers is refused; forced, it is taken.
            let big = (0..<100).map { String(41_000_000 + $0) }.joined(separator: "\n") + "\n"
            await #expect(throws: RegisterImportService.Failure.self) { try await importPlain(app, big, force: false) }
            _ = try await importPlain(app, big, force: true)
            let small = (0..<10).map { String(41_000_000 + $0) }.joined(separator: "\n") + "\n"
            await #expect(throws: RegisterImportService.Failure.self) { try await importPlain(app, small, force: false) }
            let forced = try await importPlain(app, small, force: true)
            #expect(forced.numbers == 10)
        }
    }

    private func importPlain(_ app: Application, _ text: String, force: Bool) async throws -> RegisterSnapshotModel {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID()).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await RegisterImportService.importFile(
            path: path, fileName: "numbers.txt", ownerID: nil, obtainedAt: testNow, plainVoluntary: false, force: force, app: app)
    }

    @Test("the register web form refuses an empty delivery with the reason in Norwegian")
    func registerShrinkWeb() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let response = try await app.postMultipart(
                "/national-register", fields: [:],
                file: (
                    "tom.csv",
                    Array(
                        "reservation_id;first_name;last_name;street;house_number;postcode;city;phones;telephone;addressed_mail;voluntary_orgs\n3;Broken;Row\n"
                            .utf8)
                ), as: world.browser(.associationAdmin))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("ingen gyldige rader"))
        }
    }

    // MARK: 6 — SSRF through webhooks

    @Test("a webhook URL pointing at loopback or a private network is refused when saved")
    func ssrfOnSave() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            app.config.webhookAllowedHosts = []
            for url in [
                "http://127.0.0.1:9/hook", "http://[::1]/hook", "http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data",
                "http://localhost/hook", "http://user:pw@8.8.8.8/",
            ] {
                let response = try await app.postForm(
                    "/offer-settings", ["webhook_url": url, "webhook_secret": "0123456789abcdef0123"], as: world.browser(.clientUser))
                #expect(response.status == .unprocessableEntity, "\(url) answered \(response.status.code)")
            }
            let stored = try await OfferSettingsModel.query(on: app.db).filter(\.$organisationID == world.client.id).first()
            #expect(stored?.webhookURL == nil)
        }
    }

    @Test("a webhook already stored with a private address is not delivered")
    func ssrfOnSend() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            app.config.webhookAllowedHosts = []
            let outcome = try await WebhookTransport(app: app).send(
                OutboundMessage(
                    id: UUID(), idempotencyKey: "t", kind: .webhook, recipient: "http://127.0.0.1:9/hook", subject: nil, text: "{}",
                    organisationID: UUID()))
            guard case .permanentFailure(let reason) = outcome else {
                Issue.record("delivered: \(outcome)")
                return
            }
            #expect(reason.contains("loopback") || reason.contains("secret"))
        }
    }

    // MARK: 7 — the guess limit locked out real consumers

    @Test("after 20 unknown tokens from one address, unknown ones get 429 but a valid link still opens")
    func tokenGuesses() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let id = try #require(
                (try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "g").json()["id"] as? String)?
                    .lowercased())
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id):offer:sms").first())
            let (token, _) = try #require(secrets(inSMS: sms.body))
            // Unknown tokens of the right shape (a wrong first character of the real one).
            let wrong = (token.first == "A" ? "B" : "A") + token.dropFirst()
            for _ in 0..<20 {
                #expect(try await app.get("/t/\(wrong)", as: .anonymous).status == .notFound)
            }
            let limited = try await app.get("/t/\(wrong)", as: .anonymous)
            #expect(limited.status == .tooManyRequests)
            let valid = try await app.get("/t/\(token)", as: .anonymous)
            #expect(valid.status == .ok)
        }
    }

    // MARK: 8, 14 — default secrets and the public base URL

    @Test("serve refuses the public development secrets, naming the variable; links follow --port")
    func configuration() {
        let defaults = AppConfig.fromEnvironment([:])
        #expect(defaults.productionProblems.count == 3)
        #expect(defaults.productionProblems.first?.contains("TMNORM_SECRET") == true)
        #expect(defaults.productionProblems[1].contains("TMNORM_SMS_SECRET") == true)
        #expect(defaults.productionProblems.last?.contains("TMNORM_EVIDENCE_KEY") == true)
        let evidenceKey = NoteSigner(name: "tmnorm.example/evidence", seed: Array(repeating: 3, count: 32))?.encoded
        let set = AppConfig.fromEnvironment([
            "TMNORM_SECRET": String(repeating: "s", count: 40), "TMNORM_SMS_SECRET": String(repeating: "t", count: 20),
            "TMNORM_EVIDENCE_KEY": evidenceKey ?? "",
        ])
        #expect(
            !AppConfig.fromEnvironment(["TMNORM_EVIDENCE_KEY": "PRIVATE+KEY+x"]).productionProblems.filter { $0.contains("not a signing key") }
                .isEmpty)
        #expect(set.productionProblems.isEmpty)
        var moved = AppConfig.fromEnvironment([:])
        moved.listen(hostname: nil, port: 9123)
        #expect(moved.publicBaseURL == "http://127.0.0.1:9123")
        var explicit = AppConfig.fromEnvironment(["TMNORM_PUBLIC_URL": "https://tmnorm.example/"])
        explicit.listen(hostname: "0.0.0.0", port: 9123)
        #expect(explicit.publicBaseURL == "https://tmnorm.example")
    }

    // MARK: 9 — stop-calls codes to any number

    @Test("one address may request at most 10 stop-calls codes an hour, across numbers")
    func stopCallsPerAddress() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for index in 0..<10 {
                let started = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "4123456\(index)"], as: .anonymous)
                #expect(started.status == .seeOther)
            }
            let next = try await app.postForm("/stop-calls", ["business": world.client.orgnr, "phone": "41234599"], as: .anonymous)
            #expect(next.status == .tooManyRequests)
            #expect(try await BlockRequestModel.query(on: app.db).count() == 10)
        }
    }

    // MARK: 10 — one invitation accepted twice at once

    @Test("accepting one invitation twice at once: one account, the other press gets 410, never 500")
    func invitationRace() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let created = try await app.postForm(
                "/invitations", ["email": "dobbel@alfa.test", "role": "agent", "organisation_id": world.callCentre.id.uuidString],
                as: world.browser(.callCentreAdmin))
            let range = try #require(created.text.range(of: "http://tmnorm.test/invite/"))
            let path = "/invite/" + created.text[range.upperBound...].prefix { $0 != "<" && $0 != "\"" }
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await app.postForm(path, ["name": "Dobbel", "password": "long enough secret"], as: .anonymous).status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 303 }.count == 1, "\(statuses)")
            #expect(statuses.allSatisfy { $0 == 303 || $0 == 410 }, "\(statuses)")
            #expect(try await UserModel.query(on: app.db).filter(\.$email == "dobbel@alfa.test").count() == 1)
        }
    }

    // MARK: 11 — CSV injection

    @Test("the rejected rows download neutralises formulas; the callable rows stay byte for byte unless asked")
    func csvInjection() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let csv = "navn;telefon\n=HYPERLINK(\"http://evil\");12345678\n@SUM(1);41234567\n=1+1;93000001\n"
            let washed = try await app.api(
                .POST, "/api/v1/washes", key: world.callCentreKey, json: csv, contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(washed.status == .created)
            let links = try #require(try washed.json()["links"] as? [String: String])
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: world.callCentreKey)
            let rejected = try await app.testing().sendRequest(.GET, try #require(links["rejected"]), headers: headers)
            #expect(rejected.text.contains("'=HYPERLINK(\"http://evil\");12345678"))
            #expect(!rejected.text.contains("\n=HYPERLINK"))
            let callable = try await app.testing().sendRequest(.GET, try #require(links["callable"]), headers: headers)
            #expect(callable.text.contains("\n@SUM(1);41234567"))
            let forExcel = try await app.testing().sendRequest(.GET, try #require(links["callable"]) + "?neutralise=1", headers: headers)
            #expect(forExcel.text.contains("\n'@SUM(1);41234567"))
        }
    }

    // MARK: 12 — CSRF bound to the session; control characters in names

    @Test("a CSRF token from one session is refused in another")
    func csrfBoundToSession() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let agent = world.browser(.agent)
            let admin = world.browser(.callCentreAdmin)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: admin.cookieHeader)
            headers.contentType = .urlEncodedForm
            // The admin's cookies with the agent's token, and with the bare double-submit cookie value.
            for token in [agent.csrfToken(app), testCSRF] {
                let response = try await app.testing().sendRequest(
                    .POST, "/api-keys", headers: headers, body: ByteBuffer(string: "name=stjal&_csrf=\(token)"))
                #expect(response.status == .forbidden)
            }
            #expect(try await app.postForm("/api-keys", ["name": "egen"], as: admin).status.code < 400)
        }
    }

    @Test("a NUL or other control character in an organisation name is refused")
    func controlCharacters() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name":"Null\u0000AS","orgnr":"955979710","kind":"client"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("control"))
        }
    }
}
