/// A Norwegian organisation number (organisasjonsnummer): 9 digits with a modulus-11 check digit.
public struct OrganisationNumber: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The nine digits, without spaces.
    public let digits: String

    /// Why a string is not a valid organisation number.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case nonDigit(Character)
        case wrongLength(Int)
        case checkDigitImpossible
        case checkDigitMismatch(expected: Int, found: Int)

        public var description: String {
            switch self {
            case .empty: "empty: an organisation number has 9 digits"
            case .nonDigit(let c): "contains '\(c)': only digits (and spaces) are allowed"
            case .wrongLength(let n): "has \(n) digits: an organisation number has exactly 9"
            case .checkDigitImpossible:
                "no valid check digit exists for the first 8 digits (modulus 11 gives 10)"
            case .checkDigitMismatch(let expected, let found):
                "check digit is \(found), modulus 11 requires \(expected)"
            }
        }

        /// The reason in Norwegian bokmål, for people.
        public var norwegian: String {
            switch self {
            case .empty: "tomt: et organisasjonsnummer har 9 siffer"
            case .nonDigit(let c): "inneholder «\(c)»: bare siffer (og mellomrom) er tillatt"
            case .wrongLength(let n): "har \(n) siffer: et organisasjonsnummer har nøyaktig 9"
            case .checkDigitImpossible:
                "ingen gyldig kontrollsiffer finnes for de 8 første sifrene (modulus 11 gir 10)"
            case .checkDigitMismatch(let expected, let found):
                "kontrollsifferet er \(found), modulus 11 krever \(expected)"
            }
        }
    }

    static let weights = [3, 2, 7, 6, 5, 4, 3, 2]

    /// Parses "974 760 673", "974760673"; rejects anything that fails the modulus-11 check. Digits are
    /// ASCII bytes: a digit with a combining mark or a keycap is a non-digit, not a digit.
    public init(_ raw: String) throws(Problem) {
        var values: [Int] = []
        values.reserveCapacity(9)
        for character in raw {
            if let value = ASCII.digitValue(character) {
                values.append(value)
            } else if !character.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw .nonDigit(character)
            }
        }
        guard !values.isEmpty else { throw .empty }
        guard values.count == 9 else { throw .wrongLength(values.count) }
        guard let expected = Self.checkDigit(for: Array(values.prefix(8))) else {
            throw .checkDigitImpossible
        }
        guard expected == values[8] else {
            throw .checkDigitMismatch(expected: expected, found: values[8])
        }
        digits = String(decoding: values.map { UInt8(0x30 + $0) }, as: UTF8.self)
    }

    /// The modulus-11 check digit for eight leading digits, or nil when none exists (remainder 1).
    public static func checkDigit(for leading: [Int]) -> Int? {
        precondition(leading.count == 8, "eight digits expected")
        let sum = zip(leading, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let remainder = sum % 11
        switch remainder {
        case 0: return 0
        case 1: return nil
        default: return 11 - remainder
        }
    }

    /// "974 760 673" — the grouping used by Brønnøysundregistrene.
    public var formatted: String {
        let d = Array(digits.utf8)
        return String(decoding: d[0..<3] + [0x20] + d[3..<6] + [0x20] + d[6..<9], as: UTF8.self)
    }

    public var description: String { digits }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.digits < rhs.digits }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(digits)
    }
}
