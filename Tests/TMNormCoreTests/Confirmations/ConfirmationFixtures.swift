import Foundation
@testable import TMNormCore

/// A complete sale, seller and client used across the confirmation tests.
enum ConfirmationFixtures {
    static func orgnr(_ s: String) -> OrganisationNumber? { try? OrganisationNumber(s) }
    static func phone(_ s: String) -> PhoneNumber? { PhoneNumber.parse(s).number }

    static let seller = OfferParty(
        name: "Ring Norge AS", organisationNumber: orgnr("974760673"), address: "Torggata 2, 0181 Oslo",
        phone: phone("22 12 34 56"), email: try? EmailAddress("kundeservice@ringnorge.example"))
    static let client = OfferParty(
        name: "Fjordkraft Demo AS", organisationNumber: orgnr("923609016"), address: "Postboks 1, 5804 Bergen",
        phone: phone("55 00 00 00"), email: try? EmailAddress("angrerett@fjordkraft.example"))

    static var sale: SaleDraft {
        get throws {
            try SaleValidator.validate(
                SaleInput(
                    campaignID: "strom-2026", consumerName: "Kari Nordmann", phone: "912 34 567",
                    email: "kari@example.no", product: "Strømavtale Fastpris 12", amount: "399", period: "month",
                    bindingMonths: 12, startDate: "2026-09-01", terms: "Fri etablering. Faktura hver måned.",
                    payment: "Faktura hver måned, 14 dagers betalingsfrist.", delivery: "Leveransen starter 01.09.2026.",
                    termination: "Én måneds oppsigelse etter bindingstiden, skriftlig til kundeservice."))
        }
    }

    static var composition: OfferComposition {
        get throws { OfferComposition(sale: try sale, productKind: .service, seller: seller, client: client) }
    }

    static var offer: ConfirmationOffer {
        get throws {
            guard case .ready(let offer) = ConfirmationChecker.check(try composition) else { throw CancellationError() }
            return offer
        }
    }
}
