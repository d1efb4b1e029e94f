import Fluent
import Foundation
import TMNormCore
import Vapor

/// Delivery receipts from the SMS gateway: `{"id": <the id we sent>, "status": "delivered" | "failed" | …}`
/// in a signed inbound message. The outbox row records the handset status; for an offer, a receipt
/// saying "delivered" is appended to the sale's evidence (the offer reached the consumer's phone).
enum DeliveryReceipts {
    /// Statuses gateways commonly report, normalised; anything else is kept as "other".
    static let known: Set<String> = ["delivered", "failed", "expired", "rejected", "undeliverable", "buffered"]

    /// Records a receipt; returns `receipt_recorded`, or `unknown_message` for an id we never sent (answered
    /// with 200 all the same, so the gateway does not retry it forever).
    static func record(messageID: String, status raw: String, reportedAt: Date, app: Application, on db: any Database) async throws -> String {
        let status = known.contains(raw.lowercased()) ? raw.lowercased() : "other"
        guard let row = try await OutboxMessageModel.query(on: db).filter(\.$idempotencyKey == messageID)
            .filter(\.$kindRaw == MessageKind.sms.rawValue).first()
        else { return "unknown_message" }
        try await db.writeTransaction { db in
            row.deliveryStatus = status
            row.deliveryReportedAt = reportedAt
            try await row.save(on: db)
            guard status == "delivered", let saleID = row.saleID, row.idempotencyKey.contains(":offer:"),
                  let sale = try await SaleModel.find(saleID, on: db)
            else { return }
            try await SaleService.appendEvidence(
                to: sale, kind: .delivered, at: reportedAt, channel: "sms", detail: "delivery receipt from the SMS gateway: delivered to the phone", on: db)
            try await sale.save(on: db)
        }
        return "receipt_recorded"
    }
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
