import Foundation
import Logging

/// The channel a message leaves by.
enum MessageKind: String, Sendable, Codable, CaseIterable {
    case sms
    case email
    /// A signed HTTP call to a client's webhook URL (the body is the JSON payload).
    case webhook
}

/// One message as a transport sees it: taken from the outbox row.
struct OutboundMessage: Sendable {
    let id: UUID
    /// Stable per message; gateways use it to drop duplicates of an at-least-once delivery.
    let idempotencyKey: String
    let kind: MessageKind
    /// E.164 number, e-mail address or webhook URL.
    let recipient: String
    let subject: String?
    let text: String
    /// The organisation a webhook belongs to (its secret signs the call).
    let organisationID: UUID?
    /// A file sent with an e-mail (an invitation's .ics); other transports ignore it.
    let attachment: MessageAttachment?

    init(
        id: UUID, idempotencyKey: String, kind: MessageKind, recipient: String, subject: String?, text: String, organisationID: UUID?,
        attachment: MessageAttachment? = nil
    ) {
        self.attachment = attachment
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.text = text
        self.organisationID = organisationID
    }
}

/// A text file attached to an e-mail: its name, media type and content (UTF-8).
struct MessageAttachment: Sendable, Hashable {
    let fileName: String
    /// E.g. `text/calendar; charset=utf-8; method=REQUEST`.
    let contentType: String
    let content: String
}

/// What a transport made of one attempt.
enum DeliveryOutcome: Sendable, Equatable {
    /// Handed over: the gateway or mail server took responsibility.
    case accepted
    /// Will never succeed (bad recipient, refused): no retry.
    case permanentFailure(String)
    /// May succeed later (timeout, 5xx, 4xx SMTP reply): retried with back-off.
    case temporaryFailure(String)
}

/// Sends one message. Thrown errors count as temporary failures.
protocol MessageTransport: Sendable {
    /// Name shown on the outbox page ("development", "http-sms", "smtp", "webhook").
    var name: String { get }
    /// Whether the outbox keeps the text after delivery (only where nothing leaves the machine);
    /// otherwise it is replaced by its SHA-256, so staff never read tokens or codes.
    var keepsBody: Bool { get }
    func send(_ message: OutboundMessage) async throws -> DeliveryOutcome
}

extension MessageTransport {
    var keepsBody: Bool { false }
}

/// Development default: nothing leaves the machine. The message stays in the outbox for
/// administrators to read, and the log line names only its kind and id — never recipient or text.
struct DevelopmentTransport: MessageTransport {
    let logger: Logger
    var name: String { "development" }
    var keepsBody: Bool { true }

    init(logger: Logger) { self.logger = logger }

    func send(_ message: OutboundMessage) async throws -> DeliveryOutcome {
        logger.info(
            "message kept (development transport)", metadata: ["kind": .string(message.kind.rawValue), "message_id": .string(message.id.uuidString)])
        return .accepted
    }
}

/// Captures messages in memory (tests); answers with the outcome set for each call.
final class CapturingTransport: MessageTransport, @unchecked Sendable {
    // Guarded by `lock`: the worker may call from any task.
    private let lock = NSLock()
    private var _sent: [OutboundMessage] = []
    private var _outcomes: [DeliveryOutcome] = []
    let name = "capture"
    let keepsBody: Bool

    init(keepsBody: Bool = false) { self.keepsBody = keepsBody }

    /// Outcomes to return, in order; `.accepted` once they run out.
    func enqueueOutcomes(_ outcomes: [DeliveryOutcome]) {
        lock.withLock { _outcomes.append(contentsOf: outcomes) }
    }

    var sent: [OutboundMessage] { lock.withLock { _sent } }

    func send(_ message: OutboundMessage) async throws -> DeliveryOutcome {
        lock.withLock {
            _sent.append(message)
            return _outcomes.isEmpty ? .accepted : _outcomes.removeFirst()
        }
    }
}
