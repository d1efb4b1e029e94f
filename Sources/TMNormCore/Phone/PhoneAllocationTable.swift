/// The numbering plan as data: which ranges are mobile, fixed, M2M, special, short or unallocated.
///
/// Replace `nkom2026` when Nkom changes the plan; `PhoneNumber.parse` and `classify` take a table.
/// 8-digit numbers are classified through a 100 000-entry lookup on their first five digits, so
/// `classify(eightDigit:)` is one division and two array reads. Everything lives in one immutable
/// object so passing a table around costs one retain, not one per array (eight retains made
/// `classify` 103 ns; see docs/phone-numbers.md for the figures).
public struct PhoneAllocationTable: Sendable {
    /// Longest prefix an 8-digit rule may have: the lookup is keyed on this many leading digits.
    public static let eightDigitPrefixLimit = 5

    /// Names the plan in reasons, e.g. "Nkom 2026".
    public var name: String { storage.name }
    public var rules: [PhoneAllocationRule] { storage.rules }
    /// National lengths that may follow the country code (+47 / 0047 / 47): 8 and 12 in Norway.
    public var internationalLengths: Set<Int> { storage.internationalLengths }
    /// Every length some rule covers, ascending.
    public var planLengths: [Int] { storage.planLengths }

    private let storage: Storage

    /// The compiled table, shared by every copy.
    private final class Storage: Sendable {
        let name: String
        let rules: [PhoneAllocationRule]
        let internationalLengths: Set<Int>
        let planLengths: [Int]
        let eightDigitLookup: [UInt8]
        let eightDigitOutcomes: [PhoneClassification]
        /// The prefix each outcome came from, parallel to `eightDigitOutcomes` (names the range in reasons).
        let eightDigitRanges: [String]
        let otherLengths: [Int: [CompiledRule]]

        init(
            name: String, rules: [PhoneAllocationRule], internationalLengths: Set<Int>,
            eightDigitLookup: [UInt8], eightDigitOutcomes: [PhoneClassification], eightDigitRanges: [String],
            otherLengths: [Int: [CompiledRule]]
        ) {
            self.name = name
            self.rules = rules
            self.internationalLengths = internationalLengths
            self.planLengths = Set(rules.map(\.length)).sorted()
            self.eightDigitLookup = eightDigitLookup
            self.eightDigitOutcomes = eightDigitOutcomes
            self.eightDigitRanges = eightDigitRanges
            self.otherLengths = otherLengths
        }
    }

    /// A rule for a length other than 8, with its prefix as an integer; longest prefix first.
    private struct CompiledRule: Sendable {
        let prefix: UInt64
        let prefixLength: Int
        let outcome: PhoneClassification
        let range: String
    }

    public init(
        name: String, rules: [PhoneAllocationRule], internationalLengths: Set<Int> = [8, 12]
    ) throws(PhoneAllocationTableError) {
        try Self.validate(rules)

        // 8-digit lookup: shorter prefixes first, so longer (more specific) ones overwrite them.
        let bucketCount = Int(PhoneDigits.power(Self.eightDigitPrefixLimit))
        var outcomes: [PhoneClassification] = []
        var ranges: [String] = []
        var lookup = [UInt8](repeating: 0, count: bucketCount)
        for digit in 0...9 {
            outcomes.append(.unallocated("unallocated range \(digit): not in the numbering plan (\(name))"))
            ranges.append(String(digit))
            let width = bucketCount / 10
            for bucket in (digit * width)..<((digit + 1) * width) { lookup[bucket] = UInt8(digit) }
        }
        let eightDigitRules = rules.filter { $0.length == 8 }.sorted { $0.prefix.count < $1.prefix.count }
        for rule in eightDigitRules {
            let outcome = Self.outcome(of: rule, plan: name)
            let index: Int
            if let existing = outcomes.indices.first(where: { outcomes[$0] == outcome && ranges[$0] == rule.prefix }) {
                index = existing
            } else {
                guard outcomes.count < 256 else { throw .tooManyDistinctOutcomes }
                outcomes.append(outcome)
                ranges.append(rule.prefix)
                index = outcomes.count - 1
            }
            let width = Int(PhoneDigits.power(Self.eightDigitPrefixLimit - rule.prefix.count))
            let start = (Int(rule.prefix) ?? 0) * width
            for bucket in start..<(start + width) { lookup[bucket] = UInt8(index) }
        }

        var others: [Int: [CompiledRule]] = [:]
        for rule in rules where rule.length != 8 {
            let compiled = CompiledRule(
                prefix: UInt64(rule.prefix) ?? 0, prefixLength: rule.prefix.count,
                outcome: Self.outcome(of: rule, plan: name), range: rule.prefix)
            others[rule.length, default: []].append(compiled)
        }
        storage = Storage(
            name: name, rules: rules, internationalLengths: internationalLengths,
            eightDigitLookup: lookup, eightDigitOutcomes: outcomes, eightDigitRanges: ranges,
            otherLengths: others.mapValues { $0.sorted { $0.prefixLength > $1.prefixLength } })
    }

