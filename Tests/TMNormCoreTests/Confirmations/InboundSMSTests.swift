import Foundation
import Testing
@testable import TMNormCore

@Suite("Inbound SMS")
struct InboundSMSTests {
    static let parses: [(text: String, expected: InboundSMSCommand)] = [
        ("JA K7M2QX", .command(.accept, code: "K7M2QX")),
        ("ja k7m2qx", .command(.accept, code: "K7M2QX")),
        ("  Ja, K7M2QX!  ", .command(.accept, code: "K7M2QX")),
        ("ja, ABC123", .command(.accept, code: "ABC123")),
        ("ja, ABC234", .command(.accept, code: "ABC234")),
        ("JA K7M 2QX", .command(.accept, code: "K7M2QX")),
        ("JA-K7M2QX", .command(.accept, code: "K7M2QX")),
        ("JAK7M2QX", .command(.accept, code: "K7M2QX")),
        ("Ja K7M2QX takk", .command(.accept, code: "K7M2QX")),
        ("YES K7M2QX", .command(.accept, code: "K7M2QX")),
        ("NEI K7M2QX", .command(.decline, code: "K7M2QX")),
        ("nei.k7m2qx", .command(.decline, code: "K7M2QX")),
        ("No K7M2QX", .command(.decline, code: "K7M2QX")),
        ("ANGRE K7M2QX", .command(.withdraw, code: "K7M2QX")),
        ("angre\nk7m2qx", .command(.withdraw, code: "K7M2QX")),
        ("ANGREK7M2QX", .command(.withdraw, code: "K7M2QX")),
        ("👍 JA K7M2QX", .command(.accept, code: "K7M2QX")),
        ("", .unrecognised(.empty)),
        ("   ...  ", .unrecognised(.empty)),
        ("JA", .unrecognised(.missingCode(.accept))),
        ("Ja takk", .unrecognised(.malformedCode(.accept, "TAKK"))),
        ("Hei, hva gjelder dette?", .unrecognised(.unknownKeyword("HEI"))),
        ("STOPP", .unrecognised(.unknownKeyword("STOPP"))),
        ("JA NEI K7M2QX", .unrecognised(.ambiguous)),
        ("JA K7M2QX NEI", .unrecognised(.ambiguous)),
        ("JA K7M2Q", .unrecognised(.malformedCode(.accept, "K7M2Q"))),
        ("JA K0M2QX", .command(.accept, code: "K0M2QX")),
        ("JA ÆØÅ123", .unrecognised(.malformedCode(.accept, "ÆØÅ123"))),
        // A digit carrying a combining accent is one Character but not an ASCII digit.
        ("JA K7M2Q1\u{301}", .unrecognised(.malformedCode(.accept, "K7M2Q1\u{301}"))),
        ("JA K7M2Q٣", .unrecognised(.malformedCode(.accept, "K7M2Q٣"))),
    ]

    @Test("replies are read case-insensitively, tolerant of spaces and punctuation; anything else is unrecognised", arguments: parses)
    func parse(_ row: (text: String, expected: InboundSMSCommand)) {
        #expect(InboundSMSCommand.parse(row.text) == row.expected, "\(row.text)")
    }

    static let key = Array("sms-secret".utf8)
    static let body = Array(#"{"from":"+4791234567","to":"2250","text":"Ja, K7M2QX","received_at":"2026-06-03T12:00:00Z"}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_780_488_000)  // 2026-06-03T12:00:00Z

    @Test("a correctly signed body is verified, parsed and its sender read as a Norwegian number")
    func verified() throws {
        let signature = InboundSMSVerifier.sign(rawBody: Self.body, key: Self.key)
        let sms = try InboundSMSVerifier.verify(rawBody: Self.body, signature: signature, key: Self.key, now: Self.now)
        #expect(sms.sender?.e164 == "+4791234567")
        #expect(sms.command == .command(.accept, code: "K7M2QX"))
        #expect(sms.bodySHA256 == ConfirmationHashing.sha256Hex(bytes: Self.body))
        #expect(try InboundSMSVerifier.verify(rawBody: Self.body, signature: signature.uppercased(), key: Self.key).text == "Ja, K7M2QX")
        #expect(try InboundSMSVerifier.verify(rawBody: Self.body, signature: "sha256=" + signature, key: Self.key).to == "2250")
    }

    static let refusals: [(name: String, signature: String?, body: [UInt8], problem: InboundSMSProblem)] = [
        ("no header", nil, body, .missingSignature),
        ("empty header", " ", body, .missingSignature),
        ("wrong key", InboundSMSVerifier.sign(rawBody: body, key: Array("other".utf8)), body, .badSignature),
        ("not hex", "zz", body, .badSignature),
        ("truncated", String(InboundSMSVerifier.sign(rawBody: body, key: key).dropLast(2)), body, .badSignature),
        (
            "body changed after signing", InboundSMSVerifier.sign(rawBody: body, key: key),
            Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "Ja", with: "Nei").utf8), .badSignature
        ),
        (
            "signed garbage", InboundSMSVerifier.sign(rawBody: Array("hello".utf8), key: key), Array("hello".utf8),
            .malformedBody("expected JSON with from, to, text and received_at")
        ),
    ]

    @Test("unsigned, wrongly signed, altered and malformed bodies are refused", arguments: refusals)
    func refused(_ row: (name: String, signature: String?, body: [UInt8], problem: InboundSMSProblem)) {
        #expect(throws: row.problem, "\(row.name)") {
            try InboundSMSVerifier.verify(rawBody: row.body, signature: row.signature, key: Self.key)
        }
    }

    @Test("a replay outside the tolerance is refused as stale; signature problems are 401, others are not")
    func stale() {
        let signature = InboundSMSVerifier.sign(rawBody: Self.body, key: Self.key)
        let later = Self.now.addingTimeInterval(301)
        #expect(throws: InboundSMSProblem.stale(receivedAt: Self.now, now: later)) {
            try InboundSMSVerifier.verify(rawBody: Self.body, signature: signature, key: Self.key, now: later)
        }
        #expect(InboundSMSProblem.badSignature.isUnauthorized && InboundSMSProblem.missingSignature.isUnauthorized)
        #expect(!InboundSMSProblem.stale(receivedAt: Self.now, now: later).isUnauthorized)
    }

    @Test("an SMS authorizes only from the consumer's own number with the offer's code")
    func smsAuthorization() throws {
        let codeKey = Array("code-key".utf8)
        let storedCodeHash = OfferSecretGenerator.hashCode("K7M2QX", key: codeKey)
        let sms = try InboundSMSVerifier.verify(
            rawBody: Self.body, signature: InboundSMSVerifier.sign(rawBody: Self.body, key: Self.key), key: Self.key)
        let consumer = try #require(PhoneNumber.parse("91234567").number)
        let other = try #require(PhoneNumber.parse("98765432").number)
        #expect(ConsumerAuthorizer.viaSMS(sms, consumerPhone: consumer, storedCodeHash: storedCodeHash, codeKey: codeKey)?.channel == .sms)
        #expect(ConsumerAuthorizer.viaSMS(sms, consumerPhone: other, storedCodeHash: storedCodeHash, codeKey: codeKey) == nil)
        #expect(
            ConsumerAuthorizer.viaSMS(
                sms, consumerPhone: consumer, storedCodeHash: OfferSecretGenerator.hashCode("ABCDEF", key: codeKey), codeKey: codeKey) == nil)
    }
}
