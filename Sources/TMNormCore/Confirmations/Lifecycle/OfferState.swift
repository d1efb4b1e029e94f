import Foundation

/// Where an offer stands; raw values are what the API returns as `state`.
public enum OfferState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Registered and checked, not yet sent.
    case draft
    /// Sent; waiting for the consumer's written answer.
    case sent
    /// Accepted in writing: the consumer is bound (subject to the withdrawal right).
    case accepted
    case declined
    /// The acceptance deadline passed without an answer: the consumer is not bound.
    case expired
    /// Accepted, then withdrawn within the withdrawal period.
    case withdrawn
    /// Needs no written confirmation (voluntary organisation, newspaper subscription): recorded, nothing sent.
    case exempt

    /// States no event leaves.
    public var isFinal: Bool { [.declined, .expired, .withdrawn, .exempt].contains(self) }

    /// Whether the consumer is bound in this state.
    public var consumerIsBound: Bool { self == .accepted }
}

/// How a withdrawal reached the seller.
public enum WithdrawalRequest: Sendable, Hashable {
    /// Through the consumer's own channel (receipt page, "ANGRE CODE").
    case consumer(ConsumerAuthorization)
    /// The standard form or another clear statement by letter or e-mail, registered by staff. What counts
    /// is when the consumer sent it (angrerettloven: sent within the period is in time).
    case standardForm(sentAt: Date, registeredBy: String)
}

/// Something that happens to an offer.
public enum OfferEvent: Sendable, Hashable {
    /// The offer is rendered and queued: deadlines start from this instant.
    case send
    /// Only the consumer can accept: the authorization proves the link token or the SMS code.
    case accept(ConsumerAuthorization)
    case decline(ConsumerAuthorization)
    /// The acceptance deadline has passed (the expiry job).
    case expire
    /// The one reminder was sent (the reminder job).
    case remind
    case withdraw(WithdrawalRequest)
    /// Goods reached the consumer on this Oslo date: the withdrawal period starts.
    case goodsReceived(on: LocalDate)

    /// Stable name for logs, errors and the evidence record.
    public var name: String {
        switch self {
        case .send: "send"
        case .accept: "accept"
        case .decline: "decline"
        case .expire: "expire"
        case .remind: "remind"
        case .withdraw: "withdraw"
        case .goodsReceived: "goods_received"
        }
    }
}
