import Fluent
import Foundation
import SQLKit
import TMNormCore

/// What an organisation puts in written offers (address, phone, e-mail) and where its webhooks go.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class OfferSettingsModel: Model, @unchecked Sendable {
    static let schema = "offer_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "webhook_url") var webhookURL: String?
    @OptionalField(key: "webhook_secret") var webhookSecret: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A sale registered after a call, and the written offer made from it.
final class SaleModel: Model, @unchecked Sendable {
    static let schema = "sales"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "call_centre_id") var callCentreID: UUID
    @Field(key: "client_id") var clientID: UUID
    /// The agent (user) who registered it, when a person did.
    @OptionalField(key: "agent_id") var agentID: UUID?
    @Field(key: "registered_by") var registeredBy: String
    @Field(key: "idempotency_key") var idempotencyKey: String
    @Field(key: "request_sha256") var requestSHA256: String
    @Field(key: "state") var state: String
    /// `OfferLifecycle` as JSON: state, deadlines and the policy snapshot.
    @Field(key: "lifecycle_json") var lifecycleJSON: String
    @Field(key: "draft_json") var draftJSON: String
    /// `ConfirmationOffer` as JSON (nil for an exempt sale).
    @OptionalField(key: "offer_json") var offerJSON: String?
    @Field(key: "consumer_name") var consumerName: String
    @OptionalField(key: "consumer_phone") var consumerPhone: String?
    @OptionalField(key: "consumer_email") var consumerEmail: String?
    @Field(key: "product") var product: String
    @OptionalField(key: "token_hash") var tokenHash: String?
    @OptionalField(key: "code_hash") var codeHash: String?
    @Field(key: "reference") var reference: String
    @OptionalField(key: "offer_text_nb") var offerTextNB: String?
    @OptionalField(key: "offer_text_en") var offerTextEN: String?
    @OptionalField(key: "offer_sha256") var offerSHA256: String?
    @Field(key: "evidence_head") var evidenceHead: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// While the offer waits for an answer: when it expires (the expiry job reads sent offers by this).
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    /// Decoded forms of the JSON columns, kept with the text they came from: one answer reads them several
    /// times (state machine, receipt, page), and decoding is a good part of its cost. Not Fluent fields.
    private var decodedLifecycle: (json: String, value: OfferLifecycle)?
    private var decodedOffer: (json: String, value: ConfirmationOffer)?

    func lifecycle() throws -> OfferLifecycle {
        if let decodedLifecycle, decodedLifecycle.json == lifecycleJSON { return decodedLifecycle.value }
        let value = try JSONDecoder().decode(OfferLifecycle.self, from: Data(lifecycleJSON.utf8))
        decodedLifecycle = (lifecycleJSON, value)
        return value
    }

    func offer() throws -> ConfirmationOffer? {
        guard let offerJSON else { return nil }
        if let decodedOffer, decodedOffer.json == offerJSON { return decodedOffer.value }
        let value = try JSONDecoder().decode(ConfirmationOffer.self, from: Data(offerJSON.utf8))
        decodedOffer = (offerJSON, value)
        return value
    }

    func draft() throws -> SaleDraft {
        try JSONDecoder().decode(SaleDraft.self, from: Data(draftJSON.utf8))
    }

    func setLifecycle(_ lifecycle: OfferLifecycle) throws {
        stored(lifecycle, json: String(decoding: try JSONEncoder().encode(lifecycle), as: UTF8.self))
    }

    /// Takes a lifecycle and the JSON it was stored as (no second encoding or decoding).
    func stored(_ lifecycle: OfferLifecycle, json: String) {
        lifecycleJSON = json
        state = lifecycle.state.rawValue
        expiresAt = lifecycle.state == .sent ? lifecycle.deadlines?.acceptanceClosesAt : nil
        decodedLifecycle = (json, lifecycle)
    }
}

/// One entry of a sale's evidence chain; rows are only ever inserted.
final class SaleEvidenceModel: Model, @unchecked Sendable {
    static let schema = "sale_evidence"

