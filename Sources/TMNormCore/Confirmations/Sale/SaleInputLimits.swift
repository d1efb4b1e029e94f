/// Size limits and ranges for sale input (policy: every value can be changed per deployment).
public struct SaleInputLimits: Sendable, Hashable {
    /// Characters in `campaign_id`.
    public var campaignIDLength = 100
    /// Characters in `consumer.name`.
    public var nameLength = 200
    /// Characters in `product`; short enough that the SMS stays within a few segments.
    public var productLength = 200
    /// Characters in `terms` (the full text goes by e-mail and on the offer page).
    public var termsLength = 4_000
    /// Characters in `consumer.phone` as typed, before parsing.
    public var rawPhoneLength = 40
    /// Allowed binding periods in months (0 = none).
    public var bindingMonths = 0...36
    /// Largest price in øre.
    public var maximumAmountOre = MoneyAmount.defaultMaximumOre
    /// How far after today a start date may lie.
    public var maximumStartDaysAhead = 366

    public init() {}

    /// The defaults above.
    public static let standard = SaleInputLimits()
}
