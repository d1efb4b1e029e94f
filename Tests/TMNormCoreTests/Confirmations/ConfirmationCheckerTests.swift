import Foundation
import Testing
@testable import TMNormCore

@Suite("Confirmation policy check")
struct ConfirmationCheckerTests {
    typealias Edit = @Sendable (inout OfferComposition) -> Void

    @Test("a complete composition is ready and keeps every item")
    func complete() throws {
        guard case .ready(let offer) = ConfirmationChecker.check(try ConfirmationFixtures.composition) else {
            Issue.record("expected ready")
            return
        }
        #expect(offer.seller.organisationNumber.digits == "974760673")
        #expect(offer.client.address == "Postboks 1, 5804 Bergen")
        #expect(offer.withdrawalPeriodDays == 14)
    }

    static let cases: [(name: String, edit: Edit, missing: [MissingOfferItem])] = [
        ("seller without name", { $0.seller.name = "  " }, [.sellerName]),
        ("seller without org number", { $0.seller.organisationNumber = nil }, [.sellerOrganisationNumber]),
        (
            "seller without contact",
            {
                $0.seller.phone = nil; $0.seller.email = nil
            }, [.sellerContact]
        ),
        ("seller with e-mail only", { $0.seller.phone = nil }, []),
        ("client without name", { $0.client.name = nil }, [.clientName]),
        ("client without org number", { $0.client.organisationNumber = nil }, [.clientOrganisationNumber]),
        ("client without address", { $0.client.address = "" }, [.clientAddress]),
        (
            "client without contact",
            {
                $0.client.phone = nil; $0.client.email = nil
            }, [.clientContact]
        ),
        ("no consumer contact", { $0.consumer = nil }, [.consumerContact]),
        ("no product", { $0.product = nil }, [.product]),
        ("no price", { $0.price = nil }, [.price]),
        ("no binding period", { $0.bindingMonths = nil }, [.bindingPeriod]),
        ("binding 0 is a stated period", { $0.bindingMonths = 0 }, []),
        ("no withdrawal period", { $0.withdrawalPeriodDays = nil }, [.withdrawalDeadline]),
        ("withdrawal shorter than the law", { $0.withdrawalPeriodDays = 7 }, [.withdrawalDeadline]),
        (
            "everything missing",
            { c in
                c.seller = OfferParty(name: nil, organisationNumber: nil)
                c.client = OfferParty(name: nil, organisationNumber: nil)
                c.consumer = nil; c.product = nil; c.price = nil; c.bindingMonths = nil; c.withdrawalPeriodDays = nil
            },
            [
                .sellerName, .sellerOrganisationNumber, .sellerContact, .clientName, .clientOrganisationNumber,
                .clientAddress, .clientContact, .consumerContact, .product, .price, .bindingPeriod, .withdrawalDeadline,
            ]
        ),
    ]

    @Test("each missing item is named, all at once", arguments: cases)
    func missingItems(_ row: (name: String, edit: Edit, missing: [MissingOfferItem])) throws {
        var composition = try ConfirmationFixtures.composition
        row.edit(&composition)
        switch ConfirmationChecker.check(composition) {
        case .ready: #expect(row.missing.isEmpty, "\(row.name)")
        case .incomplete(let items): #expect(items == row.missing, "\(row.name)")
        case .exempt: Issue.record("\(row.name): not exempt")
        }
    }

    @Test("voluntary organisations and newspaper subscriptions are exempt, even with items missing")
    func exemptions() throws {
        var voluntary = try ConfirmationFixtures.composition
        voluntary.client.isVoluntaryOrganisation = true
        voluntary.client.organisationNumber = nil
        #expect(ConfirmationChecker.check(voluntary) == .exempt(.voluntaryOrganisation))
        var newspaper = try ConfirmationFixtures.composition
        newspaper.productKind = .newspaperSubscription
        #expect(ConfirmationChecker.check(newspaper) == .exempt(.newspaperSubscription))
    }

    @Test("exemptions are policy: switched off, the offer is checked and sent like any other")
    func exemptionsArePolicy() throws {
        var policy = ConfirmationPolicy()
        policy.exemptVoluntaryOrganisations = false
        policy.exemptNewspaperSubscriptions = false
        var composition = try ConfirmationFixtures.composition
        composition.client.isVoluntaryOrganisation = true
        composition.productKind = .newspaperSubscription
        guard case .ready = ConfirmationChecker.check(composition, policy: policy) else {
            Issue.record("expected ready")
            return
        }
    }

    @Test("every missing item and exemption has a field name and texts in both languages")
    func texts() {
        for item in MissingOfferItem.allCases {
            #expect(!item.field.isEmpty && !item.description.isEmpty && !item.norwegian.isEmpty)
        }
        for exemption in ConfirmationExemption.allCases {
            #expect(!exemption.description.isEmpty && !exemption.norwegian.isEmpty)
        }
    }
}