    @ID(key: .id) var id: UUID?
    @Field(key: "sale_id") var saleID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "event") var event: String
    @Field(key: "at_ms") var atMilliseconds: Int64
    @OptionalField(key: "offer_text_sha256") var offerTextSHA256: String?
    @OptionalField(key: "channel") var channel: String?
    @OptionalField(key: "fingerprint") var fingerprint: String?
    @OptionalField(key: "detail") var detail: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "entry_hash") var entryHash: String

    init() {}

    convenience init(_ entry: EvidenceEntry, saleID: UUID) {
        self.init()
        self.saleID = saleID
        sequence = entry.sequence
        event = entry.event.rawValue
        atMilliseconds = entry.atMilliseconds
        offerTextSHA256 = entry.offerTextSHA256
        channel = entry.channel
        fingerprint = entry.fingerprint
        detail = entry.detail
        previousHash = entry.previousHash
        entryHash = entry.entryHash
    }

    var entry: EvidenceEntry? {
        guard let kind = EvidenceEventKind(rawValue: event) else { return nil }
        return EvidenceEntry(
            saleID: saleID.uuidString.lowercased(), sequence: sequence, event: kind, atMilliseconds: atMilliseconds,
            offerTextSHA256: offerTextSHA256, channel: channel, fingerprint: fingerprint, detail: detail,
            previousHash: previousHash, entryHash: entryHash)
    }
}

/// Every signed inbound SMS body seen, so a replayed one is refused.
final class InboundSMSModel: Model, @unchecked Sendable {
    static let schema = "inbound_sms"

    @ID(key: .id) var id: UUID?
    @Field(key: "body_sha256") var bodySHA256: String
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "outcome") var outcome: String

    init() {}
}

/// Creates the confirmation tables.
struct CreateConfirmations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OfferSettingsModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("address", .string)
            .field("phone", .string)
            .field("email", .string)
            .field("webhook_url", .string)
            .field("webhook_secret", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id")
            .create()
        try await database.schema(SaleModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id", onDelete: .cascade))
            .field("call_centre_id", .uuid, .required)
            .field("client_id", .uuid, .required)
            .field("agent_id", .uuid)
            .field("registered_by", .string, .required)
            .field("idempotency_key", .string, .required)
            .field("request_sha256", .string, .required)
            .field("state", .string, .required)
            .field("lifecycle_json", .string, .required)
            .field("draft_json", .string, .required)
            .field("offer_json", .string)
            .field("consumer_name", .string, .required)
            .field("consumer_phone", .string)
            .field("consumer_email", .string)
            .field("product", .string, .required)
            .field("token_hash", .string)
            .field("code_hash", .string)
            .field("reference", .string, .required)
            .field("offer_text_nb", .string)
            .field("offer_text_en", .string)
            .field("offer_sha256", .string)
            .field("evidence_head", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "call_centre_id", "idempotency_key")
            .unique(on: "token_hash")
            .create()
        try await database.schema(SaleEvidenceModel.schema)
            .id()
            .field("sale_id", .uuid, .required, .references(SaleModel.schema, "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("event", .string, .required)
            .field("at_ms", .int64, .required)
            .field("offer_text_sha256", .string)
            .field("channel", .string)
            .field("fingerprint", .string)
            .field("detail", .string)
            .field("previous_hash", .string, .required)
            .field("entry_hash", .string, .required)
            .unique(on: "sale_id", "sequence")
            .create()
        try await database.schema(InboundSMSModel.schema)
            .id()
            .field("body_sha256", .string, .required)
            .field("received_at", .datetime, .required)
            .field("outcome", .string, .required)
            .unique(on: "body_sha256")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX sales_open_by_phone ON sales (consumer_phone, state)").run()
            try await sql.raw("CREATE INDEX sales_campaign ON sales (campaign_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InboundSMSModel.schema).delete()
        try await database.schema(SaleEvidenceModel.schema).delete()
        try await database.schema(SaleModel.schema).delete()
        try await database.schema(OfferSettingsModel.schema).delete()
    }
}

/// Adds `sales.expires_at` with an index, so the expiry job reads only the offers that are due, and fills
/// it in for offers already waiting for an answer.
struct AddSaleExpiry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SaleModel.schema).field("expires_at", .datetime).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX sales_expiry ON sales (state, expires_at)").run()
        }
        for sale in try await SaleModel.query(on: database).filter(\.$state == OfferState.sent.rawValue).all() {
            guard let closes = try? sale.lifecycle().deadlines?.acceptanceClosesAt else { continue }
            try await SaleModel.query(on: database).filter(\.$id == sale.requireID()).set(\.$expiresAt, to: closes).update()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX sales_expiry").run()
        }
        try await database.schema(SaleModel.schema).deleteField("expires_at").update()
    }
}
