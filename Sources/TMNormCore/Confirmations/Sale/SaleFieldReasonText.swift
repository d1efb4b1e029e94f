/// The English and Norwegian texts of a sale field problem.
extension SaleFieldReason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missing: "is required"
        case .wrongType(let expected, _, let found): "must be \(expected), not \(found.typeDescription)"
        case .empty: "must not be empty"
        case .tooLong(let n, let max): "has \(n) characters: at most \(max) are allowed"
        case .forbiddenCharacter(let scalar): "contains the control or direction character U+\(Self.hex(scalar)), which is not allowed"
        case .phoneOrEmailRequired: "give a phone number or an e-mail address: the offer must reach the consumer in writing"
        case .phoneInvalid(let problem): "is not a valid Norwegian number: \(problem.description)"
        case .phoneNotMobile(let kind):
            "is a \(kind.rawValue) number: the offer goes by SMS, which needs a Norwegian mobile number (first digit 4 or 9)"
        case .emailInvalid(let problem): "is not a valid e-mail address: \(problem.description)"
        case .amount(let problem), .currency(let problem): problem.description
        case .unknownPeriod(let p): "'\(p)' is not a price period: use once, month or year"
        case .notOneOf(let allowed): "must be one of: \(allowed.joined(separator: ", "))"
        case .bindingMonthsOutOfRange(let n, let allowed): "\(n) is outside \(allowed.lowerBound)–\(allowed.upperBound) months"
        case .date(let error): error.description
        case .startDateInPast(let date, let today): "\(date.iso8601) is before today (\(today.iso8601))"
        case .startDateTooFarAhead(let date, let latest): "\(date.iso8601) is after the latest allowed start, \(latest.iso8601)"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .missing: "må fylles ut"
        case .wrongType(_, let expected, let found): "må være \(expected), ikke \(found.norwegianTypeDescription)"
        case .empty: "kan ikke være tom"
        case .tooLong(let n, let max): "har \(n) tegn: høyst \(max) er tillatt"
        case .forbiddenCharacter(let scalar): "inneholder kontroll- eller retningstegnet U+\(Self.hex(scalar)), som ikke er tillatt"
        case .phoneOrEmailRequired: "oppgi telefonnummer eller e-postadresse: tilbudet må nå forbrukeren skriftlig"
        case .phoneInvalid(let problem): "er ikke et gyldig norsk nummer: \(problem.norwegian)"
        case .phoneNotMobile: "er ikke et mobilnummer: tilbudet sendes på SMS, som krever et norsk mobilnummer (første siffer 4 eller 9)"
        case .emailInvalid(let problem): "er ikke en gyldig e-postadresse: \(problem.norwegian)"
        case .amount(let problem), .currency(let problem): problem.norwegian
        case .unknownPeriod(let p): "«\(p)» er ikke en prisperiode: bruk once, month eller year"
        case .notOneOf(let allowed): "må være en av: \(allowed.joined(separator: ", "))"
        case .bindingMonthsOutOfRange(let n, let allowed): "\(n) er utenfor \(allowed.lowerBound)–\(allowed.upperBound) måneder"
        case .date(let error): error.norwegian
        case .startDateInPast(let date, let today): "\(date.norwegianFormatted) er før i dag (\(today.norwegianFormatted))"
        case .startDateTooFarAhead(let date, let latest):
            "\(date.norwegianFormatted) er etter seneste tillatte oppstart, \(latest.norwegianFormatted)"
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
