/// Why an input is not a valid Norwegian number (foreign numbers included, see `isForeign`).
public enum PhoneNumberProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// No digits at all.
    case empty
    /// A character that is neither a digit, a separator (space, '-', '.', '(', ')') nor a leading '+'.
    case invalidCharacter(Character)
    /// '+' somewhere other than before the first digit, or twice.
    case misplacedPlus
    /// A national number whose digit count no rule of the plan covers.
    case wrongLength(digits: Int, planLengths: [Int])
    /// +47 / 0047 / 47 followed by a digit count that cannot follow the country code.
    case wrongLengthAfterCountryCode(digits: Int, internationalLengths: [Int])
    /// A range the plan does not use; `reason` comes from the allocation table.
    case unallocated(range: String, reason: String, plan: String)
    /// An international number whose country code is not 47; `international` is "+" and its digits.
    case foreign(international: String)

    /// True for a number from another country (reported as `foreign`, not `invalid`).
    public var isForeign: Bool {
        if case .foreign = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .empty:
            "empty: no digits"
        case .invalidCharacter(let c):
            "contains '\(c)': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed"
        case .misplacedPlus:
            "'+' is only allowed once, before the first digit"
        case .wrongLength(let digits, let lengths):
            "has \(digits) digits: Norwegian numbers have \(Self.list(lengths, "or")) digits"
        case .wrongLengthAfterCountryCode(let digits, let lengths):
            "has \(digits) digits after the country code 47: expected \(Self.list(lengths, "or"))"
        case .unallocated(_, let reason, _):
            reason
        case .foreign(let international):
            "not a Norwegian number: \(international) does not have the country code +47"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .empty:
            "tomt: ingen siffer"
        case .invalidCharacter(let c):
            "inneholder «\(c)»: bare siffer, mellomrom, «-», «.», «(», «)» og «+» først er tillatt"
        case .misplacedPlus:
            "«+» er bare tillatt én gang, foran første siffer"
        case .wrongLength(let digits, let lengths):
            "har \(digits) siffer: norske nummer har \(Self.list(lengths, "eller")) siffer"
        case .wrongLengthAfterCountryCode(let digits, let lengths):
            "har \(digits) siffer etter landskoden 47: forventet \(Self.list(lengths, "eller"))"
        case .unallocated(let range, _, let plan):
            "nummerserien \(range) er ikke tildelt i nummerplanen (\(plan))"
        case .foreign(let international):
            "ikke et norsk nummer: \(international) har ikke landskoden +47"
        }
    }

    /// "3, 4, 5 or 8".
    private static func list(_ numbers: [Int], _ conjunction: String) -> String {
        let words = numbers.map(String.init)
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
