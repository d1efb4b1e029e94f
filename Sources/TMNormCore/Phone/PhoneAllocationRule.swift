/// What a range of the numbering plan is used for.
public enum PhoneAllocation: Sendable, Hashable, Codable {
    /// In use for numbers of this kind (only mobile, fixed, m2m, special or short).
    case allocated(PhoneKind)
    /// Not in use: a number in this range is invalid.
    case unallocated
}

/// One row of a numbering-plan table: `length`-digit numbers starting with `prefix` get `allocation`.
///
/// Rules overlap on purpose: the longest matching prefix wins, so "4" mobile with "42" unallocated
/// reads like the Nkom plan itself.
public struct PhoneAllocationRule: Sendable, Hashable, Codable {
    /// How many digits the national number has (8 for the ordinary plan, 12 for M2M, 3–6 for short numbers).
    public let length: Int
    /// The leading digits, e.g. "4536". For 8-digit numbers at most 5 digits (the lookup granularity).
    public let prefix: String
    public let allocation: PhoneAllocation
    /// Why the range is what it is; for unallocated ranges it becomes part of the reason users see.
    public let note: String

    public init(length: Int, prefix: String, allocation: PhoneAllocation, note: String) {
        self.length = length
        self.prefix = prefix
        self.allocation = allocation
        self.note = note
    }

    /// An 8-digit rule, the common case.
    public static func eight(_ prefix: String, _ allocation: PhoneAllocation, _ note: String) -> Self {
        Self(length: 8, prefix: prefix, allocation: allocation, note: note)
    }
}

/// Why a list of rules cannot be turned into a `PhoneAllocationTable`.
public enum PhoneAllocationTableError: Error, Sendable, Equatable, CustomStringConvertible {
    case badPrefix(length: Int, prefix: String)
    case prefixTooLongForLookup(prefix: String)
    case unsupportedLength(Int)
    case duplicateRule(length: Int, prefix: String)
    case notAPlanKind(PhoneKind)
    case tooManyDistinctOutcomes

    public var description: String {
        switch self {
        case .badPrefix(let length, let prefix):
            "rule for \(length)-digit numbers has prefix '\(prefix)': a prefix is 1 to \(length) digits"
        case .prefixTooLongForLookup(let prefix):
            "8-digit rule prefix '\(prefix)' is longer than \(PhoneAllocationTable.eightDigitPrefixLimit) digits"
        case .unsupportedLength(let length):
            "rule for \(length)-digit numbers: national numbers have 1 to 18 digits"
        case .duplicateRule(let length, let prefix):
            "two rules for \(length)-digit numbers starting '\(prefix)'"
        case .notAPlanKind(let kind):
            "kind '\(kind.rawValue)' cannot be allocated in the Norwegian plan"
        case .tooManyDistinctOutcomes:
            "more than 255 distinct outcomes for 8-digit numbers"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .badPrefix(let length, let prefix):
            "regel for \(length)-sifrede nummer har prefiks «\(prefix)»: et prefiks er 1 til \(length) siffer"
        case .prefixTooLongForLookup(let prefix):
            "prefikset «\(prefix)» for 8-sifrede nummer er lengre enn \(PhoneAllocationTable.eightDigitPrefixLimit) siffer"
        case .unsupportedLength(let length):
            "regel for \(length)-sifrede nummer: nasjonale nummer har 1 til 18 siffer"
        case .duplicateRule(let length, let prefix):
            "to regler for \(length)-sifrede nummer som begynner med «\(prefix)»"
        case .notAPlanKind(let kind):
            "typen «\(kind.rawValue)» kan ikke tildeles i den norske nummerplanen"
        case .tooManyDistinctOutcomes:
            "mer enn 255 ulike utfall for 8-sifrede nummer"
        }
    }
}
