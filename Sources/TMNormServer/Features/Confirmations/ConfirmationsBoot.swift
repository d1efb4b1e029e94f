import Fluent
import Foundation
import TMNormCore
import Vapor

/// Wires the confirmation feature into the messaging layer: webhook secrets, delivery evidence,
/// and reminder bookkeeping.
enum ConfirmationsBoot {
    static func boot(_ app: Application) {
        app.messaging.webhookSecret = { organisationID, db in
            try await OfferSettingsModel.query(on: db).filter(\.$organisationID == organisationID).first()?.webhookSecret
        }
        app.messaging.deliveredHooks.append { app, row in
            await delivered(row, app: app)
        }
        app.messaging.receiptHooks.append { receipt, db in
            try await handsetDelivered(receipt, on: db)
        }
    }

    /// A delivered offer is evidence (`delivered`); a delivered reminder is the `remind` event.
    static func delivered(_ row: OutboxMessageModel, app: Application) async {
        guard let saleID = row.saleID else { return }
        let key = row.idempotencyKey
        do {
            guard let sale = try await SaleModel.find(saleID, on: app.db) else { return }
            if key.contains(":reminder:") {
                _ = try? await SaleService.apply(.remind, to: sale, app: app, on: app.db, now: app.clock.now(), channel: row.kindRaw)
            } else if key.contains(":offer:") {
                try await app.db.writeTransaction { db in
                    try await SaleService.appendEvidence(
                        to: sale, kind: .delivered, at: app.clock.now(), channel: row.kindRaw, detail: row.transport, on: db)
                    try await sale.save(on: db)
                }
            }
        } catch {
            app.logger.warning("delivery evidence not recorded", metadata: ["sale_id": .string(saleID.uuidString)])
        }
    }
}

extension ConfirmationsBoot {
    /// The gateway reported an offer SMS delivered to the phone: evidence that the offer reached the consumer.
    static func handsetDelivered(_ receipt: DeliveryReceipt, on db: any Database) async throws {
        let row = receipt.message
        guard receipt.status == "delivered", let saleID = row.saleID, row.idempotencyKey.contains(":offer:"),
            let sale = try await SaleModel.find(saleID, on: db)
        else { return }
        try await SaleService.appendEvidence(
            to: sale, kind: .delivered, at: receipt.reportedAt, channel: "sms",
            detail: "delivery receipt from the SMS gateway: delivered to the phone", on: db)
        try await sale.save(on: db)
    }
}

/// The offers' background work.
enum ConfirmationJobs {
    /// Offers expired per run at most; a larger backlog is taken by the next runs.
    static let expiryBatch = 500

    /// Expires sent offers whose acceptance deadline has passed; returns how many. Reads only the due
    /// offers (`sales_expiry` index) and is idempotent: an offer answered or expired meanwhile is left as it is.
    @discardableResult
    static func expire(_ app: Application, now: Date) async throws -> Int {
        let due = try await SaleModel.query(on: app.db)
            .filter(\.$state == OfferState.sent.rawValue).filter(\.$expiresAt <= now)
            .sort(\.$expiresAt).range(..<expiryBatch).all()
        var expired = 0
        for sale in due where (try? sale.lifecycle().isExpiryDue(at: now)) == true {
            if (try? await SaleService.apply(.expire, to: sale, app: app, on: app.db, now: now, channel: "job")) != nil { expired += 1 }
        }
        return expired
    }

    static let expiry = JobDefinition(
        name: "offer-expiry",
        summary: Phrase(nb: "Lar tilbud som ikke er besvart innen fristen, utløpe.", en: "Expires offers not answered by their deadline."),
        schedule: .every(seconds: 5)
    ) { context in
        let count = try await expire(context.app, now: context.now)
        return count == 0 ? nil : "\(count) expired"
    }
}
