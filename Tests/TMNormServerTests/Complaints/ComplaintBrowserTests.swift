import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor

@testable import TMNormServer

/// The consumer's side of a complaint in a real browser at phone width: headless Chromium (driven by selenium
/// through tools/complaint_in_browser.py) against the real `tmnorm serve`, the SMS code read from the outbox.
@Suite("A complaint through /klage in headless Chromium")
struct ComplaintBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools/complaint_in_browser.py")

    static func run(_ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
    }

    @Test(
        "a consumer fills in /klage on a phone, confirms with the SMS code and gets the reference and the follow link; the facts come from the platform",
        .enabled(if: BrowserAcceptanceTests.runnable, "needs chromium, chromium-driver, python3 selenium and the built tmnorm"))
    func complainInChromium() async throws {
        try await withTestApp(clock: AppClock { Date() }) { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let (arguments, environment) = ServerProcess.sharing(app.config, extra: ["TMNORM_WORKER": "0"])
            let port = try ServerProcess.freePort()
            let server = try await ServerProcess(arguments: arguments, environment: environment, port: port)
            defer { server.stop() }
            let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-complaint-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: screenshots) }

            let form = try Self.run(["form", "http://127.0.0.1:\(port)", "912 34 567", screenshots.path])
            let codePage = try #require(form["url"] as? String)
            #expect(codePage.range(of: #"/klage/[0-9a-fA-F-]{36}$"#, options: .regularExpression) != nil, "\(form)")
            #expect(form["sideways"] as? Bool == false, "no sideways scroll at 390 px")
            let complaint = try #require(try await ComplaintModel.query(on: app.db).first())
            #expect(complaint.businessID == world.callCentre.id, "the business found by the name typed")
            #expect(complaint.state == .unverified)
            let sms = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "+4791234567").first())
            let code = try #require(sms.body.range(of: #"\d{6}"#, options: .regularExpression).map { String(sms.body[$0]) })

            let confirmed = try Self.run(["code", codePage, code, screenshots.path])
            #expect((confirmed["text"] as? String)?.contains(complaint.reference) == true, "\(confirmed)")
            #expect((confirmed["follow"] as? String)?.contains("/klage/sak/") == true)
            let stored = try #require(try await ComplaintModel.find(complaint.id, on: app.db))
            #expect(stored.state != .unverified, "confirmed by the code")
            // The facts are the platform's: each known one names its record, each unknown one says why.
            let facts = try stored.facts()
            for fact in [facts.reservedAtCall, facts.withinCallingHours, facts.decisionLogged, facts.inValidWash, facts.onBlockList] {
                #expect(fact.value == nil ? fact.reason != nil : fact.source != nil, "\(fact)")
            }
            #expect(facts.withinCallingHours.value != nil, "the calling-hours rule in force yesterday at 10:00 is known")
            #expect(FileManager.default.fileExists(atPath: screenshots.appendingPathComponent("complaint-confirmed.png").path))
        }
    }
}
