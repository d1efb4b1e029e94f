import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// Delivers due outbox rows. Several processes may run it against one database: a row is claimed by
/// one statement (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one conditional UPDATE, and SQLite
/// serialises writers) and carries a lease, so a crashed worker's rows are claimed again after it.
enum OutboxWorker {

    /// One pass: claim up to `limit` due rows, deliver each, record the outcome.
    /// Returns how many messages were attempted.
    @discardableResult
    static func runOnce(_ app: Application, limit: Int = 50) async throws -> Int {
        let now = app.clock.now()
        let rows = try await claim(on: app.db, now: now, limit: limit, lease: app.config.messaging.outboxLease)
        for row in rows {
            await deliver(row, app: app)
        }
        return rows.count
    }

    /// Claims due rows for this worker and returns them.
    static func claim(on db: any Database, now: Date, limit: Int, lease: TimeInterval = 120) async throws -> [OutboxMessageModel] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let token = UUID().uuidString
        let leaseUntil = now.addingTimeInterval(lease)
        let due: SQLQueryString = """
            SELECT id FROM outbox_messages
            WHERE (status = 'queued' AND next_attempt_at <= \(bind: now))
               OR (status = 'sending' AND lease_until < \(bind: now))
            ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(max(1, limit)))
            """
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        try await sql.raw(
            """
            UPDATE outbox_messages SET status = 'sending', claim_token = \(bind: token), lease_until = \(bind: leaseUntil),
                attempts = attempts + 1
            WHERE id IN (\(due)\(lock))
            """
        ).run()
        return try await OutboxMessageModel.query(on: db).filter(\.$claimToken == token).filter(\.$statusRaw == "sending")
            .sort(\.$nextAttemptAt).all()
    }

    /// Sends one claimed row and records the outcome (only while the claim is still ours).
    static func deliver(_ row: OutboxMessageModel, app: Application) async {
        guard let id = row.id, let token = row.claimToken else { return }
        let kind = row.kind
        let outcome: DeliveryOutcome
        let transport = app.messaging.transport(for: kind)
        if let transport {
            let message = OutboundMessage(
                id: id, idempotencyKey: row.idempotencyKey, kind: kind, recipient: row.recipient, subject: row.subject,
                text: row.body, organisationID: row.organisationID, attachment: row.attachment)
            do {
                outcome = try await transport.send(message)
            } catch {
                outcome = .temporaryFailure(String(describing: error).prefix(500).description)
            }
        } else {
            outcome = .temporaryFailure("no transport for \(kind.rawValue)")
        }
        let now = app.clock.now()
        do {
            let update = OutboxMessageModel.query(on: app.db).filter(\.$id == id).filter(\.$claimToken == token)
                .set(\.$claimToken, to: nil).set(\.$leaseUntil, to: nil).set(\.$transport, to: transport?.name)
            switch outcome {
            case .accepted:
                update.set(\.$statusRaw, to: OutboxMessageModel.Status.sent.rawValue).set(\.$sentAt, to: now).set(\.$lastError, to: nil)
                // The text may hold the consumer's token and code: once delivered, only its hash remains.
                if !(transport?.keepsBody ?? false) { update.set(\.$body, to: "").set(\.$attachmentBody, to: nil) }
            case .permanentFailure(let reason):
                update.set(\.$statusRaw, to: OutboxMessageModel.Status.failed.rawValue).set(\.$lastError, to: String(reason.prefix(500)))
            case .temporaryFailure(let reason):
                switch app.messaging.retrySchedule.decision(afterFailedAttempt: row.attempts, at: now) {
                case .retry(let at):
                    update.set(\.$statusRaw, to: OutboxMessageModel.Status.queued.rawValue).set(\.$nextAttemptAt, to: at)
                case .deadLetter:
                    update.set(\.$statusRaw, to: OutboxMessageModel.Status.dead.rawValue)
                }
                update.set(\.$lastError, to: String(reason.prefix(500)))
            }
            try await update.update()
            app.logger.info(
                "outbox delivery",
                metadata: [
                    "message_id": .string(id.uuidString), "kind": .string(kind.rawValue), "attempt": .stringConvertible(row.attempts),
                    "outcome": .string(outcome.logName),
                ])
            if case .accepted = outcome {
                for hook in app.messaging.deliveredHooks { await hook(app, row) }
            }
        } catch {
            app.logger.error("outbox update failed", metadata: ["message_id": .string(id.uuidString), "error": .string(String(describing: error))])
        }
    }

    /// Puts a failed or dead message back in the queue (administrators, from the outbox page).
    static func requeue(_ id: UUID, on db: any Database, now: Date) async throws {
        try await OutboxMessageModel.query(on: db).filter(\.$id == id)
            .filter(\.$statusRaw ~~ [OutboxMessageModel.Status.failed.rawValue, OutboxMessageModel.Status.dead.rawValue])
            .set(\.$statusRaw, to: OutboxMessageModel.Status.queued.rawValue).set(\.$attempts, to: 0).set(\.$nextAttemptAt, to: now)
            .update()
    }
}

extension DeliveryOutcome {
    var logName: String {
        switch self {
        case .accepted: "accepted"
        case .permanentFailure: "permanent_failure"
        case .temporaryFailure: "temporary_failure"
        }
    }
}

/// Runs the worker every few seconds while the server runs.
struct OutboxWorkerLifecycle: LifecycleHandler {
    let interval: Double
    private let task = TaskBox()

    final class TaskBox: @unchecked Sendable {
        // Set once at boot and cancelled at shutdown, both from the lifecycle's thread.
        var task: Task<Void, Never>?
    }

    func didBootAsync(_ application: Application) async throws {
        let interval = self.interval
        task.task = Task { [application] in
            while !Task.isCancelled {
                do {
                    try await OutboxWorker.runOnce(application)
                } catch {
                    application.logger.error("worker pass failed", metadata: ["error": .string(String(describing: error))])
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.task?.cancel()
        await task.task?.value
    }
}
