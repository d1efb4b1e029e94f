import Fluent
import Foundation
import TMNormCore
import Vapor

/// Delivery receipts from the SMS gateway: `{"id": <the id we sent>, "status": "delivered" | "failed" | …}`
/// in a signed inbound message. The outbox row records the handset status, and the features that sent
/// the message hear of it through `MessagingState.receiptHooks` in the same transaction (the offers feature
/// appends "delivered to the phone" to the sale's evidence).
enum DeliveryReceipts {
    /// Statuses gateways commonly report, normalised; anything else is kept as "other".
    static let known: Set<String> = ["delivered", "failed", "expired", "rejected", "undeliverable", "buffered"]

    /// Records a receipt; returns `receipt_recorded`, or `unknown_message` for an id we never sent (answered
    /// with 200 all the same, so the gateway does not retry it forever).
    static func record(messageID: String, status raw: String, reportedAt: Date, app: Application, on db: any Database) async throws -> String {
        let status = known.contains(raw.lowercased()) ? raw.lowercased() : "other"
        guard
            let row = try await OutboxMessageModel.query(on: db).filter(\.$idempotencyKey == messageID)
                .filter(\.$kindRaw == MessageKind.sms.rawValue).first()
        else { return "unknown_message" }
        try await db.writeTransaction { db in
            row.deliveryStatus = status
            row.deliveryReportedAt = reportedAt
            try await row.save(on: db)
            for hook in app.messaging.receiptHooks {
                try await hook(DeliveryReceipt(message: row, status: status, reportedAt: reportedAt), db)
            }
        }
        return "receipt_recorded"
    }
}

/// A handset status the SMS gateway reported for a message we sent.
struct DeliveryReceipt: Sendable {
    /// The outbox row, already updated with the status.
    let message: OutboxMessageModel
    /// Normalised: one of `DeliveryReceipts.known`, or "other".
    let status: String
    let reportedAt: Date
}

/// Adds the delivery-receipt columns to `outbox_messages`.
struct AddOutboxDeliveryReceipts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite alters a table one column at a time.
        try await database.schema(OutboxMessageModel.schema).field("delivery_status", .string).update()
        try await database.schema(OutboxMessageModel.schema).field("delivery_reported_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).deleteField("delivery_reported_at").update()
        try await database.schema(OutboxMessageModel.schema).deleteField("delivery_status").update()
    }
}
