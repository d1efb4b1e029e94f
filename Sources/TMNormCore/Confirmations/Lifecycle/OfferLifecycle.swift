import Foundation

/// The state of one offer with every time and deadline the rules need; stored by the server, changed
/// only through `OfferStateMachine.transition`.
public struct OfferLifecycle: Sendable, Hashable, Codable {
    public internal(set) var state: OfferState
    public let productKind: OfferProductKind
    /// The policy in force when the offer was registered: a later policy change never moves deadlines
    /// already stated in a sent offer.
    public let policy: ConfirmationPolicy
    public internal(set) var withdrawalInformation: WithdrawalInformation
    public internal(set) var exemption: ConfirmationExemption?
    public internal(set) var deadlines: OfferDeadlines?
    public internal(set) var reminderSentAt: Date?
    public internal(set) var acceptedAt: Date?
    public internal(set) var acceptedVia: ConsumerChannel?
    public internal(set) var goodsReceivedOn: LocalDate?
    /// Set on acceptance for services, on receipt for goods.
    public internal(set) var withdrawalDeadline: WithdrawalDeadline?
    /// When the offer was declined, expired or withdrawn.
    public internal(set) var closedAt: Date?
    /// An electricity offer's cooling-off: no acceptance before this instant (`ElectricityCoolingOff`).
    public internal(set) var earliestAcceptance: Date?

    init(state: OfferState, productKind: OfferProductKind, policy: ConfirmationPolicy) {
        self.state = state
        self.productKind = productKind
        self.policy = policy
        self.withdrawalInformation = .givenWithOffer
    }

    /// A checked offer not yet sent.
    public static func draft(productKind: OfferProductKind, policy: ConfirmationPolicy = .standard) -> OfferLifecycle {
        OfferLifecycle(state: .draft, productKind: productKind, policy: policy)
    }

    /// An offer sent at `sentAt` (a draft followed by `send`).
    public static func sent(
        at sentAt: Date, productKind: OfferProductKind, policy: ConfirmationPolicy = .standard, earliestAcceptance: Date? = nil
    ) -> OfferLifecycle {
        var lifecycle = draft(productKind: productKind, policy: policy)
        lifecycle.state = .sent
        lifecycle.deadlines = OfferDeadlines(sentAt: sentAt, policy: policy)
        lifecycle.earliestAcceptance = earliestAcceptance
        return lifecycle
    }

    /// A sale exempt from the written offer and acceptance (voluntary organisations, newspaper subscriptions):
    /// the agreement stands from `at`, and the withdrawal right still applies — from `at` for services, from
    /// receipt of the first delivery for goods and newspapers. `informationGiven` says whether the consumer
    /// got the confirmation with the withdrawal information; without it the period is extended by the policy.
    public static func exempt(
        _ exemption: ConfirmationExemption, at: Date, productKind: OfferProductKind, policy: ConfirmationPolicy = .standard,
        informationGiven: Bool = false
    ) -> OfferLifecycle {
        var lifecycle = OfferLifecycle(state: .exempt, productKind: productKind, policy: policy)
        lifecycle.exemption = exemption
        lifecycle.acceptedAt = at
        lifecycle.withdrawalInformation = informationGiven ? .givenWithOffer : .missing
        lifecycle.withdrawalDeadline = WithdrawalDeadlineCalculator.deadline(
            for: productKind, acceptedAt: at, goodsReceivedOn: nil, information: lifecycle.withdrawalInformation,
            policy: policy.withdrawal)
        return lifecycle
    }

    /// Whether the reminder is due at this instant (sent, not yet reminded, due time reached, still open).
    public func isReminderDue(at instant: Date) -> Bool {
        guard state == .sent, reminderSentAt == nil, let deadlines, let due = deadlines.reminderDueAt else { return false }
        return instant >= due && deadlines.isOpenForAcceptance(at: instant)
    }

    /// Whether the expiry job should expire the offer at this instant.
    public func isExpiryDue(at instant: Date) -> Bool {
        guard state == .sent, let deadlines else { return false }
        return !deadlines.isOpenForAcceptance(at: instant)
    }

    /// Whether the consumer may still withdraw at this instant (accepted; goods not yet received count as open).
    public func canWithdraw(at instant: Date) -> Bool {
        guard state == .accepted || state == .exempt else { return false }
        return withdrawalDeadline?.isOpen(at: instant) ?? true
    }
}
