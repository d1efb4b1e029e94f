import Fluent
import Foundation
import TMNormCore
import Vapor

/// Wires the confirmation feature into the messaging layer: webhook secrets, delivery evidence,
/// reminder bookkeeping and the expiry job.
enum ConfirmationsBoot {
    static func boot(_ app: Application) {
        app.messaging.webhookSecret = { organisationID, db in
            try await OfferSettingsModel.query(on: db).filter(\.$organisationID == organisationID).first()?.webhookSecret
        }
        app.messaging.deliveredHooks.append { app, row in
            await delivered(row, app: app)
        }
        app.messaging.jobs.append { app, now in
            try await ConfirmationJobs.expire(app, now: now)
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
                    try await SaleService.appendEvidence(to: sale, kind: .delivered, at: app.clock.now(), channel: row.kindRaw, detail: row.transport, on: db)
                    try await sale.save(on: db)
                }
            }
        } catch {
            app.logger.warning("delivery evidence not recorded", metadata: ["sale_id": .string(saleID.uuidString)])
        }
    }
}

/// Offer jobs run by the worker loop after each outbox pass.
enum ConfirmationJobs {
    /// Expires every sent offer whose acceptance deadline has passed.
    static func expire(_ app: Application, now: Date) async throws {
        let open = try await SaleModel.query(on: app.db).filter(\.$state == OfferState.sent.rawValue).all()
        for sale in open where (try? sale.lifecycle().isExpiryDue(at: now)) == true {
            _ = try? await SaleService.apply(.expire, to: sale, app: app, on: app.db, now: now, channel: "job")
        }
    }
}
