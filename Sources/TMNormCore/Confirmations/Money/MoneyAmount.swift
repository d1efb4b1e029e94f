import Foundation

/// An amount of Norwegian kroner held exactly in øre (1/100 krone); never negative.
///
/// Parsed from the decimal strings the sales API takes ("199", "1234.5", "1234,50") so no binary
/// floating point ever touches a price. Codable as the canonical decimal string "1234.50".
public struct MoneyAmount: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Øre (hundredths of a krone).
    public let ore: Int64

    /// The only currency offers are made in.
    public static let currencyCode = "NOK"

    /// Default upper bound for one price: 1 000 000,00 kr. Telemarketing to consumers never comes
    /// near it, so anything above is a typing error (an extra zero, a misplaced separator).
    public static let defaultMaximumOre: Int64 = 100_000_000

    /// Zero kroner.
    public static let zero = MoneyAmount(validatedOre: 0)

    /// A checked amount; throws for a negative number of øre.
    public init(ore: Int64) throws(MoneyProblem) {
        guard ore >= 0 else { throw .negative(String(ore)) }
        self.ore = ore
    }

    /// Only for values known to be non-negative.
    init(validatedOre: Int64) { ore = validatedOre }

    /// Parses "199", "1234.5", "1234,50" (surrounding whitespace ignored); refuses signs, thousands
    /// separators, more than 2 decimals and amounts above `maximumOre`.
    public init(parsing text: String, maximumOre: Int64 = MoneyAmount.defaultMaximumOre) throws(MoneyProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.hasPrefix("-") { throw .negative(trimmed) }
        let bytes = Array(trimmed.utf8)
        let separatorIndex = bytes.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        let wholeBytes = separatorIndex.map { bytes[..<$0] } ?? bytes[...]
        let fractionBytes = separatorIndex.map { bytes[($0 + 1)...] } ?? []
        guard !wholeBytes.isEmpty, wholeBytes.allSatisfy(Self.isDigit),
            separatorIndex == nil || !fractionBytes.isEmpty,
            fractionBytes.allSatisfy(Self.isDigit)
        else { throw .malformed(trimmed) }
        guard fractionBytes.count <= 2 else { throw .tooManyDecimals(trimmed, decimals: fractionBytes.count) }
        // Leading zeros aside, more than 16 whole digits cannot be below any Int64 maximum in øre.
        let significantWhole = wholeBytes.drop { $0 == UInt8(ascii: "0") }
        guard significantWhole.count <= 16 else { throw .tooLarge(trimmed, maximumOre: maximumOre) }
        var ore: Int64 = 0
        for byte in significantWhole { ore = ore * 10 + Int64(byte - UInt8(ascii: "0")) }
        var fraction: Int64 = 0
        for byte in fractionBytes { fraction = fraction * 10 + Int64(byte - UInt8(ascii: "0")) }
        if fractionBytes.count == 1 { fraction *= 10 }
        let (kronerInOre, overflow) = ore.multipliedReportingOverflow(by: 100)
        guard !overflow, kronerInOre <= maximumOre - fraction else {
            throw .tooLarge(trimmed, maximumOre: maximumOre)
        }
        self.ore = kronerInOre + fraction
    }

    /// Checks that a currency code is NOK (case-insensitive, whitespace ignored).
    public static func checkCurrency(_ code: String) throws(MoneyProblem) {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.uppercased() == currencyCode else { throw .unsupportedCurrency(trimmed) }
    }

    /// Whole kroner.
    public var kroner: Int64 { ore / 100 }

    /// The øre part, 0–99.
    public var orePart: Int64 { ore % 100 }

    /// "1234.50": the canonical form used in JSON and storage.
    public var decimalString: String { "\(kroner).\(Self.twoDigits(orePart))" }

    public var description: String { decimalString }

    /// This amount times a whole factor (e.g. a monthly price over the binding months), or nil on overflow.
    public func multiplied(by factor: Int) -> MoneyAmount? {
        guard factor >= 0 else { return nil }
        let (product, overflow) = ore.multipliedReportingOverflow(by: Int64(factor))
        return overflow ? nil : MoneyAmount(validatedOre: product)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ore < rhs.ore }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(parsing: raw, maximumOre: .max) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalString)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
