import Fluent
import Foundation
import TMNormCore
import Vapor

/// `POST /api/v1/sms/inbound`: replies and delivery receipts from the SMS gateway, authenticated by
/// `X-TMNorm-Signature` (HMAC-SHA256 of the raw body with `TMNORM_SMS_SECRET`), not by an API key.
struct InboundSMSRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "sms", "inbound", body: .collect(maxSize: "16kb"), use: inbound)
    }

    struct Answer: Content {
        /// accepted, declined, withdrawn, already, unknown_code, ignored, refused; for delivery receipts
        /// receipt_recorded or unknown_message
        let result: String
        let message: String?
    }

    func inbound(req: Request) async throws -> Answer {
        let raw = req.body.data.map { Array($0.readableBytesView) } ?? []
        let secret = Array(req.application.config.messaging.smsInboundSecret.utf8)
        let sms: VerifiedInboundSMS
        do {
            sms = try InboundSMSVerifier.verify(
                rawBody: raw, signature: req.headers.first(name: InboundSMSVerifier.signatureHeader), key: secret, now: req.now, tolerance: 300)
        } catch {
            if error.isUnauthorized {
                throw AppError(
                    .unauthorized, code: "signature",
                    Phrase(nb: "Manglende eller feil signatur.", en: "Missing or wrong signature: \(error.description)"))
            }
            throw AppError.badRequest(Phrase(nb: "Ugyldig melding: \(error.description)", en: "Invalid message: \(error.description)"))
        }
        // A signed body is accepted once: a replay is refused before it can act.
        let record = InboundSMSModel()
        record.bodySHA256 = sms.bodySHA256
        record.receivedAt = req.now
        record.outcome = "received"
        if try await InboundSMSModel.query(on: req.db).filter(\.$bodySHA256 == sms.bodySHA256).count() > 0 {
            throw AppError.conflict(Phrase(nb: "Meldingen er allerede mottatt (gjentatt).", en: "This message was already received (replay)."))
        }
        do { try await record.create(on: req.db) } catch {
            throw AppError.conflict(Phrase(nb: "Meldingen er allerede mottatt (gjentatt).", en: "This message was already received (replay)."))
        }
        if let messageID = sms.messageID, let status = sms.status {
            let result = try await DeliveryReceipts.record(
                messageID: messageID, status: status, reportedAt: sms.receivedAt, app: req.application, on: req.db)
            return Answer(result: result, message: nil)
        }
        guard let action = sms.command.action, let code = sms.command.code, let sender = sms.sender else {
            return Answer(result: "ignored", message: "Svar JA, NEI eller ANGRE fulgt av koden fra tilbudet.")
        }
        // The current key first, then the one offers sent before the HKDF keys were hashed with.
        var candidates: [(SaleModel, [UInt8])] = []
        for codeKey in [SaleService.codeKey(req.application), SaleService.legacyCodeKey(req.application)] {
            candidates += try await SaleModel.query(on: req.db).filter(\.$consumerPhone == sender.e164)
                .filter(\.$codeHash == OfferSecretGenerator.hashCode(code, key: codeKey)).all().map { ($0, codeKey) }
        }
        for (sale, codeKey) in candidates {
            guard let phone = sale.consumerPhone.flatMap({ PhoneNumber.parse($0).number }), let stored = sale.codeHash,
                let auth = ConsumerAuthorizer.viaSMS(sms, consumerPhone: phone, storedCodeHash: stored, codeKey: codeKey)
            else { continue }
            if action == .accept, sale.state == OfferState.sent.rawValue, try await !SaleService.completeTextSent(sale, on: req.db) {
                return Answer(
                    result: "refused",
                    message:
                        "Hele tilbudet er ikke levert til deg på SMS ennå, så du kan ikke akseptere på SMS før det er kommet. Les hele tilbudet i lenken i meldingen, eller vent på resten av tilbudet og svar JA \(code) igjen."
                )
            }
            let event: OfferEvent =
                switch action {
                case .accept: .accept(auth)
                case .decline: .decline(auth)
                case .withdraw: .withdraw(.consumer(auth))
                }
            do {
                switch try await SaleService.apply(event, to: sale, app: req.application, on: req.db, now: req.now, channel: "sms", code: code) {
                case .changed(let lifecycle): return Answer(result: lifecycle.state.rawValue, message: nil)
                case .unchanged: return Answer(result: "already", message: nil)
                }
            } catch let error as OfferTransitionError {
                return Answer(result: "refused", message: error.norwegian)
            }
        }
        return Answer(result: "unknown_code", message: "Vi fant ikke noe tilbud med denne koden for ditt nummer.")
    }
}
