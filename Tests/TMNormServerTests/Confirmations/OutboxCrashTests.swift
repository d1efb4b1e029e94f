import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor

@testable import TMNormServer

/// Fault test of the outbox with the real executable: the server is killed with SIGKILL while it sends,
/// started again, and a counting SMS sink shows what arrived.
@Suite("Outbox: kill -9 while sending")
struct OutboxCrashTests {
    static let messages = 600

    static var runnable: Bool { (ServerProcess.binary != nil && LocalSinks.available) || ProcessInfo.processInfo.environment["CI"] != nil }

    @Test(
        "after kill -9 and a restart every queued SMS reaches the gateway; none is lost, and the one message in flight at the kill is repeated with the same id, so the gateway drops it",
        .enabled(if: runnable, "needs the built tmnorm executable and python3 with aiosmtpd"))
    func killWhileSending() async throws {
        try await LocalSinks.with { sinks in
            try await withTestApp { app in
                let queuedAt = Date().addingTimeInterval(-1)
                for i in 0..<Self.messages {
                    try await Messaging.enqueue(
                        on: app.db, kind: .sms, to: "+479" + String(1_000_000 + i), text: "Tilbud nr. \(i)", idempotencyKey: "crash-\(i)",
                        now: queuedAt)
                }
                let (arguments, environment) = ServerProcess.sharing(
                    app.config,
                    extra: [
                        "TMNORM_SMS_URL": "http://127.0.0.1:\(sinks.httpPort)/slowevery/50/sms", "TMNORM_SMS_TOKEN": "sink-token",
                        "TMNORM_WORKER_INTERVAL": "0.05", "TMNORM_OUTBOX_LEASE": "2", "TMNORM_BCRYPT_COST": "4",
                    ])
                let port = try ServerProcess.freePort()

                let first = try await ServerProcess(arguments: arguments, environment: environment, port: port)
                let deadline = Date().addingTimeInterval(60)
                while sinks.received("http").count < Self.messages / 4 && Date() < deadline {
                    try await Task.sleep(nanoseconds: 5_000_000)
                }
                first.kill9()
                let heardBeforeKill = sinks.received("http").count
                #expect(
                    heardBeforeKill > 0 && heardBeforeKill < Self.messages, "the kill landed while sending (\(heardBeforeKill) of \(Self.messages))")
                let stillQueued = try await OutboxMessageModel.query(on: app.db).filter(\.$statusRaw != OutboxMessageModel.Status.sent.rawValue)
                    .count()
                #expect(stillQueued > 0)

                let second = try await ServerProcess(arguments: arguments, environment: environment, port: port)
                defer { second.stop() }
                func distinctIDs() -> Set<String> {
                    Set(
                        sinks.received("http").compactMap { record in
                            (record["body"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["id"]
                                as? String
                        })
                }
                let finish = Date().addingTimeInterval(90)
                // Done when the database says every message is sent (the one in flight at the kill is sent
                // again only after its lease has run out).
                while Date() < finish {
                    let unsent = try await OutboxMessageModel.query(on: app.db).filter(\.$statusRaw != OutboxMessageModel.Status.sent.rawValue)
                        .count()
                    if unsent == 0 { break }
                    try await Task.sleep(nanoseconds: 100_000_000)
                }
                let posts = sinks.received("http")
                let ids = distinctIDs()
                #expect(ids.count == Self.messages, "nothing lost: \(ids.count) of \(Self.messages) distinct messages arrived")
                #expect(ids == Set((0..<Self.messages).map { "crash-\($0)" }))
                // The sink holds every 50th answer for a second, so the kill lands after the gateway heard
                // message 150 but before the server learnt it: that one message, and only it, comes again.
                let repeated = posts.count - ids.count
                #expect(repeated == 1, "only the message in flight at the kill is repeated (\(repeated) repeats)")
                let counts = Dictionary(
                    grouping: posts.compactMap { record in
                        (record["body"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["id"]
                            as? String
                    }, by: { $0 }
                ).mapValues(\.count)
                #expect(counts.values.filter { $0 > 1 }.count == repeated, "a repeat carries the id of the first attempt, so the gateway drops it")
                #expect(posts.allSatisfy { ($0["headers"] as? [String: String])?["authorization"] == "Bearer sink-token" })

                // The database agrees: every message is sent, none is left claimed or failed.
                let rows = try await OutboxMessageModel.query(on: app.db).all()
                #expect(rows.count == Self.messages)
                #expect(rows.allSatisfy { $0.status == .sent }, "\(Dictionary(grouping: rows, by: \.statusRaw).mapValues(\.count))")
            }
        }
    }
}
