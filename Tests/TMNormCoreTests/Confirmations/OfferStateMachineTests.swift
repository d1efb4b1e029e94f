import Foundation
import Testing
@testable import TMNormCore

@Suite("Offer state machine")
struct OfferStateMachineTests {
    static func t(_ s: String) -> Date { (try? OsloTime.parseTimestamp(s)) ?? .distantPast }
    static func day(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }
    static let link = ConsumerAuthorization(channel: .link, secretHash: "token-hash")
    static let sms = ConsumerAuthorization(channel: .sms, secretHash: "code-hash")
    static let sentAt = t("2026-06-01T10:00:00+02:00")

    static func sent(_ kind: OfferProductKind = .service, policy: ConfirmationPolicy = .standard) -> OfferLifecycle {
        .sent(at: sentAt, productKind: kind, policy: policy)
    }

    /// Applies events in order and returns the final lifecycle (test setup; every step must succeed).
    static func after(_ events: [(OfferEvent, String)], from start: OfferLifecycle = sent()) throws -> OfferLifecycle {
        var lifecycle = start
        for (event, time) in events { lifecycle = try OfferStateMachine.transition(from: lifecycle, event: event, at: t(time)).get().lifecycle }
        return lifecycle
    }

    static func expectChanged(_ result: Result<OfferTransition, OfferTransitionError>, to state: OfferState) -> OfferLifecycle? {
        guard case .success(.changed(let lifecycle, _)) = result else {
            Issue.record("expected a change to \(state), got \(result)")
            return nil
        }
        #expect(lifecycle.state == state)
        return lifecycle
    }

    @Test("accepting a sent offer binds the consumer and starts the withdrawal period from the Oslo date")
    func accept() {
        let result = OfferStateMachine.transition(from: Self.sent(), event: .accept(Self.link), at: Self.t("2026-06-03T14:05:00+02:00"))
        let lifecycle = Self.expectChanged(result, to: .accepted)
        #expect(lifecycle?.acceptedVia == .link)
        #expect(lifecycle?.acceptedAt == Self.t("2026-06-03T14:05:00+02:00"))
        #expect(lifecycle?.withdrawalDeadline?.lastDay == Self.day("2026-06-17"))
        #expect(lifecycle?.state.consumerIsBound == true)
    }

    @Test("accepting twice is harmless: no change, 'already accepted', whatever the channel")
    func acceptTwice() throws {
        let accepted = try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z")])
        let again = OfferStateMachine.transition(from: accepted, event: .accept(Self.sms), at: Self.t("2026-06-04T12:00:00Z"))
        #expect(again == .success(.unchanged(accepted, already: .accepted)))
        #expect(again.map(\.lifecycle.acceptedVia) == .success(.link))
    }

    static let gone: [(name: String, setup: [(OfferEvent, String)], at: String, error: OfferTransitionError)] = [
        ("accept one second after the deadline", [], "2026-06-16T00:00:00+02:00", .gone(.expired)),
        ("accept an expired offer", [(.expire, "2026-06-16T00:00:00+02:00")], "2026-06-16T09:00:00+02:00", .gone(.expired)),
        ("accept a declined offer", [(.decline(sms), "2026-06-02T09:00:00+02:00")], "2026-06-02T10:00:00+02:00", .gone(.declined)),
        (
            "accept a withdrawn offer", [(.accept(link), "2026-06-02T09:00:00+02:00"), (.withdraw(.consumer(sms)), "2026-06-03T09:00:00+02:00")],
            "2026-06-04T10:00:00+02:00", .gone(.withdrawn)
        ),
    ]

    @Test("an expired, declined or withdrawn offer cannot be accepted: 'gone'", arguments: gone)
    func acceptGone(_ row: (name: String, setup: [(OfferEvent, String)], at: String, error: OfferTransitionError)) throws {
        let lifecycle = try Self.after(row.setup)
        let result = OfferStateMachine.transition(from: lifecycle, event: .accept(Self.link), at: Self.t(row.at))
        #expect(result == .failure(row.error), "\(row.name)")
        #expect(row.error.httpStatus == 410)
    }

