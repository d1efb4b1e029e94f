/// The figures a consumer reads first, above the full offer: what, the price, the total it states, the
/// binding period. The same numbers as in the offer text (`OfferDocumentRenderer` states the same total).
public struct OfferSummary: Sendable, Hashable {
    /// Whether the total is a one-off amount or what a monthly price adds up to over the binding period.
    public enum TotalKind: Sendable, Hashable { case oneOff, overBinding }

    public let product: String
    /// "199,00 kr per måned".
    public let price: String
    /// The stated total with every charge ("2 388,00 kr"); nil when the offer states none (ongoing, no binding).
    public let total: String?
    public let totalKind: TotalKind?
    /// "12 måneder" or "ingen bindingstid".
    public let binding: String
    /// Days of withdrawal right.
    public let withdrawalPeriodDays: Int

    /// Plain values, for sample data.
    public init(product: String, price: String, total: String?, totalKind: TotalKind?, binding: String, withdrawalPeriodDays: Int) {
        self.product = product
        self.price = price
        self.total = total
        self.totalKind = totalKind
        self.binding = binding
        self.withdrawalPeriodDays = withdrawalPeriodDays
    }

    public init(_ offer: ConfirmationOffer, language: OfferLanguage) {
        product = offer.product
        price = offer.price.formatted(language)
        binding = OfferDateText.binding(offer.bindingMonths, language)
        withdrawalPeriodDays = offer.withdrawalPeriodDays
        if let stated = offer.statedTotal {
            total = stated.amount.formatted(language)
            totalKind = stated.kind
        } else {
            total = nil
            totalKind = nil
        }
    }
}

extension ConfirmationOffer {
    /// The total the offer states: price plus every other charge once for a one-off price, the monthly
    /// price over the binding period plus the charges for a bound monthly price, otherwise none.
    public var statedTotal: (amount: MoneyAmount, kind: OfferSummary.TotalKind)? {
        let charges = (statutory ?? OfferStatutoryTerms()).chargesTotal ?? .zero
        if price.period == .once {
            return ((try? MoneyAmount(ore: price.amount.ore + charges.ore)) ?? price.amount, .oneOff)
        }
        if let total = price.totalOverBinding(months: bindingMonths), let withCharges = try? MoneyAmount(ore: total.ore + charges.ore) {
            return (withCharges, .overBinding)
        }
        return nil
    }
}
