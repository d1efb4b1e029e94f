import Foundation

/// How often a price is charged; raw values are the API's `price.period` strings.
public enum PricePeriod: String, Sendable, Codable, CaseIterable, Hashable {
    case once
    case month
    case year

    /// Reads "once", "month" or "year" (case-insensitive, surrounding whitespace ignored).
    public init?(apiValue: String) {
        self.init(rawValue: apiValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    /// Words after an amount: " per måned", " (engangsbeløp)".
    public func suffix(_ language: OfferLanguage) -> String {
        switch (self, language) {
        case (.once, .norwegian): " (engangsbeløp)"
        case (.month, .norwegian): " per måned"
        case (.year, .norwegian): " per år"
        case (.once, .english): " (one-off payment)"
        case (.month, .english): " per month"
        case (.year, .english): " per year"
        }
    }

    /// The short form used in SMS: "/mnd", "/år", "" for a one-off price.
    public func shortSuffix(_ language: OfferLanguage) -> String {
        switch (self, language) {
        case (.once, _): ""
        case (.month, .norwegian): "/mnd"
        case (.year, .norwegian): "/år"
        case (.month, .english): "/month"
        case (.year, .english): "/year"
        }
    }
}

/// A price in an offer: an amount in NOK and how often it is charged.
public struct OfferPrice: Hashable, Sendable, Codable {
    public let amount: MoneyAmount
    public let period: PricePeriod

    public init(amount: MoneyAmount, period: PricePeriod) {
        self.amount = amount
        self.period = period
    }

    /// "199,00 kr per måned" / "NOK 199.00 per month".
    public func formatted(_ language: OfferLanguage) -> String {
        amount.formatted(language) + period.suffix(language)
    }

    /// "199,00 kr/mnd" for SMS.
    public func shortFormatted(_ language: OfferLanguage) -> String {
        amount.formatted(language) + period.shortSuffix(language)
    }

    /// What a monthly price adds up to over a binding period (nil for other periods, no binding, or overflow).
    public func totalOverBinding(months: Int) -> MoneyAmount? {
        guard period == .month, months > 0 else { return nil }
        return amount.multiplied(by: months)
    }
}
