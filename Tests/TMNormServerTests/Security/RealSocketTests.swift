import Fluent
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
import TMNormCore
import Vapor

@testable import TMNormServer

/// Behaviour that only shows over a real socket: bodies arriving in chunks, peer addresses, proxies.
@Suite("Over a real socket")
struct RealSocketTests {
    /// Starts the app's HTTP server on a free loopback port for `body`.
    private func withServer(_ app: Application, _ body: (Int) async throws -> Void) async throws {
        let port = try ServerProcess.freePort()
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        do {
            try await body(port)
        } catch {
            await app.server.shutdown()
            throw error
        }
        await app.server.shutdown()
    }

    /// A URLSession request; returns status and body.
    private func send(_ request: URLRequest) async throws -> (Int, String) {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error { continuation.resume(throwing: error); return }
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                continuation.resume(returning: (status, String(decoding: data ?? Data(), as: UTF8.self)))
            }.resume()
        }
    }

    private func multipart(_ url: URL, file: Data, fields: [String: String], cookie: String) -> URLRequest {
        let boundary = "----tmnorm\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"liste.csv\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = 300
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        request.setValue("text/html", forHTTPHeaderField: "Accept")
        request.httpBody = body
        return request
    }

    /// A call list of about `bytes` bytes (the CSRF field comes first in the form, as browsers send it).
    static func callList(bytes: Int) -> Data {
        var text = "fornavn;etternavn;telefon\n"
        text.reserveCapacity(bytes + 64)
        var index = 0
        while text.utf8.count < bytes {
            text += "Navn\(index);Etternavn;4\(String(1_000_000 + index % 8_999_999).suffix(7))\n"
            index += 1
        }
        return Data(text.utf8)
    }

    /// 1 MB and 8 MB here; the 50 MB file goes through Chromium (BrowserUploadTests). In a debug build Vapor's
    /// multipart parser needs about a second per MB, so 50 MB twice would cost CI two minutes.
    @Test("1 MB and 8 MB call-list uploads pass the CSRF check and are washed (they failed with 403 from about 0.4 MB)")
    func largeUploads() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let browser = world.browser(.callCentreAdmin)
            try await withServer(app) { port in
                let url = try #require(URL(string: "http://127.0.0.1:\(port)/washes"))
                for size in [1 << 20, 8 << 20] {
                    let request = multipart(
                        url, file: Self.callList(bytes: size), fields: [CSRF.formField: browser.csrfToken(app)], cookie: browser.cookieHeader)
                    let (status, body) = try await send(request)
                    // URLSession follows the 303 to the result page.
                    #expect(status == 200, "\(size) bytes: \(status) \(body.prefix(300))")
                    #expect(!body.contains("Skjemaet var utløpt"), "\(size) bytes were refused by the CSRF check")
                }
            }
            #expect(try await WashRecordModel.query(on: app.db).count() == 2)
        }
    }

    @Test(
        "a list whose phone column cannot be told comes back as the wash page, the reason by the phone-column field in the page's language (issue 14)"
    )
    func ambiguousColumnAgain() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let browser = world.browser(.callCentreAdmin)
            try await withServer(app) { port in
                let url = try #require(URL(string: "http://127.0.0.1:\(port)/washes"))
                let file = Data("navn;mobil;telefon\nKari;91234567;22334455\n".utf8)
                var request = multipart(url, file: file, fields: [CSRF.formField: browser.csrfToken(app)], cookie: browser.cookieHeader)
                request.setValue("nb-NO,nb;q=0.9", forHTTPHeaderField: "Accept-Language")
                let (status, body) = try await send(request)
                #expect(status == 422, "\(body.prefix(300))")
                #expect(body.contains("id=\"e-phone_column\""), "the message sits by the phone-column field")
                #expect(body.contains("flere kolonner ser ut som telefonnumre («mobil», «telefon»)"))
                #expect(!body.contains("--phone-column"), "no command-line option in a page")
            }
            #expect(try await WashRecordModel.query(on: app.db).count() == 0, "nothing stored")
        }
    }

    @Test("signed out, an upload route refuses at once, before taking in the body (no 100 MB buffered for strangers)")
    func anonymousUpload() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            try await withServer(app) { port in
                let url = try #require(URL(string: "http://127.0.0.1:\(port)/washes"))
                let (status, _) = try await send(
                    multipart(url, file: Self.callList(bytes: 2 << 20), fields: [CSRF.formField: testCSRF], cookie: "\(CSRF.cookieName)=\(testCSRF)"))
                #expect(status == 403)
            }
        }
    }

    @Test("without the token a large upload is still refused with 403")
    func largeUploadWithoutToken() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let browser = world.browser(.callCentreAdmin)
            try await withServer(app) { port in
                let url = try #require(URL(string: "http://127.0.0.1:\(port)/washes"))
                let (status, _) = try await send(multipart(url, file: Self.callList(bytes: 2 << 20), fields: [:], cookie: browser.cookieHeader))
                #expect(status == 403)
            }
        }
    }

    @Test("X-Forwarded-For counts only from a trusted proxy: a client cannot dodge the limit by sending it")
    func forwardedFor() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            try await withServer(app) { port in
                var attempt = 0
                // A new account each time, so only the per-address limit can trip.
                func login(_ forwarded: String?) async throws -> Int {
                    attempt += 1
                    var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/login")))
                    request.httpMethod = "POST"
                    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                    request.setValue("\(CSRF.cookieName)=\(testCSRF)", forHTTPHeaderField: "Cookie")
                    if let forwarded { request.setValue(forwarded, forHTTPHeaderField: "X-Forwarded-For") }
                    request.httpBody = Data("email=finnes\(attempt)%40ikke.test&password=feil&_csrf=\(testCSRF)".utf8)
                    return try await send(request).0
                }
                // Untrusted peer: 30 failures with a new forged address each still exhaust 127.0.0.1's budget.
                for index in 0..<30 { _ = try await login("203.0.113.\(index)") }
                #expect(try await login("198.51.100.1") == 429)
                // The same peer as a trusted proxy: each forwarded client has its own budget.
                app.config.trustedProxies = ["127.0.0.1"]
                app.plumbing.trustedProxies = ["127.0.0.1"]
                #expect(try await login("198.51.100.2") == 401)
                #expect(try await login("198.51.100.2, 127.0.0.1") == 401)
            }
        }
    }
}

/// Finding 8: the public development secrets of `.env.example` ran in production.
@Suite("tmnorm serve and secrets")
struct ServeSecretsTests {
    @Test(
        "serve without TMNORM_SECRET, TMNORM_SMS_SECRET and TMNORM_EVIDENCE_KEY exits at once, naming each",
        .enabled(if: ServerProcess.binary != nil || ProcessInfo.processInfo.environment["CI"] != nil, "needs the built tmnorm"))
    func refusesDefaults() throws {
        let binary = try #require(ServerProcess.binary)
        let process = Process()
        process.executableURL = binary
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-secrets-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        process.arguments = ["serve", "--port", String(try ServerProcess.freePort()), "--database", database]
        var environment = ProcessInfo.processInfo.environment
        environment["TMNORM_SECRET"] = nil
        environment["TMNORM_SMS_SECRET"] = nil
        environment["TMNORM_EVIDENCE_KEY"] = nil
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("TMNORM_SECRET"))
        #expect(text.contains("TMNORM_SMS_SECRET"))
        #expect(text.contains("TMNORM_EVIDENCE_KEY"))
    }
}
