import Foundation
import Testing
@testable import TMNormCore

@Suite("Webhook signing and retry back-off")
struct WebhookAndRetryTests {
    static let secret = Array("whsec-current".utf8)
    static let old = Array("whsec-old".utf8)
    static let payload = Array(#"{"id":"evt-1","type":"sale.accepted"}"#.utf8)
    static let t: Int64 = 1_780_000_000

    @Test("the header is t=UNIX,v1=HMAC-SHA256(secret, \"UNIX.payload\") in hex")
    func headerFormat() {
        let header = WebhookSignature.header(payload: Self.payload, secret: Self.secret, timestamp: Self.t)
        let expected = ConfirmationHashing.hmacSHA256Hex(key: Self.secret, message: Array("\(Self.t).".utf8) + Self.payload)
        #expect(header == "t=\(Self.t),v1=\(expected)")
    }

    @Test("RFC 4231 test case 2 holds for the shared HMAC")
    func hmacVector() {
        #expect(
            ConfirmationHashing.hmacSHA256Hex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("a fresh, correct signature verifies, also with a retiring secret and extra v1 values")
    func verifies() throws {
        let header = WebhookSignature.header(payload: Self.payload, secret: Self.old, timestamp: Self.t)
        #expect(try WebhookSignature.verify(header: header, payload: Self.payload, secrets: [Self.secret, Self.old], now: Self.t + 299) == Self.t)
        let twoSignatures = header + ",v1=" + String(repeating: "0", count: 64) + ",v0=ignored"
        #expect(try WebhookSignature.verify(header: twoSignatures, payload: Self.payload, secrets: [Self.old], now: Self.t - 10) == Self.t)
    }

    static let refusals: [(name: String, header: String?, now: Int64, problem: WebhookSignatureProblem)] = [
        ("no header", nil, t, .missingHeader),
        ("blank header", "  ", t, .missingHeader),
        ("no timestamp", "v1=abcd", t, .malformedHeader),
        ("no signature", "t=\(t)", t, .malformedHeader),
        ("timestamp not a number", "t=soon,v1=abcd", t, .malformedHeader),
        ("garbage", "hello", t, .malformedHeader),
        (
            "too old", WebhookSignature.header(payload: payload, secret: secret, timestamp: t), t + 301,
            .timestampOutsideTolerance(timestamp: t, now: t + 301, tolerance: 300)
        ),
        (
            "from the future", WebhookSignature.header(payload: payload, secret: secret, timestamp: t + 400), t,
            .timestampOutsideTolerance(timestamp: t + 400, now: t, tolerance: 300)
        ),
        ("other secret", WebhookSignature.header(payload: payload, secret: Array("x".utf8), timestamp: t), t, .signatureMismatch),
        (
            "timestamp changed",
            "t=\(t + 1),"
                + (WebhookSignature.header(payload: payload, secret: secret, timestamp: t).split(separator: ",").last.map(String.init) ?? ""), t,
            .signatureMismatch
        ),
    ]

    @Test("missing, malformed, stale and forged signatures are refused", arguments: refusals)
    func refused(_ row: (name: String, header: String?, now: Int64, problem: WebhookSignatureProblem)) {
        #expect(throws: row.problem, "\(row.name)") {
            try WebhookSignature.verify(header: row.header, payload: Self.payload, secrets: [Self.secret], now: row.now)
        }
    }

    @Test("a changed payload does not verify")
    func payloadChanged() {
        let header = WebhookSignature.header(payload: Self.payload, secret: Self.secret, timestamp: Self.t)
        #expect(throws: WebhookSignatureProblem.signatureMismatch) {
            try WebhookSignature.verify(header: header, payload: Self.payload + [0x20], secrets: [Self.secret], now: Self.t)
        }
    }

    @Test("webhook events exist for accepted, declined, expired and withdrawn only; payload bytes are stable")
    func events() throws {
        #expect(OfferState.allCases.compactMap(ConfirmationWebhookEvent.init(state:)) == [.accepted, .declined, .expired, .withdrawn])
        let at = try OsloTime.parseTimestamp("2026-06-03T12:05:00Z")
        let payload = ConfirmationWebhookEvent.accepted.payload(eventID: "evt-1", saleID: "sale/1", occurredAt: at)
        #expect(
            String(decoding: payload, as: UTF8.self)
                == #"{"id":"evt-1","occurred_at":"2026-06-03T14:05:00+02:00","sale_id":"sale/1","state":"accepted","type":"sale.accepted"}"#)
        #expect(payload == ConfirmationWebhookEvent.accepted.payload(eventID: "evt-1", saleID: "sale/1", occurredAt: at))
    }

    static let delays: [(attempt: Int, delay: TimeInterval?)] = [
        (0, nil), (1, 30), (2, 60), (3, 120), (4, 240), (9, 7_680), (10, 15_360), (11, 21_600), (12, nil), (13, nil),
    ]

    @Test("back-off doubles from 30 s, is capped at 6 h and stops after 12 attempts", arguments: delays)
    func backOff(_ row: (attempt: Int, delay: TimeInterval?)) {
        #expect(RetrySchedule.standard.delay(afterAttempt: row.attempt) == row.delay)
    }

    @Test("a failure becomes a retry time or, after the last attempt, a dead letter")
    func decisions() {
        let failedAt = Date(timeIntervalSince1970: 1_000)
        #expect(RetrySchedule.standard.decision(afterFailedAttempt: 1, at: failedAt) == .retry(at: Date(timeIntervalSince1970: 1_030)))
        #expect(RetrySchedule.standard.decision(afterFailedAttempt: 12, at: failedAt) == .deadLetter)
        let huge = RetrySchedule(initialDelay: 1, multiplier: 10, maximumDelay: 60, maximumAttempts: 10_000)
        #expect(huge.delay(afterAttempt: 5_000) == 60)
    }

    @Test("jitter stays between half and the whole delay and comes from the injected generator")
    func jitter() {
        var rng = SeededGenerator(seed: 5)
        for attempt in 1..<12 {
            let full = RetrySchedule.standard.delay(afterAttempt: attempt) ?? 0
            let jittered = RetrySchedule.standard.delay(afterAttempt: attempt, jitterUsing: &rng) ?? -1
            #expect(jittered >= full / 2 && jittered <= full)
        }
        var a = SeededGenerator(seed: 1)
        var b = SeededGenerator(seed: 1)
        #expect(RetrySchedule.standard.delay(afterAttempt: 4, jitterUsing: &a) == RetrySchedule.standard.delay(afterAttempt: 4, jitterUsing: &b))
    }
}
