import Foundation

/// An inbound SMS whose body carried a valid signature; only `InboundSMSVerifier` makes one.
public struct VerifiedInboundSMS: Sendable, Hashable {
    /// The sender as the gateway wrote it.
    public let from: String
    /// The sender parsed as a Norwegian number (nil for foreign or malformed senders).
    public let sender: PhoneNumber?
    public let to: String
    public let text: String
    public let receivedAt: Date
    /// The gateway's message id and delivery status, when it sends them (delivery receipts).
    public let messageID: String?
    public let status: String?
    /// The reply as a command.
    public let command: InboundSMSCommand
    /// SHA-256 hex of the raw body: the key for refusing a replayed delivery.
    public let bodySHA256: String
}

/// Why an inbound SMS request is refused (401 for signature problems, 400 for the rest).
public enum InboundSMSProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case missingSignature
    case badSignature
    case malformedBody(String)
    /// `received_at` is further from now than the tolerance: a replay or a badly wrong clock.
    case stale(receivedAt: Date, now: Date)

    /// 401 when the sender is not proven, 400 otherwise.
    public var isUnauthorized: Bool { self == .missingSignature || self == .badSignature }

    public var description: String {
        switch self {
        case .missingSignature: "missing \(InboundSMSVerifier.signatureHeader) header"
        case .badSignature: "\(InboundSMSVerifier.signatureHeader) does not match the body"
        case .malformedBody(let why): "the body is not an inbound SMS: \(why)"
        case .stale(let at, let now): "received_at \(OsloTime.iso8601(at)) is too far from now (\(OsloTime.iso8601(now)))"
        }
    }
}

/// Verifies the gateway's HMAC-SHA256 signature over the raw body, then reads the body.
public enum InboundSMSVerifier {
    /// The header that carries the hex signature.
    public static let signatureHeader = "X-TMNorm-Signature"

    /// Body fields: `{"from", "to", "text", "received_at"}` plus optional `id` and `status`.
    struct Body: Decodable {
        let from: String
        let to: String
        let text: String
        let receivedAt: String
        let id: String?
        let status: String?
        enum CodingKeys: String, CodingKey { case from, to, text, receivedAt = "received_at", id, status }
    }

    /// Checks the signature first (constant time, before parsing anything), then the body, then, when
    /// `now` is given, that `received_at` lies within `tolerance` of it.
    public static func verify(
        rawBody: [UInt8], signature: String?, key: some Sequence<UInt8>, now: Date? = nil,
        tolerance: TimeInterval = 300, codeLength: Int = 6
    ) throws(InboundSMSProblem) -> VerifiedInboundSMS {
        guard var hex = signature?.trimmingCharacters(in: .whitespaces), !hex.isEmpty else { throw .missingSignature }
        if hex.lowercased().hasPrefix("sha256=") { hex = String(hex.dropFirst(7)) }
        guard ConfirmationHashing.isValidHMACSHA256(hexSignature: hex, key: key, message: rawBody) else { throw .badSignature }
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: Data(rawBody)) } catch {
            throw .malformedBody("expected JSON with from, to, text and received_at")
        }
        let receivedAt: Date
        do { receivedAt = try OsloTime.parseTimestamp(body.receivedAt) } catch { throw .malformedBody("received_at: \(error.description)") }
        if let now, abs(now.timeIntervalSince(receivedAt)) > tolerance { throw .stale(receivedAt: receivedAt, now: now) }
        return VerifiedInboundSMS(
            from: body.from, sender: PhoneNumber.parse(body.from).number, to: body.to, text: body.text,
            receivedAt: receivedAt, messageID: body.id, status: body.status,
            command: InboundSMSCommand.parse(body.text, codeLength: codeLength),
            bodySHA256: ConfirmationHashing.sha256Hex(bytes: rawBody))
    }

    /// The hex signature for a body (what the gateway, the local SMS sink and tests send).
    public static func sign(rawBody: [UInt8], key: some Sequence<UInt8>) -> String {
        ConfirmationHashing.hmacSHA256Hex(key: key, message: rawBody)
    }
}
