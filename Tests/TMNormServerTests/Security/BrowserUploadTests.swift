import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor

@testable import TMNormServer

/// Issue 11, finding 13: browser uploads of about 0.4 MB or more failed the CSRF check. Headless Chromium
/// (tools/upload_in_browser.py) washes a 1 MB and a 50 MB list through the real `tmnorm serve`.
@Suite("Call lists uploaded in headless Chromium")
struct BrowserUploadTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools/upload_in_browser.py")

    @Test(
        "1 MB and 50 MB lists are washed from the browser, not refused by the CSRF check",
        .enabled(if: BrowserAcceptanceTests.runnable, "needs chromium, chromium-driver, python3 selenium and the built tmnorm"))
    func uploads() async throws {
        try await withTestApp(clock: AppClock { Date() }) { app in
            _ = try await TestWorld.make(app)
            try await importTestRegister(app)
            let (arguments, environment) = ServerProcess.sharing(app.config, extra: ["TMNORM_WORKER": "0"])
            let port = try ServerProcess.freePort()
            let server = try await ServerProcess(arguments: arguments, environment: environment, port: port)
            defer { server.stop() }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-upload-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            for size in [1 << 20, 50 << 20] {
                let file = directory.appendingPathComponent("liste-\(size).csv")
                try RealSocketTests.callList(bytes: size).write(to: file)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = [
                    "python3", Self.script.path, "http://127.0.0.1:\(port)", "leder@alfa.test", TestWorld.password, file.path, directory.path,
                ]
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                try process.run()
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
                let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
                let text = seen["text"] as? String ?? ""
                #expect(!text.contains("Skjemaet var utløpt"), "\(size) bytes refused by the CSRF check")
                #expect((seen["url"] as? String)?.contains("/washes/") == true, "\(size) bytes: \(seen)")
            }
            #expect(try await WashRecordModel.query(on: app.db).count() == 2)
        }
    }
}
