import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// The answer path of a sale: the consumer's (or a job's, or staff's) event applied under the state
/// machine, with its evidence link, receipts and webhook, safe against two answers at once.
extension SaleService {
    /// What happened, for the caller to render.
    enum Outcome {
        case changed(OfferLifecycle)
        case unchanged(OfferLifecycle)
    }

    /// Applies an event, persists the new lifecycle, appends evidence, queues receipt and webhook.
    /// Throws the core's `OfferTransitionError` when the event does not apply (nothing changes). Two answers
    /// to one offer at the same moment (a double click, a link and an SMS) cannot both win: the sale row is
    /// updated only if its evidence head is still the one the change was computed from; the loser re-reads
    /// the sale and is judged again on its new state.
    /// `known` is what a caller already read with the sale (the consumer's routes read it in one statement).
    static func apply(
        _ event: OfferEvent, to sale: SaleModel, app: Application, on db: any Database, now: Date,
        channel: String, fingerprint: String? = nil, code: String? = nil, detail: String? = nil, known: AnswerContext? = nil
    ) async throws -> Outcome {
        var known = known
        for _ in 0..<3 {
            if let outcome = try await attempt(
                event, to: sale, app: app, on: db, now: now, channel: channel, fingerprint: fingerprint, code: code, detail: detail, known: known)
            {
                return outcome
            }
            known = nil
            guard let fresh = try await SaleModel.find(try sale.requireID(), on: db) else { throw AppError.notFound() }
            sale.state = fresh.state
            sale.lifecycleJSON = fresh.lifecycleJSON
            sale.evidenceHead = fresh.evidenceHead
            sale.updatedAt = fresh.updatedAt
        }
        throw AppError.conflict(Phrase(nb: "Tilbudet ble endret samtidig. Prøv igjen.", en: "The offer changed at the same moment. Try again."))
    }

