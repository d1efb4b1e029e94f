import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor

@testable import TMNormServer

/// A registration made in a real browser at phone width: headless Chromium (selenium, through
/// tools/event_in_browser.py) against the real `tmnorm serve`.
@Suite("A registration on /arrangementer/SLUG in headless Chromium")
struct EventBrowserTests {
    @Test(
        "a person registers for the TM-dag on a phone without an account: confirmed, with dinner and diet stored, no sideways scroll",
        .enabled(if: BrowserAcceptanceTests.runnable, "needs chromium, chromium-driver, python3 selenium and the built tmnorm"))
    func registerInChromium() async throws {
        try await withTestApp(clock: AppClock { Date() }) { app in
            _ = try await TestWorld.make(app)
            let year = OsloTime.localDate(of: Date()).year + 1
            try await EventFixtures.event(app, slug: "tm-dag-\(year)", day: "\(year)-04-15", deadline: "\(year)-04-01")
            let (arguments, environment) = ServerProcess.sharing(app.config, extra: ["TMNORM_WORKER": "0"])
            let port = try ServerProcess.freePort()
            let server = try await ServerProcess(arguments: arguments, environment: environment, port: port)
            defer { server.stop() }
            let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-event-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: screenshots) }
            let (code, result) = try EventWebTests.python("event_in_browser.py", ["http://127.0.0.1:\(port)", "tm-dag-\(year)", screenshots.path])
            #expect(code == 0, "\(result)")
            #expect((result["status"] as? String)?.contains("Du er påmeldt") == true, "\(result)")
            #expect(result["sideways"] as? Bool == false, "no sideways scroll at 390 px")
            let stored = try #require(try await EventRegistrationModel.query(on: app.db).filter(\.$emailKey == "kari.nettleser@example.no").first())
            #expect(stored.status == .confirmed && stored.dinner && stored.diet == "vegetar")
        }
    }
}
