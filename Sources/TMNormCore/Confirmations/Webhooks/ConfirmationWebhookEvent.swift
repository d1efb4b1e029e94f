import Foundation

/// The state changes clients hear about, so a client never ships without acceptance.
public enum ConfirmationWebhookEvent: String, Sendable, Codable, CaseIterable, Hashable {
    case accepted = "sale.accepted"
    case declined = "sale.declined"
    case expired = "sale.expired"
    case withdrawn = "sale.withdrawn"

    /// The webhook for a state a transition reached, if clients are told about it.
    public init?(state: OfferState) {
        switch state {
        case .accepted: self = .accepted
        case .declined: self = .declined
        case .expired: self = .expired
        case .withdrawn: self = .withdrawn
        case .draft, .sent, .exempt: return nil
        }
    }

    /// The JSON body `{"id","type","sale_id","state","occurred_at"}` with sorted keys, so the bytes that are
    /// signed, stored in the outbox and retried are always the same.
    public func payload(eventID: String, saleID: String, occurredAt: Date) -> [UInt8] {
        struct Body: Encodable {
            let id: String
            let type: String
            let saleID: String
            let state: String
            let occurredAt: String
            enum CodingKeys: String, CodingKey { case id, type, saleID = "sale_id", state, occurredAt = "occurred_at" }
        }
        let state = String(rawValue.dropFirst("sale.".count))
        let body = Body(id: eventID, type: rawValue, saleID: saleID, state: state, occurredAt: OsloTime.iso8601(occurredAt))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(body)) ?? Data())
    }
}