    /// One try; nil when another change to the same sale won the race.
    private static func attempt(
        _ event: OfferEvent, to sale: SaleModel, app: Application, on db: any Database, now: Date,
        channel: String, fingerprint: String?, code: String?, detail: String?, known: AnswerContext?
    ) async throws -> Outcome? {
        let current = try sale.lifecycle()
        switch OfferStateMachine.transition(from: current, event: event, at: now) {
        case .failure(let error):
            throw error
        case .success(.unchanged(let lifecycle, _)):
            return .unchanged(lifecycle)
        case .success(.changed(let next, _)):
            let saleID = try sale.requireID()
            let saleKey = saleID.uuidString.lowercased()
            let kind: EvidenceEventKind? =
                switch next.state {
                case .accepted where current.state == .sent: .accepted
                case .declined: .declined
                case .expired: .expired
                case .withdrawn: .withdrawn
                default:
                    switch event {
                    case .remind: .reminded
                    case .goodsReceived: .goodsReceived
                    default: nil
                    }
                }
            // Everything that needs no lock is prepared first: the stored lifecycle, the evidence link,
            // receipt texts, webhook. The link is computed from the chain as read now; the guarded update
            // stores it only if the head it follows is still the sale's head.
            let known = known?.evidenceHead == sale.evidenceHead ? known : nil
            let lifecycleJSON = String(decoding: try JSONEncoder().encode(next), as: UTF8.self)
            var messages: [Messaging.Outgoing] = []
            if next.state != current.state {
                messages = try receiptMessages(for: sale, lifecycle: next, app: app, now: now, code: code)
                let webhookURL = if let known { known.webhookURL } else { try await webhookURL(of: sale.clientID, on: db) }
                if let webhook = try webhookMessage(for: sale, state: next.state, url: webhookURL, now: now) { messages.append(webhook) }
            }
            var entry: EvidenceEntry?
            if let kind {
                let last = if let known { known.lastLink } else { try await lastEvidenceLink(of: saleID, on: try sqlDatabase(db)) }
                guard last?.hash == sale.evidenceHead else { return nil }
                entry = EvidenceEntry.make(
                    afterSequence: last?.sequence, previousHash: last?.hash, saleID: saleKey, event: kind, at: now,
                    offerTextSHA256: kind == .accepted ? sale.offerSHA256 : nil, channel: channel, fingerprint: fingerprint, detail: detail)
            }
            let write = SaleAnswerWrite(
                saleID: saleID, expectedHead: sale.evidenceHead, state: next.state, lifecycleJSON: lifecycleJSON, entry: entry,
                cancelKeys: next.state != .sent ? ["sale:\(saleKey):reminder:sms", "sale:\(saleKey):reminder:email"] : [],
                cancelReason: "cancelled: the offer is \(next.state.rawValue)", messages: messages, at: now)
            guard try await app.saleAnswerWriter.store(write, on: db) else { return nil }
            sale.stored(next, json: lifecycleJSON)
            sale.evidenceHead = write.head
            sale.updatedAt = now
            return .changed(next)
        }
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "sales need an SQL database") }
        return sql
    }

    /// The consumer's receipt by SMS and/or e-mail for a new state (none for other states).
    static func receiptMessages(for sale: SaleModel, lifecycle: OfferLifecycle, app: Application, now: Date, code: String?) throws -> [Messaging
        .Outgoing]
    {
        guard let offer = try sale.offer() else { return [] }
        let link = "\(app.config.publicBaseURL)/t"
        let notice: ConfirmationNotice
        switch lifecycle.state {
        case .accepted:
            notice = ConfirmationNoticeText.acceptanceReceipt(
                offer, language: .norwegian, acceptedAt: lifecycle.acceptedAt ?? now, reference: sale.reference, link: link,
                code: code ?? "", withdrawalDeadline: lifecycle.withdrawalDeadline, smsReplies: code != nil)
        case .declined:
            notice = ConfirmationNoticeText.declineReceipt(offer, language: .norwegian, reference: sale.reference)
        case .withdrawn:
            notice = ConfirmationNoticeText.withdrawalReceipt(offer, language: .norwegian, withdrawnAt: now, reference: sale.reference)
        default:
            return []
        }
        let key = "sale:\(try sale.requireID().uuidString.lowercased()):receipt:\(lifecycle.state.rawValue)"
        var messages: [Messaging.Outgoing] = []
        if let phone = sale.consumerPhone {
            messages.append(
                Messaging.Outgoing(
                    kind: .sms, to: phone, text: notice.sms, idempotencyKey: key + ":sms", organisationID: sale.callCentreID, saleID: sale.id,
                    queuedAt: now))
        }
        if let email = sale.consumerEmail {
            messages.append(
                Messaging.Outgoing(
                    kind: .email, to: email, subject: notice.emailSubject, text: notice.emailBody, idempotencyKey: key + ":email",
                    organisationID: sale.callCentreID, saleID: sale.id, queuedAt: now))
        }
        return messages
    }

    /// The client's webhook address, when it configured one.
    static func webhookURL(of clientID: UUID, on db: any Database) async throws -> String? {
        try await OfferSettingsModel.query(on: db).filter(\.$organisationID == clientID).first()?.webhookURL
    }

    /// `sale.accepted` … for the client's webhook, when it configured one.
    static func webhookMessage(for sale: SaleModel, state: OfferState, url: String?, now: Date) throws -> Messaging.Outgoing? {
        guard let event = ConfirmationWebhookEvent(state: state), let url, !url.isEmpty else { return nil }
        let saleKey = try sale.requireID().uuidString.lowercased()
        let payload = event.payload(eventID: "evt_\(saleKey)_\(state.rawValue)", saleID: saleKey, occurredAt: now)
        return Messaging.Outgoing(
            kind: .webhook, to: url, text: String(decoding: payload, as: UTF8.self), idempotencyKey: "sale:\(saleKey):webhook:\(state.rawValue)",
            organisationID: sale.clientID, saleID: sale.id, queuedAt: now)
    }

    /// Appends one entry to the sale's chain and moves the head (the caller saves the sale).
    static func appendEvidence(
        to sale: SaleModel, kind: EvidenceEventKind, at now: Date, channel: String?, fingerprint: String? = nil,
        offerHash: String? = nil, detail: String? = nil, on db: any Database
    ) async throws {
        let saleID = try sale.requireID()
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "evidence needs an SQL database") }
        let last = try await lastEvidenceLink(of: saleID, on: sql)
        let entry = EvidenceEntry.make(
            afterSequence: last?.sequence, previousHash: last?.hash, saleID: saleID.uuidString.lowercased(), event: kind, at: now,
            offerTextSHA256: offerHash, channel: channel, fingerprint: fingerprint, detail: detail)
        try await insertEvidence(entry, saleID: saleID, on: sql)
        sale.evidenceHead = entry.entryHash
    }

    /// Stores the head `appendEvidence` moved (one column, not the whole row).
    static func storeEvidenceHead(of sale: SaleModel, at now: Date, on db: any Database) async throws {
        let sql = try sqlDatabase(db)
        try await sql.raw(
            "UPDATE sales SET evidence_head = \(bind: sale.evidenceHead), updated_at = \(bind: now) WHERE id = \(bind: try sale.requireID())"
        ).run()
        sale.updatedAt = now
    }

    /// Only what the next link needs: the last sequence number and hash (read in the caller's transaction).
    static func lastEvidenceLink(of saleID: UUID, on sql: any SQLDatabase) async throws -> (sequence: Int, hash: String)? {
        try await sql.raw("SELECT sequence, entry_hash FROM sale_evidence WHERE sale_id = \(bind: saleID) ORDER BY sequence DESC LIMIT 1")
            .first().map { (sequence: try $0.decode(column: "sequence", as: Int.self), hash: try $0.decode(column: "entry_hash", as: String.self)) }
    }

    /// Inserts an entry; rows of the chain are never updated.
    static func insertEvidence(_ entry: EvidenceEntry, saleID: UUID, on sql: any SQLDatabase) async throws {
        try await insertEvidence([(saleID, entry)], on: sql)
    }

    /// Inserts entries of one or more sales in one statement.
    static func insertEvidence(_ entries: [(saleID: UUID, entry: EvidenceEntry)], on sql: any SQLDatabase) async throws {
        guard !entries.isEmpty else { return }
        let insert = sql.insert(into: SaleEvidenceModel.schema)
            .columns(
                "id", "sale_id", "sequence", "event", "at_ms", "offer_text_sha256", "channel", "fingerprint", "detail", "previous_hash", "entry_hash")
        for (saleID, entry) in entries {
            insert.values(
                UUID(), saleID, entry.sequence, entry.event.rawValue, entry.atMilliseconds, entry.offerTextSHA256, entry.channel,
                entry.fingerprint, entry.detail, entry.previousHash, entry.entryHash)
        }
        try await insert.run()
        // The same entries go to the evidence log, in this transaction (docs/evidence-log.md).
        try await EvidenceLog.enqueue(
            entries.map { saleID, entry in
                EvidenceLogItem(leaf: .saleEvidence(entry), subjectKind: "sale", subjectID: saleID, subjectSequence: entry.sequence)
            }, at: entries.map { $0.entry.at }.max() ?? Date(timeIntervalSince1970: 0), on: sql)
    }
}
