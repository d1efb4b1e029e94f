import Fluent
import SQLKit
import Foundation
import TMNormCore
import Vapor

/// The outbox API other features call: queue a message; the worker delivers it at least once.
enum Messaging {
    /// Queues a message unless one with the same idempotency key exists (then returns that one).
    /// Inside a transaction, pass the transaction's database so the message commits with the change.
    @discardableResult
    static func enqueue(
        on db: any Database, kind: MessageKind, to recipient: String, subject: String? = nil, text: String,
        idempotencyKey: String, organisationID: UUID? = nil, saleID: UUID? = nil, segments: Int? = nil,
        notBefore: Date? = nil, now: Date = Date()
    ) async throws -> OutboxMessageModel {
        try await queue(
            on: db, kind: kind, to: recipient, subject: subject, text: text, idempotencyKey: idempotencyKey,
            organisationID: organisationID, saleID: saleID, segments: segments, notBefore: notBefore, now: now)
        guard let row = try await OutboxMessageModel.query(on: db).filter(\.$idempotencyKey == idempotencyKey).first() else {
            throw Abort(.internalServerError, reason: "queued message not found")
        }
        return row
    }

    /// Queues a message unless one with the same idempotency key exists: one statement, no read first
    /// (`INSERT … ON CONFLICT DO NOTHING`), which is what the consumer's answers need under load.
    static func queue(
        on db: any Database, kind: MessageKind, to recipient: String, subject: String? = nil, text: String,
        idempotencyKey: String, organisationID: UUID? = nil, saleID: UUID? = nil, segments: Int? = nil,
        notBefore: Date? = nil, now: Date = Date()
    ) async throws {
        try await queue(
            on: db,
            [
                Outgoing(
                    kind: kind, to: recipient, subject: subject, text: text, idempotencyKey: idempotencyKey, organisationID: organisationID,
                    saleID: saleID, segments: segments, notBefore: notBefore, queuedAt: now)
            ])
    }

    /// A message to queue: what `queue(on:_:)` takes, one row each.
    struct Outgoing: Sendable {
        let kind: MessageKind
        let to: String
        let subject: String?
        let text: String
        let idempotencyKey: String
        let organisationID: UUID?
        let saleID: UUID?
        /// SMS parts, when known.
        let segments: Int?
        /// Not sent before this (a reminder waits until it is due).
        let notBefore: Date?
        let queuedAt: Date
        /// A file for an e-mail (an invitation's .ics).
        var attachment: MessageAttachment? = nil

        init(
            kind: MessageKind, to: String, subject: String? = nil, text: String, idempotencyKey: String, organisationID: UUID?, saleID: UUID?,
            segments: Int? = nil, notBefore: Date? = nil, queuedAt: Date, attachment: MessageAttachment? = nil
        ) {
            self.attachment = attachment
            self.kind = kind
            self.to = to
            self.subject = subject
            self.text = text
            self.idempotencyKey = idempotencyKey
            self.organisationID = organisationID
            self.saleID = saleID
            self.segments = segments
            self.notBefore = notBefore
            self.queuedAt = queuedAt
        }
    }

    /// Queues several messages in one statement, each unless its idempotency key exists.
    static func queue(on db: any Database, _ messages: [Outgoing]) async throws {
        guard !messages.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the outbox needs an SQL database") }
        let insert = sql.insert(into: OutboxMessageModel.schema)
            .columns(
                "id", "idempotency_key", "kind", "recipient", "subject", "body", "body_sha256", "segments", "organisation_id",
                "sale_id", "status", "attempts", "next_attempt_at", "created_at", "attachment_name", "attachment_type", "attachment_body")
        for message in messages {
            insert.values(
                UUID(), message.idempotencyKey, message.kind.rawValue, message.to, message.subject, message.text,
                ConfirmationHashing.sha256Hex(message.text), message.segments, message.organisationID, message.saleID,
                OutboxMessageModel.Status.queued.rawValue, 0, max(message.queuedAt, message.notBefore ?? message.queuedAt), message.queuedAt,
                message.attachment?.fileName, message.attachment?.contentType, message.attachment?.content)
        }
        try await insert.ignoringConflicts(with: ["idempotency_key"]).run()
    }

