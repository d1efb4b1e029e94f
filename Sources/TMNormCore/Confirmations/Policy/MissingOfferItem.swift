/// A required item of a written offer that is missing or not acceptable; `field` names it for a 422 answer.
public enum MissingOfferItem: String, Sendable, Hashable, Codable, CaseIterable {
    case sellerName = "seller.name"
    case sellerOrganisationNumber = "seller.organisation_number"
    case sellerContact = "seller.contact"
    case clientName = "client.name"
    case clientOrganisationNumber = "client.organisation_number"
    case clientAddress = "client.address"
    case clientContact = "client.contact"
    case consumerContact = "consumer.contact"
    case product = "product"
    case price = "price"
    case bindingPeriod = "binding_months"
    case withdrawalDeadline = "withdrawal.deadline"
    case withdrawalForm = "withdrawal.form"
    case bindingOnlyAfterWrittenAcceptance = "statement.binding_only_after_written_acceptance"
    case acceptanceInstructions = "acceptance.instructions"
    case payment = "payment"
    case delivery = "delivery"
    case termination = "termination"
    case returnCosts = "return_costs"
    case totalPrice = "other_charges"

    /// JSON-path-like name of the item.
    public var field: String { rawValue }

    /// What is required, in English.
    public var description: String {
        switch self {
        case .sellerName: "the seller (call centre) must be named"
        case .sellerOrganisationNumber: "the seller's organisation number is required"
        case .sellerContact: "the seller's phone number or e-mail address is required"
        case .clientName: "the client (the business the consumer contracts with) must be named"
        case .clientOrganisationNumber: "the client's organisation number is required"
        case .clientAddress: "the client's postal address is required (the withdrawal form is sent there)"
        case .clientContact: "the client's phone number or e-mail address is required"
        case .consumerContact: "the consumer's mobile number or e-mail address is required to send the offer in writing"
        case .product: "the product must be described"
        case .price: "the price must be stated"
        case .bindingPeriod: "the binding period must be stated (0 when there is none)"
        case .withdrawalDeadline: "the withdrawal deadline must be stated and be at least 14 days"
        case .withdrawalForm: "the standard withdrawal form (FOR-2014-06-20-777) must be included"
        case .bindingOnlyAfterWrittenAcceptance: "the offer must say the consumer is bound only after accepting in writing"
        case .acceptanceInstructions: "the offer must say how to accept and how to decline"
        case .payment: "the payment arrangements must be stated (how and when the consumer pays)"
        case .delivery: "the delivery arrangements must be stated (how and when the goods or service are delivered)"
        case .termination: "an ongoing agreement must say how it is ended (notice period and how to give notice)"
        case .returnCosts: "for goods, the offer must say who pays the cost of returning them after a withdrawal: consumer or seller"
        case .totalPrice: "the total price including every charge could not be computed"
        }
    }

    /// What is required, in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .sellerName: "selgeren (callsenteret) må være navngitt"
        case .sellerOrganisationNumber: "selgerens organisasjonsnummer mangler"
        case .sellerContact: "selgerens telefonnummer eller e-postadresse mangler"
        case .clientName: "oppdragsgiveren (den forbrukeren inngår avtale med) må være navngitt"
        case .clientOrganisationNumber: "oppdragsgiverens organisasjonsnummer mangler"
        case .clientAddress: "oppdragsgiverens postadresse mangler (angreskjemaet sendes dit)"
        case .clientContact: "oppdragsgiverens telefonnummer eller e-postadresse mangler"
        case .consumerContact: "forbrukerens mobilnummer eller e-postadresse mangler, så tilbudet kan ikke sendes skriftlig"
        case .product: "produktet må beskrives"
        case .price: "prisen må oppgis"
        case .bindingPeriod: "bindingstiden må oppgis (0 når det ikke er binding)"
        case .withdrawalDeadline: "angrefristen må oppgis og være minst 14 dager"
        case .withdrawalForm: "standard angreskjema (FOR-2014-06-20-777) må være med"
        case .bindingOnlyAfterWrittenAcceptance: "tilbudet må si at forbrukeren først er bundet etter skriftlig aksept"
        case .acceptanceInstructions: "tilbudet må si hvordan man aksepterer og takker nei"
        case .payment: "betalingsordningen må oppgis (hvordan og når forbrukeren betaler)"
        case .delivery: "leveringsordningen må oppgis (hvordan og når varen eller tjenesten leveres)"
        case .termination: "en løpende avtale må si hvordan den sies opp (oppsigelsestid og hvordan)"
        case .returnCosts: "for varer må tilbudet si hvem som betaler returen ved angrerett: forbruker eller selger"
        case .totalPrice: "totalprisen med alle gebyrer kunne ikke regnes ut"
        }
    }
}

/// Why an offer needs no written confirmation: recorded, nothing is sent.
public enum ConfirmationExemption: String, Sendable, Hashable, Codable, CaseIterable {
    case voluntaryOrganisation = "voluntary_organisation"
    case newspaperSubscription = "newspaper_subscription"

    public var description: String {
        switch self {
        case .voluntaryOrganisation: "calls on behalf of a voluntary organisation need no written confirmation"
        case .newspaperSubscription: "newspaper subscriptions need no written confirmation"
        }
    }

    /// The reason in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .voluntaryOrganisation: "salg for frivillige organisasjoner krever ikke skriftlig bekreftelse"
        case .newspaperSubscription: "avisabonnement krever ikke skriftlig bekreftelse"
        }
    }
}
