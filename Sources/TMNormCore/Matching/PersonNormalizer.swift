/// Normalises the parts of a person's name and address so that spellings of the same person compare equal
/// (rules and examples: docs/matching.md).
public enum PersonNormalizer {
    /// "  Bjørn-Åge  O'Neill " → "bjoern aage oneill": lowercase ASCII words, æ/ø/å → ae/oe/aa, accents dropped.
    public static func name(_ s: String) -> String {
        String(decoding: PersonTextFolding.fold(s).bytes, as: UTF8.self)
    }

    /// "Kongens gt." → "kongensgate", "Parkveien" → "parkvei": words joined without spaces (so
    /// "Kongens gate" = "Kongensgate"), then the street type at the end written one way.
    public static func street(_ s: String) -> String {
        let folded = PersonTextFolding.fold(s)
        let lastWord = folded.bytes.split(separator: 0x20).last.map(Array.init) ?? []
        var joined = folded.bytes.filter { $0 != 0x20 }
        for rule in streetSuffixRules {
            guard joined.count > rule.suffix.count || (joined.count == rule.suffix.count && rule.mayStandAlone),
                joined.ends(with: rule.suffix)
            else { continue }
            if rule.needsDotOrOwnWord && !folded.lastWordAbbreviated && lastWord != rule.suffix { continue }
            joined.removeLast(rule.suffix.count)
            joined.append(contentsOf: rule.replacement)
            break
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// "12 B", "12b", "12-b", "012 B" → "12b": letters and digits only, lowercase, no leading zeros.
    public static func houseNumber(_ s: String) -> String {
        var bytes = PersonTextFolding.fold(s).bytes.filter { $0 != 0x20 }
        while bytes.count > 1, bytes[0] == 0x30, (0x30...0x39).contains(bytes[1]) { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "0150", " 0150 " → "0150"; nil unless exactly four digits remain after removing spaces.
    public static func postcode(_ s: String) -> String? {
        let digits = s.utf8.filter { $0 != 0x20 && $0 != 0x09 }
        guard digits.count == 4, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// A street type spelling and its canonical form, checked in order; the first that applies wins.
    struct StreetSuffixRule: Sendable {
        let suffix: [UInt8]
        let replacement: [UInt8]
        /// Short abbreviations ("v", "vn", "pl") that end ordinary words too: only with a dot or as their own word.
        let needsDotOrOwnWord: Bool
        /// Whether the whole street may be just this word (a street named "Gata" stays "gate").
        let mayStandAlone: Bool

        init(_ suffix: String, _ replacement: String, needsDotOrOwnWord: Bool = false) {
            self.suffix = Array(suffix.utf8)
            self.replacement = Array(replacement.utf8)
            self.needsDotOrOwnWord = needsDotOrOwnWord
            self.mayStandAlone = !needsDotOrOwnWord
        }
    }

    /// gate/gata/gaten/gt → gate; vei/veien/veg/vegen/vn/v → vei; plass/plassen/pl → plass; allé/alle/alleen → alle.
    static let streetSuffixRules: [StreetSuffixRule] = [
        StreetSuffixRule("gaten", "gate"),
        StreetSuffixRule("gata", "gate"),
        StreetSuffixRule("gt", "gate"),
        StreetSuffixRule("veien", "vei"),
        StreetSuffixRule("vegen", "vei"),
        StreetSuffixRule("veg", "vei"),
        StreetSuffixRule("vn", "vei", needsDotOrOwnWord: true),
        StreetSuffixRule("v", "vei", needsDotOrOwnWord: true),
        StreetSuffixRule("plassen", "plass"),
        StreetSuffixRule("pl", "plass", needsDotOrOwnWord: true),
        StreetSuffixRule("alleen", "alle"),
    ]
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
