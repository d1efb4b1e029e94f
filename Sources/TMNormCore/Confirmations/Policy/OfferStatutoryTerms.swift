/// The items of angrerettloven § 8 that a written offer states beyond product, price and binding period
/// (docs/domain.md, "Written confirmation"): other charges, payment and delivery arrangements, how an ongoing
/// agreement ends, and who pays for returning goods. The fixed statements (proportionate payment for a
/// service started in the withdrawal period, the right to complain about defects) are written by the
/// renderer. All optional here so an incomplete sale can be named item by item (`ConfirmationChecker`).
public struct OfferStatutoryTerms: Sendable, Hashable, Codable {
    /// Charges besides the price (delivery, set-up…), each stated with its amount; the total includes them.
    public var otherCharges: [OfferCharge]
    /// How and when the consumer pays ("Faktura hver måned, 14 dagers betalingsfrist").
    public var payment: String?
    /// How and when the goods or service are delivered.
    public var delivery: String?
    /// How an ongoing agreement is ended (notice period, how to give notice); required for recurring prices.
    public var termination: String?
    /// Goods only: who pays the cost of returning them after a withdrawal.
    public var returnCostsPaidBy: ReturnCostPayer?

    public init(
        otherCharges: [OfferCharge] = [], payment: String? = nil, delivery: String? = nil, termination: String? = nil,
        returnCostsPaidBy: ReturnCostPayer? = nil
    ) {
        self.otherCharges = otherCharges
        self.payment = payment
        self.delivery = delivery
        self.termination = termination
        self.returnCostsPaidBy = returnCostsPaidBy
    }

    enum CodingKeys: String, CodingKey {
        case otherCharges = "other_charges", payment, delivery, termination, returnCostsPaidBy = "return_costs"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        otherCharges = try c.decodeIfPresent([OfferCharge].self, forKey: .otherCharges) ?? []
        payment = try c.decodeIfPresent(String.self, forKey: .payment)
        delivery = try c.decodeIfPresent(String.self, forKey: .delivery)
        termination = try c.decodeIfPresent(String.self, forKey: .termination)
        returnCostsPaidBy = try c.decodeIfPresent(ReturnCostPayer.self, forKey: .returnCostsPaidBy)
    }

    /// The sum of the other charges, or nil on overflow.
    public var chargesTotal: MoneyAmount? {
        var ore: Int64 = 0
        for charge in otherCharges {
            let (sum, overflow) = ore.addingReportingOverflow(charge.amount.ore)
            if overflow { return nil }
            ore = sum
        }
        return try? MoneyAmount(ore: ore)
    }
}

/// One charge besides the price.
public struct OfferCharge: Sendable, Hashable, Codable {
    public let description: String
    public let amount: MoneyAmount

    public init(description: String, amount: MoneyAmount) {
        self.description = description
        self.amount = amount
    }
}

/// Who pays for returning goods after a withdrawal (`return_costs`: "consumer" or "seller").
public enum ReturnCostPayer: String, Sendable, Hashable, Codable {
    case consumer
    case seller
}
