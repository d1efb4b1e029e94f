/// Everything an offer is made from, as gathered by the server; `ConfirmationChecker` decides if it is complete.
public struct OfferComposition: Sendable, Hashable {
    public var campaignID: String
    public var consumer: SaleConsumer?
    public var product: String?
    public var productKind: OfferProductKind
    public var price: OfferPrice?
    public var bindingMonths: Int?
    public var startDate: LocalDate?
    public var terms: String?
    /// The call centre that made the sale.
    public var seller: OfferParty
    /// The business the consumer contracts with (oppdragsgiver); also the addressee of the withdrawal form.
    public var client: OfferParty
    /// The withdrawal period the campaign grants (policy default 14 days; never less by law).
    public var withdrawalPeriodDays: Int?
    /// Payment, delivery, termination, other charges, return costs.
    public var statutory: OfferStatutoryTerms = OfferStatutoryTerms()

    public init(
        campaignID: String, consumer: SaleConsumer?, product: String?, productKind: OfferProductKind,
        price: OfferPrice?, bindingMonths: Int?, startDate: LocalDate? = nil, terms: String? = nil,
        seller: OfferParty, client: OfferParty, withdrawalPeriodDays: Int?
    ) {
        self.campaignID = campaignID
        self.consumer = consumer
        self.product = product
        self.productKind = productKind
        self.price = price
        self.bindingMonths = bindingMonths
        self.startDate = startDate
        self.terms = terms
        self.seller = seller
        self.client = client
        self.withdrawalPeriodDays = withdrawalPeriodDays
    }

    /// A validated sale plus what the campaign supplies; the withdrawal period comes from the policy.
    public init(
        sale: SaleDraft, productKind: OfferProductKind, seller: OfferParty, client: OfferParty,
        policy: ConfirmationPolicy = .standard
    ) {
        self.init(
            campaignID: sale.campaignID, consumer: sale.consumer, product: sale.product, productKind: productKind,
            price: sale.price, bindingMonths: sale.bindingMonths, startDate: sale.startDate, terms: sale.terms,
            seller: seller, client: client, withdrawalPeriodDays: policy.withdrawal.periodDays)
        statutory = sale.statutory
    }
}

/// A complete offer: every required item present; the only input the offer text renderer takes.
public struct ConfirmationOffer: Sendable, Hashable, Codable {
    public let campaignID: String
    public let consumer: SaleConsumer
    public let product: String
    public let productKind: OfferProductKind
    public let price: OfferPrice
    public let bindingMonths: Int
    public let startDate: LocalDate?
    public let terms: String?
    public let seller: OfferTrader
    /// Always has an address and a phone or e-mail (checked), as the withdrawal form needs them.
    public let client: OfferTrader
    public let withdrawalPeriodDays: Int
    /// nil in offers stored before these items were required.
    public var statutory: OfferStatutoryTerms?

    /// Only `ConfirmationChecker` makes complete offers (or decoding one it made and the server stored).
    init(
        campaignID: String, consumer: SaleConsumer, product: String, productKind: OfferProductKind, price: OfferPrice,
        bindingMonths: Int, startDate: LocalDate?, terms: String?, seller: OfferTrader, client: OfferTrader,
        withdrawalPeriodDays: Int, statutory: OfferStatutoryTerms? = nil
    ) {
        self.statutory = statutory
        self.campaignID = campaignID
        self.consumer = consumer
        self.product = product
        self.productKind = productKind
        self.price = price
        self.bindingMonths = bindingMonths
        self.startDate = startDate
        self.terms = terms
        self.seller = seller
        self.client = client
        self.withdrawalPeriodDays = withdrawalPeriodDays
    }
}
