import Foundation
import Testing

@testable import TMNormCore

@Suite("Electricity cooling-off is a dated rule")
struct ElectricityCoolingOffRuleTests {
    static func at(_ text: String) -> Date { (try? OsloTime.parseTimestamp(text)) ?? .distantPast }

    @Test(
        "electricity offers sent from 1 July 2024 wait 24 hours; earlier ones and other products do not",
        arguments: [
            ("strøm", "2024-07-01T00:00:00", true), ("Strøm", "2026-12-01T10:00:00", true), ("electricity", "2025-01-02T10:00:00", true),
            ("strøm", "2024-06-30T23:59:59", false), ("mobilabonnement", "2026-12-01T10:00:00", false),
        ])
    func dated(_ category: String, _ sent: String, _ waits: Bool) {
        let earliest = ElectricityCoolingOff.earliestAcceptance(category: category, sentAt: Self.at(sent))
        #expect((earliest != nil) == waits)
        if let earliest { #expect(earliest.timeIntervalSince(Self.at(sent)) == 24 * 3600) }
    }

    @Test("the state machine refuses an acceptance before the earliest moment and takes it after")
    func stateMachine() {
        let sent = Self.at("2026-12-01T10:00:00")
        let lifecycle = OfferLifecycle.sent(at: sent, productKind: .service, earliestAcceptance: sent.addingTimeInterval(86_400))
        let auth = ConsumerAuthorization(channel: .link, secretHash: "h")
        let early = OfferStateMachine.transition(from: lifecycle, event: .accept(auth), at: sent.addingTimeInterval(3600))
        #expect(early == .failure(.tooEarly(sent.addingTimeInterval(86_400))))
        if case .failure(let error) = early {
            #expect(error.norwegian.contains("02.12.2026 kl. 10.00"))
            #expect(error.httpStatus == 409)
        }
        let late = OfferStateMachine.transition(from: lifecycle, event: .accept(auth), at: sent.addingTimeInterval(25 * 3600))
        #expect(late.map(\.lifecycle.state) == .success(.accepted))
        // Declining is allowed at any time.
        #expect(
            OfferStateMachine.transition(from: lifecycle, event: .decline(auth), at: sent.addingTimeInterval(60)).map(\.lifecycle.state)
                == .success(.declined))
    }
}
