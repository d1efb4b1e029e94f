import Fluent
import Foundation
import NIOCore
import NIOEmbedded
import SQLKit
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// The outbox: a table is the queue; at-least-once delivery, retries with back-off, dead letters.
@Suite("Messaging: outbox, worker and transports")
struct MessagingTests {
    @Test("the same idempotency key never queues two messages")
    func idempotentEnqueue() async throws {
        try await withTestApp { app in
            let first = try await Messaging.enqueue(on: app.db, kind: .sms, to: "+4791234567", text: "Hei", idempotencyKey: "k-1", now: testNow)
            let second = try await Messaging.enqueue(
                on: app.db, kind: .sms, to: "+4791234567", text: "Hei igjen", idempotencyKey: "k-1", now: testNow)
            #expect(first.id == second.id)
            #expect(try await OutboxMessageModel.query(on: app.db).count() == 1)
        }
    }

    @Test("cancelling withdraws only queued messages with the given keys, in one statement led by the unique key")
    func cancelManyKeys() async throws {
        try await withTestApp { app in
            for i in 0..<40 {
                try await Messaging.queue(on: app.db, kind: .sms, to: "+4791234567", text: "påminnelse \(i)", idempotencyKey: "r-\(i)", now: testNow)
            }
            let sent = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey == "r-0").first())
            sent.statusRaw = OutboxMessageModel.Status.sent.rawValue
            try await sent.save(on: app.db)
            let keys = (0..<32).map { "r-\($0)" } + ["no-such-key"]
            try await Messaging.cancel(on: app.db, idempotencyKeys: keys, reason: "cancelled: the offer is accepted")
            let rows = try await OutboxMessageModel.query(on: app.db).all()
            let byKey = Dictionary(uniqueKeysWithValues: rows.map { ($0.idempotencyKey, $0) })
            #expect(byKey["r-0"]?.status == .sent)
            #expect((1..<32).allSatisfy { byKey["r-\($0)"]?.status == .failed && byKey["r-\($0)"]?.body == "" })
            #expect((32..<40).allSatisfy { byKey["r-\($0)"]?.status == .queued })
            #expect(byKey["r-1"]?.lastError == "cancelled: the offer is accepted")
            // The plan: SQLite without statistics chose the status index for lists of four keys and more,
            // walking every queued message; the statement is written so the unique key leads.
            let sql = try #require(app.db as? any SQLDatabase)
            if sql.dialect.name == "sqlite" {
                let plan = try await sql.raw("EXPLAIN QUERY PLAN " + Messaging.cancelQuery(idempotencyKeys: keys, reason: "x")).all()
                    .map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("idempotency_key") }, "plan: \(plan)")
                #expect(!plan.contains { $0.contains("outbox_messages_due") }, "plan: \(plan)")
            }
        }
    }

    @Test("a delivered message is marked sent and its text is replaced by its hash")
    func deliveredReplacesBody() async throws {
        try await withTestApp { app in
            // given
            let capture = CapturingTransport()
            app.messaging.transports[.sms] = capture
            let row = try await Messaging.enqueue(on: app.db, kind: .sms, to: "+4791234567", text: "Kode K7M2QX", idempotencyKey: "k-2", now: testNow)
            // when
            #expect(try await OutboxWorker.runOnce(app) == 1)
            // then
            let stored = try #require(try await OutboxMessageModel.find(row.id, on: app.db))
            #expect(stored.status == .sent)
            #expect(stored.body == "")
            #expect(stored.bodySHA256 == ConfirmationHashing.sha256Hex("Kode K7M2QX"))
            #expect(stored.attempts == 1)
            #expect(capture.sent.map(\.text) == ["Kode K7M2QX"])
            // a second pass sends nothing
            #expect(try await OutboxWorker.runOnce(app) == 0)
            #expect(capture.sent.count == 1)
        }
    }

    @Test("a temporary failure is retried after the core's back-off; a permanent one is not")
    func retryAndPermanent() async throws {
        try await withTestApp { app in
            let capture = CapturingTransport()
            capture.enqueueOutcomes([.temporaryFailure("HTTP 503"), .permanentFailure("HTTP 400")])
            app.messaging.transports[.sms] = capture
            let a = try await Messaging.enqueue(on: app.db, kind: .sms, to: "+4791234567", text: "a", idempotencyKey: "a", now: testNow)
            let b = try await Messaging.enqueue(
                on: app.db, kind: .sms, to: "+4791234568", text: "b", idempotencyKey: "b", now: testNow.addingTimeInterval(-1))
            try await OutboxWorker.runOnce(app)
            let retried = try #require(try await OutboxMessageModel.find(b.id, on: app.db))
            let refused = try #require(try await OutboxMessageModel.find(a.id, on: app.db))
            #expect(retried.status == .queued)
            #expect(retried.lastError == "HTTP 503")
            #expect(abs(retried.nextAttemptAt.timeIntervalSince(testNow) - RetrySchedule.standard.initialDelay) < 1)
            #expect(refused.status == .failed)
            // not due yet: nothing happens
            #expect(try await OutboxWorker.runOnce(app) == 0)
        }
    }

    @Test("after the last attempt a message is a dead letter, shown to administrators, and can be requeued")
    func deadLetter() async throws {
        var now = testNow
        let clock = TestClock(now)
        try await withTestApp(clock: AppClock { clock.value }) { app in
            let world = try await TestWorld.make(app)
            let capture = CapturingTransport()
            capture.enqueueOutcomes([.temporaryFailure("timeout"), .temporaryFailure("timeout again")])
            app.messaging.transports[.email] = capture
            app.messaging.retrySchedule = RetrySchedule(initialDelay: 10, multiplier: 2, maximumDelay: 60, maximumAttempts: 2)
            let row = try await Messaging.enqueue(
                on: app.db, kind: .email, to: "ola@example.no", subject: "Tilbud", text: "x", idempotencyKey: "d",
                organisationID: world.callCentre.id, now: now)
            try await OutboxWorker.runOnce(app)
            now = now.addingTimeInterval(11)
            clock.value = now
            try await OutboxWorker.runOnce(app)
            let dead = try #require(try await OutboxMessageModel.find(row.id, on: app.db))
            #expect(dead.status == .dead)
            #expect(dead.attempts == 2)

            let page = try await app.get("/outbox?status=dead", as: world.browser(.associationAdmin))
            #expect(page.status == .ok)
            #expect(page.text.contains("data-status=\"dead\""))
            #expect(page.text.contains("timeout again"))
            #expect(!page.text.contains("ola@example.no"), "recipients are masked")
            let own = try await app.get("/outbox", as: world.browser(.callCentreAdmin))
            #expect(own.text.contains("data-status=\"dead\""))
            let foreign = try await app.get("/outbox", as: world.foreignAdmin)
            #expect(!foreign.text.contains("data-status=\"dead\""))
            #expect(try await app.get("/outbox", as: world.browser(.agent)).status == .forbidden)
            #expect(try await app.postForm("/outbox/\(row.id!.uuidString)/requeue", [:], as: world.foreignAdmin).status == .notFound)

            let requeue = try await app.postForm("/outbox/\(row.id!.uuidString)/requeue", [:], as: world.browser(.associationAdmin))
            #expect(requeue.status == .seeOther)
            try await OutboxWorker.runOnce(app)
            #expect(try await OutboxMessageModel.find(row.id, on: app.db)?.status == .sent)
        }
    }

    @Test("two workers at once never send a message twice")
    func concurrentWorkers() async throws {
        try await withTestApp { app in
            let capture = CapturingTransport()
            app.messaging.transports[.sms] = capture
            for index in 0..<30 {
                try await Messaging.enqueue(on: app.db, kind: .sms, to: "+4791234567", text: "m\(index)", idempotencyKey: "c\(index)", now: testNow)
            }
            async let one = OutboxWorker.runOnce(app, limit: 7)
            async let two = OutboxWorker.runOnce(app, limit: 7)
            async let three = OutboxWorker.runOnce(app, limit: 7)
            _ = try await (one, two, three)
            while try await OutboxWorker.runOnce(app, limit: 7) > 0 {}
            let texts = capture.sent.map(\.text)
            #expect(texts.count == 30)
            #expect(Set(texts).count == 30)
        }
    }

    @Test("a message claimed by a worker that died is claimed again after the lease")
    func leaseExpiry() async throws {
        try await withTestApp { app in
            let capture = CapturingTransport()
            app.messaging.transports[.sms] = capture
            let row = try await Messaging.enqueue(
                on: app.db, kind: .sms, to: "+4791234567", text: "x", idempotencyKey: "l", now: testNow.addingTimeInterval(-600))
            // a worker claimed it two lease periods ago and vanished
            let claimed = try await OutboxWorker.claim(on: app.db, now: testNow.addingTimeInterval(-240), limit: 10)
            #expect(claimed.count == 1)
            #expect(try await OutboxWorker.runOnce(app) == 1)
            let stored = try #require(try await OutboxMessageModel.find(row.id, on: app.db))
            #expect(stored.status == .sent)
            #expect(stored.attempts == 2)
            #expect(capture.sent.count == 1)
        }
    }

    @Test("the development transport keeps the text for administrators and sends nothing anywhere")
    func developmentTransport() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let row = try await Messaging.enqueue(
                on: app.db, kind: .sms, to: "+4791234567", text: "Utviklingstekst", idempotencyKey: "dev", now: testNow)
            try await OutboxWorker.runOnce(app)
            let stored = try #require(try await OutboxMessageModel.find(row.id, on: app.db))
            #expect(stored.status == .sent)
            #expect(stored.transport == "development")
            #expect(stored.body == "Utviklingstekst")
            #expect(try await app.get("/outbox", as: world.browser(.associationAdmin)).text.contains("Utviklingstekst"))
        }
    }

    @Test(
        "SMS over HTTP: POST {id,to,from,text} with the bearer token; 2xx accepted, 503 retried, 400 refused",
        .enabled(if: LocalSinks.enabled, LocalSinks.skipMessage))
    func httpSMS() async throws {
        try await LocalSinks.with { sinks in
            try await withTestApp { app in
                func gateway(_ path: String) -> HTTPSMSTransport {
                    HTTPSMSTransport(
                        client: app.client, settings: SMSGatewaySettings(url: "http://127.0.0.1:\(sinks.httpPort)\(path)", token: "gw-token"),
                        from: "2222")
                }
                let message = OutboundMessage(
                    id: UUID(), idempotencyKey: "sms-1", kind: .sms, recipient: "+4791234567", subject: nil, text: "Hei Ola – æøå",
                    organisationID: nil)
                #expect(try await gateway("/sms").send(message) == .accepted)
                #expect(try await gateway("/status/503/sms").send(message) == .temporaryFailure("HTTP 503"))
                #expect(try await gateway("/status/400/sms").send(message) == .permanentFailure("HTTP 400"))
                let heard = sinks.received("http")
                #expect(heard.count == 3)
                let first = try #require(heard.first)
                #expect((first["headers"] as? [String: String])?["authorization"] == "Bearer gw-token")
                let body = try JSONSerialization.jsonObject(with: Data((first["body"] as? String ?? "").utf8)) as? [String: String]
                #expect(body == ["id": "sms-1", "to": "+4791234567", "from": "2222", "text": "Hei Ola – æøå"])
            }
        }
    }

    @Test(
        "e-mail over SMTP to a real aiosmtpd: AUTH, dot-stuffing, UTF-8 subject and body",
        .enabled(if: LocalSinks.enabled, LocalSinks.skipMessage))
    func smtpPlain() async throws {
        try await LocalSinks.with { sinks in
            try await withTestApp { app in
                var settings = SMTPSettings(host: "127.0.0.1", port: sinks.smtpPort, tls: .off, fromAddress: "noreply@tmnorm.test")
                settings.username = LocalSinks.smtpUser
                settings.password = LocalSinks.smtpPassword
                settings.timeoutSeconds = 5
                app.messaging.transports[.email] = SMTPTransport(settings: settings, eventLoopGroup: app.eventLoopGroup)
                let text =
                    "Hei Ola,\n.en linje som starter med punktum\n.\nBlåbærsyltetøy koster 1 234,50 kr.\n" + String(repeating: "lang ", count: 60)
                let row = try await Messaging.enqueue(
                    on: app.db, kind: .email, to: "ola@example.no", subject: "Tilbud fra Kunde Alfa – bekreft", text: text, idempotencyKey: "mail-1",
                    now: testNow)
                #expect(try await OutboxWorker.runOnce(app) == 1)
                let stored = try #require(try await OutboxMessageModel.find(row.id, on: app.db))
                #expect(stored.status == .sent, "\(stored.lastError ?? "")")
                let mails = try await sinks.waitFor("smtp", count: 1)
                let mail = try #require(mails.first)
                #expect(mail["mail_from"] as? String == "noreply@tmnorm.test")
                #expect(mail["rcpt_tos"] as? [String] == ["ola@example.no"])
                #expect(mail["subject"] as? String == "Tilbud fra Kunde Alfa – bekreft")
                #expect((mail["body"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n") == text + "\n")
                #expect(mail["authenticated"] as? Bool == true)
            }
        }
    }

    @Test(
        "SMTP with STARTTLS required switches to TLS before AUTH",
        .enabled(if: LocalSinks.enabled, LocalSinks.skipMessage))
    func smtpStartTLS() async throws {
        try await LocalSinks.with(starttls: true) { sinks in
            try await withTestApp { app in
                var settings = SMTPSettings(host: "localhost", port: sinks.smtpPort, tls: .required, fromAddress: "noreply@tmnorm.test")
                settings.username = LocalSinks.smtpUser
                settings.password = LocalSinks.smtpPassword
                settings.trustRootsFile = sinks.certificateFile
                settings.timeoutSeconds = 5
                let client = SMTPClient(settings: settings, eventLoopGroup: app.eventLoopGroup)
                try await client.send(
                    SMTPMail(
                        fromAddress: "noreply@tmnorm.test", fromName: "TMNorm", to: ["kari@example.no"], subject: "TLS", text: "Kryptert.",
                        messageID: "tls-1", date: testNow))
                let mail = try #require(try await sinks.waitFor("smtp", count: 1).first)
                #expect(mail["tls"] as? Bool == true)
                #expect(mail["authenticated"] as? Bool == true)
            }
        }
    }

    @Test(
        "SMTP failures are classified: no STARTTLS when required, wrong password, a silent server times out",
        .enabled(if: LocalSinks.enabled, LocalSinks.skipMessage))
    func smtpFailures() async throws {
        try await LocalSinks.with { sinks in
            try await withTestApp { app in
                let mail = SMTPMail(
                    fromAddress: "noreply@tmnorm.test", fromName: "TMNorm", to: ["kari@example.no"], subject: "x", text: "x", messageID: "f",
                    date: testNow)
                var settings = SMTPSettings(host: "127.0.0.1", port: sinks.smtpPort, tls: .required, fromAddress: "noreply@tmnorm.test")
                settings.timeoutSeconds = 2
                await #expect(throws: SMTPError.self) { try await SMTPClient(settings: settings, eventLoopGroup: app.eventLoopGroup).send(mail) }

                settings.tls = .off
                settings.username = LocalSinks.smtpUser
                settings.password = "wrong"
                let refused = try await SMTPTransport(settings: settings, eventLoopGroup: app.eventLoopGroup)
                    .send(
                        OutboundMessage(
                            id: UUID(), idempotencyKey: "f", kind: .email, recipient: "kari@example.no", subject: "x", text: "x", organisationID: nil)
                    )
                guard case .temporaryFailure(let reason) = refused else { Issue.record("expected a temporary failure, got \(refused)"); return }
                #expect(reason.contains("AUTH"))

                var silent = SMTPSettings(host: "127.0.0.1", port: sinks.silentPort, tls: .off, fromAddress: "noreply@tmnorm.test")
                silent.timeoutSeconds = 0.5
                let started = Date()
                do {
                    try await SMTPClient(settings: silent, eventLoopGroup: app.eventLoopGroup).send(mail)
                    Issue.record("a silent server must time out")
                } catch let error as SMTPError {
                    #expect(error.description.contains("timeout"))
                }
                #expect(Date().timeIntervalSince(started) < 5)
                #expect(sinks.received("smtp").isEmpty)
            }
        }
    }

    @Test("SMTP helpers: dot-stuffing, quoted-printable lines stay short, unsafe addresses are refused")
    func smtpFormatting() throws {
        #expect(SMTPClient.dotStuffed("a\n.b\n..c\n") == "a\r\n..b\r\n...c\r\n")
        let encoded = MailFormatter.quotedPrintable(String(repeating: "ø", count: 100) + " \n=")
        #expect(encoded.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.hasSuffix("=20\r\n=3D\r\n"))
        #expect(!SMTPClient.isSafeAddress("a@b.no>\r\nRCPT TO:<c@d.no"))
        #expect(SMTPClient.isSafeAddress("ola.nordmann@example.no"))
    }

    @Test("multi-line SMTP replies are joined; CRLF and bare LF both end a line; a bad line fails the read")
    func replyParsing() async throws {
        let queue = SMTPReplyQueue()
        let channel = EmbeddedChannel(handler: SMTPLineHandler(queue: queue))
        try channel.writeInbound(ByteBuffer(string: "250-mx.example\r\n250-AUTH PLAIN LOGIN\r"))
        try channel.writeInbound(ByteBuffer(string: "\n250 HELP\n220 ready\r\n"))
        #expect(try await queue.next() == SMTPReply(code: 250, lines: ["mx.example", "AUTH PLAIN LOGIN", "HELP"]))
        #expect(try await queue.next() == SMTPReply(code: 220, lines: ["ready"]))
        try? channel.writeInbound(ByteBuffer(string: "hello\r\n"))
        await #expect(throws: SMTPError.self) { try await queue.next() }
    }
}

/// A settable clock for tests that move time.
final class TestClock: @unchecked Sendable {
    // Tests set it between awaited steps only.
    var value: Date
    init(_ value: Date) { self.value = value }
}