    @Test("the last second of the acceptance deadline still counts")
    func acceptAtLastSecond() {
        let result = OfferStateMachine.transition(from: Self.sent(), event: .accept(Self.sms), at: Self.t("2026-06-15T23:59:59.999+02:00"))
        _ = Self.expectChanged(result, to: .accepted)
    }

    @Test("declining: once changes, twice is harmless, after acceptance it is refused, after the deadline it is gone")
    func decline() throws {
        let declined = Self.expectChanged(
            OfferStateMachine.transition(from: Self.sent(), event: .decline(Self.sms), at: Self.t("2026-06-02T12:00:00Z")), to: .declined)
        #expect(declined?.closedAt == Self.t("2026-06-02T12:00:00Z"))
        let declinedLifecycle = try #require(declined)
        #expect(
            OfferStateMachine.transition(from: declinedLifecycle, event: .decline(Self.link), at: Self.t("2026-06-03T12:00:00Z"))
                == .success(.unchanged(declinedLifecycle, already: .declined)))
        let accepted = try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z")])
        #expect(
            OfferStateMachine.transition(from: accepted, event: .decline(Self.sms), at: Self.t("2026-06-04T12:00:00Z")) == .failure(.alreadyAccepted))
        #expect(
            OfferStateMachine.transition(from: Self.sent(), event: .decline(Self.sms), at: Self.t("2026-06-16T00:00:01+02:00"))
                == .failure(.gone(.expired)))
    }

    @Test("expiry happens only after the deadline, and running the job twice is harmless")
    func expire() throws {
        #expect(
            OfferStateMachine.transition(from: Self.sent(), event: .expire, at: Self.t("2026-06-15T23:59:59+02:00"))
                == .failure(.notDue(Self.t("2026-06-16T00:00:00+02:00"))))
        #expect(!Self.sent().isExpiryDue(at: Self.t("2026-06-15T23:59:59+02:00")))
        #expect(Self.sent().isExpiryDue(at: Self.t("2026-06-16T00:00:00+02:00")))
        let expired = try #require(
            Self.expectChanged(OfferStateMachine.transition(from: Self.sent(), event: .expire, at: Self.t("2026-06-16T00:00:00+02:00")), to: .expired)
        )
        #expect(
            OfferStateMachine.transition(from: expired, event: .expire, at: Self.t("2026-06-17T00:00:00+02:00"))
                == .success(.unchanged(expired, already: .expired)))
        let accepted = try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z")])
        #expect(
            OfferStateMachine.transition(from: accepted, event: .expire, at: Self.t("2026-07-01T00:00:00Z"))
                == .failure(.notApplicable(event: "expire", state: .accepted)))
    }

    @Test("one reminder, when due, while the offer is open; the policy can switch it off")
    func remind() throws {
        let due = Self.t("2026-06-04T10:00:00+02:00")
        #expect(OfferStateMachine.transition(from: Self.sent(), event: .remind, at: due.addingTimeInterval(-1)) == .failure(.notDue(due)))
        #expect(Self.sent().isReminderDue(at: due) && !Self.sent().isReminderDue(at: due.addingTimeInterval(-1)))
        let reminded = try #require(Self.expectChanged(OfferStateMachine.transition(from: Self.sent(), event: .remind, at: due), to: .sent))
        #expect(reminded.reminderSentAt == due)
        #expect(!reminded.isReminderDue(at: due.addingTimeInterval(3600)))
        #expect(
            OfferStateMachine.transition(from: reminded, event: .remind, at: due.addingTimeInterval(60))
                == .success(.unchanged(reminded, already: .sent)))
        var policy = ConfirmationPolicy()
        policy.reminderAfterDays = nil
        #expect(OfferStateMachine.transition(from: Self.sent(policy: policy), event: .remind, at: due) == .failure(.noReminderInPolicy))
        #expect(OfferStateMachine.transition(from: Self.sent(), event: .remind, at: Self.t("2026-06-20T10:00:00Z")) == .failure(.gone(.expired)))
    }

    static let withdrawals: [(name: String, request: WithdrawalRequest, at: String, withdrawn: Bool)] = [
        ("by SMS on the last day", .consumer(sms), "2026-06-17T23:59:59+02:00", true),
        ("by the link the day after the last day", .consumer(link), "2026-06-18T00:00:00+02:00", false),
        (
            "by a form sent in time, registered late", .standardForm(sentAt: t("2026-06-17T20:00:00+02:00"), registeredBy: "staff-7"),
            "2026-06-20T09:00:00+02:00", true
        ),
        (
            "by a form sent too late", .standardForm(sentAt: t("2026-06-18T08:00:00+02:00"), registeredBy: "staff-7"), "2026-06-20T09:00:00+02:00",
            false
        ),
    ]

    @Test("withdrawal is possible until the end of the withdrawal deadline, counted from when the consumer sent it", arguments: withdrawals)
    func withdraw(_ row: (name: String, request: WithdrawalRequest, at: String, withdrawn: Bool)) throws {
        let accepted = try Self.after([(.accept(Self.link), "2026-06-03T14:05:00+02:00")])
        let result = OfferStateMachine.transition(from: accepted, event: .withdraw(row.request), at: Self.t(row.at))
        if row.withdrawn {
            _ = Self.expectChanged(result, to: .withdrawn)
        } else {
            let deadline = try #require(accepted.withdrawalDeadline)
            #expect(result == .failure(.withdrawalPeriodOver(deadline)), "\(row.name)")
        }
    }

    @Test("withdrawing before acceptance is refused (not bound); withdrawing twice is harmless")
    func withdrawStates() throws {
        #expect(
            OfferStateMachine.transition(from: Self.sent(), event: .withdraw(.consumer(Self.sms)), at: Self.t("2026-06-02T12:00:00Z"))
                == .failure(.notAccepted(.sent)))
        let withdrawn = try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z"), (.withdraw(.consumer(Self.sms)), "2026-06-04T12:00:00Z")])
        #expect(
            OfferStateMachine.transition(from: withdrawn, event: .withdraw(.consumer(Self.sms)), at: Self.t("2026-06-05T12:00:00Z"))
                == .success(.unchanged(withdrawn, already: .withdrawn)))
        #expect(!withdrawn.canWithdraw(at: Self.t("2026-06-05T12:00:00Z")))
    }

    @Test("goods: the withdrawal period starts on receipt; until then withdrawal stays open")
    func goods() throws {
        let accepted = try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z")], from: Self.sent(.goods))
        #expect(accepted.withdrawalDeadline == nil)
        #expect(accepted.canWithdraw(at: Self.t("2026-12-01T12:00:00Z")))
        let received = try #require(
            Self.expectChanged(
                OfferStateMachine.transition(from: accepted, event: .goodsReceived(on: Self.day("2026-06-10")), at: Self.t("2026-06-10T15:00:00Z")),
                to: .accepted))
        #expect(received.withdrawalDeadline?.lastDay == Self.day("2026-06-24"))
        #expect(
            OfferStateMachine.transition(from: received, event: .goodsReceived(on: Self.day("2026-06-11")), at: Self.t("2026-06-11T15:00:00Z"))
                == .failure(.goodsAlreadyReceived(Self.day("2026-06-10"))))
        let service = try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z")])
        #expect(
            OfferStateMachine.transition(from: service, event: .goodsReceived(on: Self.day("2026-06-10")), at: Self.t("2026-06-10T15:00:00Z"))
                == .failure(.notGoods))
    }

    @Test("a draft is sent once; its deadlines count from the send instant; it cannot be answered before")
    func draft() throws {
        let draft = OfferLifecycle.draft(productKind: .service)
        #expect(OfferStateMachine.transition(from: draft, event: .accept(Self.link), at: Self.sentAt) == .failure(.notSent))
        let sent = try #require(Self.expectChanged(OfferStateMachine.transition(from: draft, event: .send, at: Self.sentAt), to: .sent))
        #expect(sent.deadlines == OfferDeadlines(sentAt: Self.sentAt))
        #expect(
            OfferStateMachine.transition(from: sent, event: .send, at: Self.sentAt.addingTimeInterval(5))
                == .success(.unchanged(sent, already: .sent)))
    }

    static let allEvents: [OfferEvent] = [
        .send, .accept(link), .decline(sms), .expire, .remind, .withdraw(.consumer(sms)),
        .withdraw(.standardForm(sentAt: t("2026-06-05T12:00:00Z"), registeredBy: "s")), .goodsReceived(on: day("2026-06-05")),
    ]

    @Test(
        "an exempt sale has nothing to send, accept, decline, expire or remind",
        arguments: allEvents.filter {
            if case .withdraw = $0 { return false }
            if case .goodsReceived = $0 { return false }
            return true
        })
    func exempt(_ event: OfferEvent) {
        let exempt = OfferLifecycle.exempt(.newspaperSubscription, at: Self.sentAt, productKind: .newspaperSubscription)
        #expect(OfferStateMachine.transition(from: exempt, event: event, at: Self.t("2026-06-05T12:00:00Z")) == .failure(.exempt))
    }

    @Test("an exempt sale keeps the withdrawal right: a newspaper's period runs from the first issue, a voluntary organisation's from the agreement")
    func exemptWithdrawal() throws {
        let newspaper = OfferLifecycle.exempt(.newspaperSubscription, at: Self.sentAt, productKind: .newspaperSubscription, informationGiven: true)
        #expect(newspaper.withdrawalDeadline == nil)
        #expect(newspaper.canWithdraw(at: Self.t("2026-09-01T12:00:00Z")))
        let received = try OfferStateMachine.transition(
            from: newspaper, event: .goodsReceived(on: Self.day("2026-06-10")), at: Self.t("2026-06-10T12:00:00Z")
        ).get().lifecycle
        #expect(received.withdrawalDeadline?.periodStart == Self.day("2026-06-10"))
        let withdrawn = OfferStateMachine.transition(from: received, event: .withdraw(.consumer(Self.sms)), at: Self.t("2026-06-12T12:00:00Z"))
        #expect(withdrawn.map(\.lifecycle.state) == .success(.withdrawn))
        let voluntary = OfferLifecycle.exempt(.voluntaryOrganisation, at: Self.sentAt, productKind: .service, informationGiven: true)
        #expect(voluntary.withdrawalDeadline?.periodStart == OsloTime.localDate(of: Self.sentAt))
        let late = OfferStateMachine.transition(
            from: voluntary, event: .withdraw(.consumer(Self.sms)), at: Self.sentAt.addingTimeInterval(40 * 86_400))
        guard case .failure(.withdrawalPeriodOver) = late else { Issue.record("withdrew after the period: \(late)"); return }
    }

    @Test("final states never change, whatever the event", arguments: allEvents)
    func finalStatesStayFinal(_ event: OfferEvent) throws {
        let finals = [
            try Self.after([(.decline(Self.sms), "2026-06-02T12:00:00Z")]),
            try Self.after([(.expire, "2026-06-20T12:00:00Z")]),
            try Self.after([(.accept(Self.link), "2026-06-03T12:00:00Z"), (.withdraw(.consumer(Self.sms)), "2026-06-04T12:00:00Z")]),
        ]
        for lifecycle in finals {
            #expect(lifecycle.state.isFinal)
            if case .success(.changed) = OfferStateMachine.transition(from: lifecycle, event: event, at: Self.t("2026-06-05T12:00:00Z")) {
                Issue.record("\(event.name) changed a \(lifecycle.state) offer")
            }
        }
    }

    @Test("every error has an HTTP status and texts in both languages")
    func errorTexts() {
        let errors: [OfferTransitionError] = [
            .gone(.expired), .gone(.declined), .gone(.withdrawn), .exempt, .notSent, .alreadyAccepted, .notAccepted(.sent),
            .withdrawalPeriodOver(WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-06-01"))), .notDue(Self.sentAt),
            .noReminderInPolicy, .goodsAlreadyReceived(Self.day("2026-06-01")), .notGoods, .notApplicable(event: "x", state: .sent),
        ]
        for error in errors {
            #expect([409, 410].contains(error.httpStatus))
            #expect(!error.description.isEmpty && !error.norwegian.isEmpty)
        }
    }
}
