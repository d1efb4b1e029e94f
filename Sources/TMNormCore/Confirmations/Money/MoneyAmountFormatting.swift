/// How amounts are written for people: Norwegian "1 234,50 kr" and English "NOK 1,234.50".
extension MoneyAmount {
    /// "1 234,50 kr": space between thousands (a plain space, which GSM-7 SMS can carry; U+00A0 cannot),
    /// comma before the øre, "kr" after.
    public var norwegianFormatted: String { "\(Self.grouped(kroner, separator: " ")),\(Self.twoDigits(orePart)) kr" }

    /// "NOK 1,234.50".
    public var englishFormatted: String { "NOK \(Self.grouped(kroner, separator: ",")).\(Self.twoDigits(orePart))" }

    /// The amount formatted for a language.
    public func formatted(_ language: OfferLanguage) -> String {
        switch language {
        case .norwegian: norwegianFormatted
        case .english: englishFormatted
        }
    }

    /// Digits in groups of three from the right: 1234567 → "1 234 567".
    static func grouped(_ value: Int64, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