    /// Withdraws queued messages that must no longer go out (a reminder after the consumer answered);
    /// their text is dropped with them.
    static func cancel(on db: any Database, idempotencyKeys: [String], reason: String) async throws {
        guard !idempotencyKeys.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the outbox needs an SQL database") }
        try await sql.raw(cancelQuery(idempotencyKeys: idempotencyKeys, reason: reason)).run()
    }

    /// The statement behind `cancel`. The status test is written so no index can serve it: without
    /// statistics SQLite's planner prefers the (status, next_attempt_at) index over the unique key as soon
    /// as the list has four keys, and then walks every queued message (measured: the answer batches spent
    /// most of their time there). The unique key is the way in.
    static func cancelQuery(idempotencyKeys: [String], reason: String) -> SQLQueryString {
        """
        UPDATE outbox_messages SET status = \(bind: OutboxMessageModel.Status.failed.rawValue), last_error = \(bind: reason), body = '' \
        WHERE idempotency_key IN (\(binds: idempotencyKeys)) AND COALESCE(status, '') = \(bind: OutboxMessageModel.Status.queued.rawValue)
        """
    }

    /// Wires the transports from the configuration and starts the worker (outside tests).
    static func boot(_ app: Application) {
        let config = app.config.messaging
        app.messaging.transports[.sms] =
            config.smsGateway.map { HTTPSMSTransport(client: app.client, settings: $0, from: config.smsFrom) }
            ?? DevelopmentTransport(logger: app.logger)
        app.messaging.transports[.email] =
            config.smtp.map { SMTPTransport(settings: $0, eventLoopGroup: app.eventLoopGroup) }
            ?? DevelopmentTransport(logger: app.logger)
        app.messaging.transports[.webhook] = WebhookTransport(app: app)
        if config.workerEnabled && app.environment != .testing {
            app.lifecycle.use(OutboxWorkerLifecycle(interval: config.workerInterval))
        }
    }
}

/// The process's transports and retry schedule.
final class MessagingState: @unchecked Sendable {
    // Guarded by `lock`: set at boot (and by tests), read by the worker.
    private let lock = NSLock()
    private var _transports: [MessageKind: any MessageTransport] = [:]
    private var _retry = RetrySchedule.standard

    var transports: [MessageKind: any MessageTransport] {
        get { lock.withLock { _transports } }
        set { lock.withLock { _transports = newValue } }
    }

    var retrySchedule: RetrySchedule {
        get { lock.withLock { _retry } }
        set { lock.withLock { _retry = newValue } }
    }

    private var _delivered: [@Sendable (Application, OutboxMessageModel) async -> Void] = []
    /// Called after a transport accepted a message (evidence of delivery registers here).
    var deliveredHooks: [@Sendable (Application, OutboxMessageModel) async -> Void] {
        get { lock.withLock { _delivered } }
        set { lock.withLock { _delivered = newValue } }
    }

    private var _receipts: [@Sendable (DeliveryReceipt, any Database) async throws -> Void] = []
    /// Called with each delivery receipt, inside the transaction that records it.
    var receiptHooks: [@Sendable (DeliveryReceipt, any Database) async throws -> Void] {
        get { lock.withLock { _receipts } }
        set { lock.withLock { _receipts = newValue } }
    }

    private var _webhookSecret: (@Sendable (UUID, any Database) async throws -> String?)?
    /// Finds the signing secret of an organisation's webhook (set by the confirmations feature).
    var webhookSecret: (@Sendable (UUID, any Database) async throws -> String?)? {
        get { lock.withLock { _webhookSecret } }
        set { lock.withLock { _webhookSecret = newValue } }
    }

    func transport(for kind: MessageKind) -> (any MessageTransport)? { transports[kind] }
}
