/// A validated sale registered after a call: everything the offer is built from except seller and client.
public struct SaleDraft: Sendable, Hashable, Codable {
    /// The campaign the sale belongs to (the server resolves seller, client and category from it).
    public let campaignID: String
    public let consumer: SaleConsumer
    /// What is sold, as the consumer will read it.
    public let product: String
    public let price: OfferPrice
    /// 0 means no binding period.
    public let bindingMonths: Int
    /// When delivery starts; nil when it starts on acceptance.
    public let startDate: LocalDate?
    /// Further terms in the seller's words (may span lines); nil when none.
    public let terms: String?
    /// Payment, delivery, termination, other charges and return costs (angrerettloven § 8).
    public var statutory: OfferStatutoryTerms = OfferStatutoryTerms()

    public init(
        campaignID: String, consumer: SaleConsumer, product: String, price: OfferPrice,
        bindingMonths: Int, startDate: LocalDate?, terms: String?, statutory: OfferStatutoryTerms = OfferStatutoryTerms()
    ) {
        self.statutory = statutory
        self.campaignID = campaignID
        self.consumer = consumer
        self.product = product
        self.price = price
        self.bindingMonths = bindingMonths
        self.startDate = startDate
        self.terms = terms
    }

    enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id", consumer, product, price
        case bindingMonths = "binding_months", startDate = "start_date", terms, statutory
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        campaignID = try c.decode(String.self, forKey: .campaignID)
        consumer = try c.decode(SaleConsumer.self, forKey: .consumer)
        product = try c.decode(String.self, forKey: .product)
        price = try c.decode(OfferPrice.self, forKey: .price)
        bindingMonths = try c.decode(Int.self, forKey: .bindingMonths)
        startDate = try c.decodeIfPresent(LocalDate.self, forKey: .startDate)
        terms = try c.decodeIfPresent(String.self, forKey: .terms)
        statutory = try c.decodeIfPresent(OfferStatutoryTerms.self, forKey: .statutory) ?? OfferStatutoryTerms()
    }
}

/// The consumer an offer goes to: a name and at least one way to reach them in writing.
public struct SaleConsumer: Sendable, Hashable, Codable {
    public let name: String
    /// A Norwegian mobile number (the only kind that receives SMS), when given.
    public let phone: PhoneNumber?
    public let email: EmailAddress?

    /// Nil when neither phone nor e-mail is given: an offer must reach the consumer in writing.
    public init?(name: String, phone: PhoneNumber?, email: EmailAddress?) {
        guard phone != nil || email != nil else { return nil }
        self.name = name
        self.phone = phone
        self.email = email
    }
}
