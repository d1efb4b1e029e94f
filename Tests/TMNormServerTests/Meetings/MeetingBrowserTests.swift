import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor

@testable import TMNormServer

/// The secretary's pages in a real browser at phone width: headless Chromium (selenium, through
/// tools/meeting_in_browser.py) against the real `tmnorm serve`: create a meeting, write and publish the
/// minutes, record a decision, read the published minutes.
@Suite("The secretary's meeting pages in headless Chromium")
struct MeetingBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools/meeting_in_browser.py")

    @Test(
        "the association's administrator creates a meeting, publishes the minutes and records a decision in Chromium; nothing scrolls sideways at 390 px",
        .enabled(if: BrowserAcceptanceTests.runnable, "needs chromium, chromium-driver, python3 selenium and the built tmnorm"))
    func secretaryInChromium() async throws {
        try await withTestApp(clock: AppClock { Date() }) { app in
            let world = try await TestWorld.make(app)
            let (arguments, environment) = ServerProcess.sharing(app.config, extra: ["TMNORM_WORKER": "0"])
            let port = try ServerProcess.freePort()
            let server = try await ServerProcess(arguments: arguments, environment: environment, port: port)
            defer { server.stop() }
            let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-meeting-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: screenshots) }
            let day = OsloTime.localDate(of: Date()).adding(days: 14).iso8601

            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", Self.script.path, "http://127.0.0.1:\(port)", "admin@forening.test", TestWorld.password, day, screenshots.path,
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")

            #expect((seen["meeting"] as? String)?.contains("/moter/") == true, "\(seen)")
            #expect((seen["minutes_html"] as? String)?.contains("<strong>ikke</strong>") == true, "\(seen)")
            #expect((seen["decisions"] as? String)?.contains("/1") == true, "\(seen)")
            #expect(seen["sideways"] as? Bool == false)
            #expect(seen["form_sideways"] as? Bool == false)
            let meeting = try #require(try await MeetingModel.query(on: app.db).first())
            #expect(try await MeetingMinutesVersionModel.query(on: app.db).filter(\.$meetingID == meeting.requireID()).count() == 1)
            let invited = try await MeetingInviteeModel.query(on: app.db).filter(\.$meetingID == meeting.requireID()).all()
            #expect(!invited.isEmpty && invited.allSatisfy(\.attended))
            _ = world
        }
    }
}
