import Foundation
import Testing

@testable import TMNormCore

/// The summary card's figures: the same total the offer text states.
@Suite("Offer summary")
struct OfferSummaryTests {
    @Test("a bound monthly price states what it adds up to over the binding period")
    func monthlyOverBinding() throws {
        // given 399 kr per month for 12 months
        let offer = try ConfirmationFixtures.offer
        // when
        let summary = OfferSummary(offer, language: .norwegian)
        // then
        #expect(summary.total == "4 788,00 kr")
        #expect(summary.totalKind == .overBinding)
        #expect(summary.price == "399,00 kr per måned")
        #expect(summary.binding == "12 måneder")
        #expect(summary.product == "Strømavtale Fastpris 12")
    }

    @Test("the summary's total is the one the offer text states")
    func sameAsText() throws {
        let offer = try ConfirmationFixtures.offer
        let text = OfferDocumentRenderer.render(
            offer, language: .norwegian, acceptByDay: try LocalDate(year: 2026, month: 6, day: 20), smsReplies: true)
        let total = try #require(OfferSummary(offer, language: .norwegian).total)
        #expect(text.text.contains("Sum i bindingstiden med mva. og alle gebyrer: \(total)"))
    }

    @Test("a one-off price with another charge states price plus charge")
    func oneOffWithCharge() throws {
        let draft = try SaleValidator.validate(
            SaleInput(
                campaignID: "c", consumerName: "Kari Nordmann", phone: "912 34 567", email: nil, product: "Støvsuger", amount: "1234,50",
                period: "once", bindingMonths: 0, startDate: nil, terms: nil, payment: "Faktura", delivery: "Posten",
                termination: nil))
        var composition = OfferComposition(
            sale: draft, productKind: .service, seller: ConfirmationFixtures.seller, client: ConfirmationFixtures.client)
        composition.statutory.otherCharges = [OfferCharge(description: "Frakt", amount: try MoneyAmount(ore: 10_000))]
        guard case .ready(let offer) = ConfirmationChecker.check(composition) else {
            Issue.record("offer incomplete")
            return
        }
        let summary = OfferSummary(offer, language: .norwegian)
        #expect(summary.total == "1 334,50 kr")
        #expect(summary.totalKind == .oneOff)
        #expect(summary.binding == "ingen bindingstid")
    }

    @Test("an ongoing monthly price without binding states no total")
    func ongoingNoTotal() throws {
        let draft = try SaleValidator.validate(
            SaleInput(
                campaignID: "c", consumerName: "Kari Nordmann", phone: "912 34 567", email: nil, product: "Avis", amount: "199", period: "month",
                bindingMonths: 0, startDate: nil, terms: nil, payment: "Faktura", delivery: "Hver dag", termination: "Når som helst"))
        let composition = OfferComposition(
            sale: draft, productKind: .service, seller: ConfirmationFixtures.seller, client: ConfirmationFixtures.client)
        guard case .ready(let offer) = ConfirmationChecker.check(composition) else {
            Issue.record("offer incomplete")
            return
        }
        #expect(OfferSummary(offer, language: .english).total == nil)
        #expect(OfferSummary(offer, language: .english).binding == "no binding period")
    }
}
