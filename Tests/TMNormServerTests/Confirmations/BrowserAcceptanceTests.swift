import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor

@testable import TMNormServer

/// The consumer's side in a real browser: headless Chromium (Debian's chromium and chromium-driver,
/// driven by selenium through tools/accept_in_browser.py) against the real `tmnorm serve`.
@Suite("Offer accepted in headless Chromium")
struct BrowserAcceptanceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools/accept_in_browser.py")

    /// Whether chromium, chromedriver and python's selenium are installed (CI installs them).
    static let available: Bool =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") && ServerProcess.pythonHas("selenium")

    static var runnable: Bool { (available && ServerProcess.binary != nil) || ProcessInfo.processInfo.environment["CI"] != nil }

    @Test(
        "the link in the offer SMS opens the whole offer in Chromium on a phone; 'Jeg aksepterer tilbudet' asks once more, confirming accepts it and shows the receipt with the reference, no page scrolls sideways at 390 or 320 px, and the evidence records the link, the offer's hash and the browser's fingerprint",
        .enabled(if: runnable, "needs chromium, chromium-driver, python3 selenium and the built tmnorm"))
    func acceptInChromium() async throws {
        try await withTestApp(clock: AppClock { Date() }) { app in
            let world = try await TestWorld.make(app)
            let campaign = try await SaleFixtures.campaign(app, world)
            let created = try await app.postSale(SaleFixtures.body(campaign), key: world.callCentreKey, idempotencyKey: "browser")
            #expect(created.status == .created, "\(created.text)")
            let id = try #require((try created.json()["id"] as? String).flatMap(UUID.init(uuidString:)))
            let sms = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "sale:\(id.uuidString.lowercased()):offer:sms").first())
            let (token, _) = try #require(secrets(inSMS: sms.body))

            let (arguments, environment) = ServerProcess.sharing(app.config, extra: ["TMNORM_WORKER": "0"])
            let port = try ServerProcess.freePort()
            let server = try await ServerProcess(arguments: arguments, environment: environment, port: port)
            defer { server.stop() }

            let screenshots = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-browser-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: screenshots) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Self.script.path, "http://127.0.0.1:\(port)/t/\(token)", screenshots.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")

            let sale = try #require(try await SaleModel.find(id, on: app.db))
            let offerText = try #require(sale.offerTextNB)
            let shown = seen["offer_text"] as? String ?? ""
            #expect(shown.contains("Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig."))
            #expect(shown.contains(offerText.split(separator: "\n").first.map(String.init) ?? "∅"))
            #expect(seen["accept_buttons"] as? Int == 1)
            // The confirm step asks once more, then the receipt; no page scrolls sideways on a phone.
            #expect((seen["confirm_url"] as? String)?.contains("/t/\(token)/accept") == true)
            #expect((seen["confirm_text"] as? String)?.contains("Du binder deg nå til") == true)
            #expect(seen["confirm_buttons"] as? Int == 1)
            #expect((seen["receipt_text"] as? String)?.contains("Takk! Du har akseptert tilbudet.") == true)
            let overflow = seen["overflow"] as? [String: Bool] ?? [:]
            #expect(overflow.count == 6, "offer, confirm and receipt at 390 and 320 px")
            #expect(overflow.filter(\.value).isEmpty, "pages wider than the phone: \(overflow.filter(\.value).keys.sorted())")
            // axe-core, where axe-selenium-python is installed: no serious or critical finding on any of the three pages.
            if let axe = seen["axe"] as? [String: [String]] {
                #expect(axe.count == 3)
                let findings = axe.values.flatMap { $0 }
                #expect(findings.isEmpty, "axe: \(axe)")
            }
            #expect((seen["receipt_text"] as? String)?.contains(sale.reference) == true, "the receipt names the reference")
            #expect(sale.state == "accepted")
            let accepted = try #require(
                try await SaleEvidenceModel.query(on: app.db).filter(\.$saleID == id).all().compactMap(\.entry).first { $0.event == .accepted })
            #expect(accepted.channel == "link")
            #expect(accepted.offerTextSHA256 == sale.offerSHA256)
            #expect(accepted.fingerprint?.count == 64, "a keyed hash of address and user agent, never the agent itself")
            #expect(FileManager.default.fileExists(atPath: screenshots.appendingPathComponent("receipt.png").path))
        }
    }
}
