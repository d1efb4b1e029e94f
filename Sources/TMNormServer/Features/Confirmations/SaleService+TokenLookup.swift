import Fluent
import Foundation
import SQLKit
import TMNormCore

/// What an answer needs besides the sale, read with it: the last link of its evidence chain and the
/// client's webhook address. Valid while the sale's evidence head is `evidenceHead`.
struct AnswerContext: Sendable {
    let evidenceHead: String
    let lastLink: (sequence: Int, hash: String)?
    let webhookURL: String?
}

extension SaleService {
    /// The sale behind a token hash with its answer context, in one statement and without the ORM's
    /// reflection (the consumer's routes are the hot path of the confirmation scheme).
    static func sale(tokenHash: String, on db: any Database) async throws -> (SaleModel, AnswerContext)? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw(
            """
            SELECT s.*, \
            (SELECT e.sequence FROM sale_evidence e WHERE e.sale_id = s.id ORDER BY e.sequence DESC LIMIT 1) AS last_sequence, \
            (SELECT e.entry_hash FROM sale_evidence e WHERE e.sale_id = s.id ORDER BY e.sequence DESC LIMIT 1) AS last_hash, \
            (SELECT o.webhook_url FROM offer_settings o WHERE o.organisation_id = s.client_id) AS webhook_url \
            FROM sales s WHERE s.token_hash = \(bind: tokenHash)
            """
        ).first()
        guard let row else { return nil }
        let sale = try SaleModel(row: row)
        let lastLink = try row.decode(column: "last_sequence", as: Int?.self).map {
            (sequence: $0, hash: try row.decode(column: "last_hash", as: String.self))
        }
        return (
            sale,
            AnswerContext(evidenceHead: sale.evidenceHead, lastLink: lastLink, webhookURL: try row.decode(column: "webhook_url", as: String?.self))
        )
    }
}

extension SaleModel {
    /// A sale from a row of `SELECT sales.*`, every column set, marked as stored.
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        campaignID = try row.decode(column: "campaign_id", as: UUID.self)
        callCentreID = try row.decode(column: "call_centre_id", as: UUID.self)
        clientID = try row.decode(column: "client_id", as: UUID.self)
        agentID = try row.decode(column: "agent_id", as: UUID?.self)
        registeredBy = try row.decode(column: "registered_by", as: String.self)
        idempotencyKey = try row.decode(column: "idempotency_key", as: String.self)
        requestSHA256 = try row.decode(column: "request_sha256", as: String.self)
        state = try row.decode(column: "state", as: String.self)
        lifecycleJSON = try row.decode(column: "lifecycle_json", as: String.self)
        draftJSON = try row.decode(column: "draft_json", as: String.self)
        offerJSON = try row.decode(column: "offer_json", as: String?.self)
        consumerName = try row.decode(column: "consumer_name", as: String.self)
        consumerPhone = try row.decode(column: "consumer_phone", as: String?.self)
        consumerEmail = try row.decode(column: "consumer_email", as: String?.self)
        product = try row.decode(column: "product", as: String.self)
        tokenHash = try row.decode(column: "token_hash", as: String?.self)
        codeHash = try row.decode(column: "code_hash", as: String?.self)
        reference = try row.decode(column: "reference", as: String.self)
        offerTextNB = try row.decode(column: "offer_text_nb", as: String?.self)
        offerTextEN = try row.decode(column: "offer_text_en", as: String?.self)
        offerSHA256 = try row.decode(column: "offer_sha256", as: String?.self)
        evidenceHead = try row.decode(column: "evidence_head", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        $id.exists = true
    }
}