    private static func validate(_ rules: [PhoneAllocationRule]) throws(PhoneAllocationTableError) {
        var seen = Set<String>()
        for rule in rules {
            guard (1...PhoneDigits.capacity).contains(rule.length) else {
                throw .unsupportedLength(rule.length)
            }
            guard !rule.prefix.isEmpty, rule.prefix.count <= rule.length,
                rule.prefix.utf8.allSatisfy({ (48...57).contains($0) })
            else { throw .badPrefix(length: rule.length, prefix: rule.prefix) }
            if rule.length == 8 && rule.prefix.count > Self.eightDigitPrefixLimit {
                throw .prefixTooLongForLookup(prefix: rule.prefix)
            }
            if case .allocated(let kind) = rule.allocation, kind == .foreign || kind == .invalid {
                throw .notAPlanKind(kind)
            }
            guard seen.insert("\(rule.length):\(rule.prefix)").inserted else {
                throw .duplicateRule(length: rule.length, prefix: rule.prefix)
            }
        }
    }

    private static func outcome(of rule: PhoneAllocationRule, plan: String) -> PhoneClassification {
        switch rule.allocation {
        case .allocated(let kind): .allocated(kind)
        case .unallocated: .unallocated("unallocated range \(rule.prefix): \(rule.note) (\(plan))")
        }
    }

    /// Classifies an 8-digit national number given as an integer; allocation-free.
    public func classify(eightDigit number: UInt32) -> PhoneClassification {
        guard number < 100_000_000 else {
            return .unallocated("\(number) has more than 8 digits")
        }
        return storage.eightDigitOutcomes[Int(storage.eightDigitLookup[Int(number / 1000)])]
    }

    /// The kind of an allocated 8-digit number, nil when unallocated: the same answer as
    /// `classify(eightDigit:)` without touching a reason string (no reference counting at all).
    public func kind(eightDigit number: UInt32) -> PhoneKind? {
        guard number < 100_000_000 else { return nil }
        if case .allocated(let kind) = storage.eightDigitOutcomes[Int(storage.eightDigitLookup[Int(number / 1000)])] {
            return kind
        }
        return nil
    }

    /// Classifies a national number of any length, with the prefix of the range that decided it;
    /// nil when no rule covers numbers of that length.
    func classify(_ digits: PhoneDigits) -> (classification: PhoneClassification, range: String)? {
        if digits.count == 8 && !digits.isTooLong {
            let index = Int(storage.eightDigitLookup[Int(digits.value / 1000)])
            return (storage.eightDigitOutcomes[index], storage.eightDigitRanges[index])
        }
        guard let candidates = storage.otherLengths[digits.count] else { return nil }
        for rule in candidates where digits.hasPrefix(rule.prefix, length: rule.prefixLength) {
            return (rule.outcome, rule.range)
        }
        let first = String(digits.prefix(1))
        let reason = "unallocated range \(first): no \(digits.count)-digit numbers start with \(first) (\(name))"
        return (.unallocated(reason), first)
    }
}
