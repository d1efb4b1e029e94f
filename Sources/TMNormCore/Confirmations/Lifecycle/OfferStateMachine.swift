import Foundation

/// The result of an event that applied: either a new state or, for a repeated consumer action, no change.
public enum OfferTransition: Sendable, Hashable {
    /// Persist `lifecycle` and append the evidence entry for `event`.
    case changed(OfferLifecycle, from: OfferState)
    /// The same action arrived again (accept twice, a job run twice): answer as before, record nothing.
    case unchanged(OfferLifecycle, already: OfferState)

    /// The lifecycle after the event.
    public var lifecycle: OfferLifecycle {
        switch self {
        case .changed(let l, _), .unchanged(let l, _): l
        }
    }
}

/// sent → accepted | declined | expired; accepted → withdrawn within the withdrawal period; plus draft and exempt.
public enum OfferStateMachine {
    /// Applies an event at an instant; illegal events return a typed error and change nothing.
    public static func transition(
        from current: OfferLifecycle, event: OfferEvent, at instant: Date
    ) -> Result<OfferTransition, OfferTransitionError> {
        var next = current
        // An exempt sale has no offer to answer, but the withdrawal right and the receipt of goods apply to it.
        if current.state == .exempt {
            switch event {
            case .withdraw, .goodsReceived: break
            default: return .failure(.exempt)
            }
        }
        switch (event, current.state) {
        case (.send, .draft):
            next.state = .sent
            next.deadlines = OfferDeadlines(sentAt: instant, policy: current.policy)
        case (.send, .sent):
            return .success(.unchanged(current, already: .sent))

        case (.accept, .accepted):
            return .success(.unchanged(current, already: .accepted))
        case (.accept(let auth), .sent):
            guard let deadlines = current.deadlines, deadlines.isOpenForAcceptance(at: instant) else { return .failure(.gone(.expired)) }
            if let earliest = current.earliestAcceptance, instant < earliest { return .failure(.tooEarly(earliest)) }
            next.state = .accepted
            next.acceptedAt = instant
            next.acceptedVia = auth.channel
            next.withdrawalDeadline = WithdrawalDeadlineCalculator.deadline(
                for: current.productKind, acceptedAt: instant, goodsReceivedOn: nil,
                information: current.withdrawalInformation, policy: current.policy.withdrawal)

        case (.decline, .declined):
            return .success(.unchanged(current, already: .declined))
        case (.decline, .accepted):
            return .failure(.alreadyAccepted)
        case (.decline, .sent):
            guard let deadlines = current.deadlines, deadlines.isOpenForAcceptance(at: instant) else { return .failure(.gone(.expired)) }
            next.state = .declined
            next.closedAt = instant

        case (.accept, .draft), (.decline, .draft):
            return .failure(.notSent)
        case (.accept, let state), (.decline, let state):
            return .failure(.gone(state))

        case (.expire, .expired):
            return .success(.unchanged(current, already: .expired))
        case (.expire, .sent):
            guard let deadlines = current.deadlines, !deadlines.isOpenForAcceptance(at: instant) else {
                return .failure(.notDue(current.deadlines.map { $0.acceptBy.addingTimeInterval(1) } ?? instant))
            }
            next.state = .expired
            next.closedAt = instant

        case (.remind, .sent):
            guard let deadlines = current.deadlines, let due = deadlines.reminderDueAt else { return .failure(.noReminderInPolicy) }
            if current.reminderSentAt != nil { return .success(.unchanged(current, already: .sent)) }
            guard instant >= due else { return .failure(.notDue(due)) }
            guard deadlines.isOpenForAcceptance(at: instant) else { return .failure(.gone(.expired)) }
            next.reminderSentAt = instant

        case (.withdraw, .withdrawn):
            return .success(.unchanged(current, already: .withdrawn))
        case (.withdraw(let request), .accepted), (.withdraw(let request), .exempt):
            let sentAt: Date
            switch request {
            case .consumer: sentAt = instant
            case .standardForm(let formSentAt, _): sentAt = formSentAt
            }
            if let deadline = current.withdrawalDeadline, !deadline.isOpen(at: sentAt) {
                return .failure(.withdrawalPeriodOver(deadline))
            }
            next.state = .withdrawn
            next.closedAt = instant
        case (.withdraw, let state):
            return .failure(.notAccepted(state))

        case (.goodsReceived(let day), .accepted), (.goodsReceived(let day), .exempt):
            guard current.productKind == .goods || current.productKind == .newspaperSubscription else { return .failure(.notGoods) }
            if let recorded = current.goodsReceivedOn { return .failure(.goodsAlreadyReceived(recorded)) }
            next.goodsReceivedOn = day
            next.withdrawalDeadline = WithdrawalDeadlineCalculator.deadline(
                startingOn: day, information: current.withdrawalInformation, policy: current.policy.withdrawal)

        default:
            return .failure(.notApplicable(event: event.name, state: current.state))
        }
        return .success(.changed(next, from: current.state))
    }
}
