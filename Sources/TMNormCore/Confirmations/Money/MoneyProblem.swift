/// Why a text is not an acceptable amount of money for an offer.
public enum MoneyProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing but whitespace.
    case empty
    /// Not a decimal number of the form "1234", "1234.5" or "1234,50".
    case malformed(String)
    /// A minus sign: prices are never negative.
    case negative(String)
    /// More than two digits after the decimal separator (øre is the smallest unit).
    case tooManyDecimals(String, decimals: Int)
    /// Above the largest amount an offer may carry.
    case tooLarge(String, maximumOre: Int64)
    /// A currency other than NOK.
    case unsupportedCurrency(String)

    public var description: String {
        switch self {
        case .empty:
            "the amount is empty: give a decimal string such as \"199\" or \"1234.50\""
        case .malformed(let s):
            "'\(s)' is not an amount: use digits with at most one '.' or ',' before the øre, e.g. \"1234.50\""
        case .negative(let s):
            "'\(s)' is negative: a price is never below zero"
        case .tooManyDecimals(let s, let decimals):
            "'\(s)' has \(decimals) decimals: at most 2 (øre) are allowed"
        case .tooLarge(let s, let maximumOre):
            "'\(s)' is above the maximum of \(MoneyAmount(validatedOre: maximumOre).englishFormatted)"
        case .unsupportedCurrency(let c):
            "currency '\(c)' is not supported: only NOK is"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .empty:
            "beløpet er tomt: oppgi et desimaltall som «199» eller «1234,50»"
        case .malformed(let s):
            "«\(s)» er ikke et beløp: bruk siffer med høyst ett «,» eller «.» foran ørene, f.eks. «1234,50»"
        case .negative(let s):
            "«\(s)» er negativt: en pris kan ikke være under null"
        case .tooManyDecimals(let s, let decimals):
            "«\(s)» har \(decimals) desimaler: høyst 2 (øre) er tillatt"
        case .tooLarge(let s, let maximumOre):
            "«\(s)» er over maksimum på \(MoneyAmount(validatedOre: maximumOre).norwegianFormatted)"
        case .unsupportedCurrency(let c):
            "valutaen «\(c)» støttes ikke: bare NOK støttes"
        }
    }
}
