import Foundation

/// The outcome of checking an offer against the confirmation policy.
public enum ConfirmationCheckResult: Sendable, Hashable {
    /// Complete: render and send it.
    case ready(ConfirmationOffer)
    /// Needs no written confirmation: record the reason, send nothing.
    case exempt(ConfirmationExemption)
    /// Each required item that is missing, in a stable order (422 naming each).
    case incomplete([MissingOfferItem])
}

/// Checks that an offer carries every item the law and the policy require before anything is sent.
public enum ConfirmationChecker {
    /// Exemptions first (an exempt campaign is never blocked for missing items), then every missing item.
    public static func check(_ offer: OfferComposition, policy: ConfirmationPolicy = .standard) -> ConfirmationCheckResult {
        if policy.exemptVoluntaryOrganisations && offer.client.isVoluntaryOrganisation {
            return .exempt(.voluntaryOrganisation)
        }
        if policy.exemptNewspaperSubscriptions && offer.productKind == .newspaperSubscription {
            return .exempt(.newspaperSubscription)
        }
        var missing: [MissingOfferItem] = []
        let sellerName = present(offer.seller.name)
        let clientName = present(offer.client.name)
        if sellerName == nil { missing.append(.sellerName) }
        if offer.seller.organisationNumber == nil { missing.append(.sellerOrganisationNumber) }
        if offer.seller.phone == nil && offer.seller.email == nil { missing.append(.sellerContact) }
        if clientName == nil { missing.append(.clientName) }
        if offer.client.organisationNumber == nil { missing.append(.clientOrganisationNumber) }
        if present(offer.client.address) == nil { missing.append(.clientAddress) }
        if offer.client.phone == nil && offer.client.email == nil { missing.append(.clientContact) }
        if offer.consumer == nil { missing.append(.consumerContact) }
        let product = present(offer.product)
        if product == nil { missing.append(.product) }
        if offer.price == nil { missing.append(.price) }
        if offer.bindingMonths.map({ $0 < 0 }) ?? true { missing.append(.bindingPeriod) }
        let period = offer.withdrawalPeriodDays ?? 0
        if period < WithdrawalPolicy.statutoryMinimumDays { missing.append(.withdrawalDeadline) }
        // angrerettloven § 8: payment and delivery always; how an ongoing (recurring) agreement ends; for goods,
        // who pays for returning them; and a total that includes every charge.
        let statutory = offer.statutory
        if present(statutory.payment) == nil { missing.append(.payment) }
        if present(statutory.delivery) == nil { missing.append(.delivery) }
        if let price = offer.price, price.period != .once, present(statutory.termination) == nil { missing.append(.termination) }
        if offer.productKind == .goods, statutory.returnCostsPaidBy == nil { missing.append(.returnCosts) }
        if statutory.chargesTotal == nil { missing.append(.totalPrice) }

        guard missing.isEmpty, let sellerName, let clientName, let product, let consumer = offer.consumer,
            let price = offer.price, let binding = offer.bindingMonths,
            let sellerNumber = offer.seller.organisationNumber, let clientNumber = offer.client.organisationNumber
        else { return .incomplete(missing) }
        return .ready(
            ConfirmationOffer(
                campaignID: offer.campaignID, consumer: consumer, product: product, productKind: offer.productKind,
                price: price, bindingMonths: binding, startDate: offer.startDate, terms: present(offer.terms),
                seller: trader(offer.seller, name: sellerName, number: sellerNumber),
                client: trader(offer.client, name: clientName, number: clientNumber),
                withdrawalPeriodDays: period, statutory: statutory))
    }

    private static func trader(_ party: OfferParty, name: String, number: OrganisationNumber) -> OfferTrader {
        OfferTrader(
            name: name, organisationNumber: number, address: present(party.address), phone: party.phone, email: party.email)
    }

    /// The trimmed text, or nil when empty.
    static func present(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
