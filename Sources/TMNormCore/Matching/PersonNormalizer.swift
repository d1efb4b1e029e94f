/// Normalises the parts of a person's name and address so that spellings of the same person compare equal
/// (rules and examples: docs/matching.md).
public enum PersonNormalizer {
    /// "  Bjørn-Åge  O'Neill " → "bjoern aage oneill": lowercase ASCII words, æ/ø/å → ae/oe/aa, accents dropped.
    public static func name(_ s: String) -> String {
        PersonTextFolding.withFolded(s) { buffer, count, _ in
            utf8String(buffer, 0..<count)
        }
    }

    /// The first word of `name(s)`: the first given name ("Kari Anne" → "kari").
    public static func firstGivenName(_ s: String) -> String {
        PersonTextFolding.withFolded(s) { buffer, count, _ in
            utf8String(buffer, 0..<(buffer[..<count].firstIndex(of: 0x20) ?? count))
        }
    }

    /// "Kongens gt." → "kongensgate", "Parkveien" → "parkvei": words joined without spaces (so
    /// "Kongens gate" = "Kongensgate"), then the street type at the end written one way.
    public static func street(_ s: String) -> String {
        PersonTextFolding.withFolded(s, extraCapacity: maxSuffixGrowth) { buffer, folded, abbreviated in
            utf8String(buffer, 0..<streetInPlace(buffer, folded: folded, abbreviated: abbreviated))
        }
    }

    /// The street rules on folded bytes, in place (the buffer has `maxSuffixGrowth` bytes to spare);
    /// returns the new length. Shared by `street(_:)` and `PersonKeyReader`.
    static func streetInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>, folded: Int, abbreviated: Bool) -> Int {
        let lastWordLength = folded - ((buffer[..<folded].lastIndex(of: 0x20) ?? -1) + 1)
        var count = compactSpaces(buffer, count: folded)
        for rule in streetSuffixRules {
            let n = rule.suffix.count
            guard count > n || (count == n && rule.mayStandAlone), endsWith(buffer, count: count, rule.suffix)
            else { continue }
            if rule.needsDotOrOwnWord && !abbreviated && lastWordLength != n { continue }
            for (i, byte) in rule.replacement.enumerated() { buffer[count - n + i] = byte }
            count += rule.replacement.count - n
            break
        }
        return count
    }

    /// "12 B", "12b", "12-b", "012 B" → "12b": letters and digits only, lowercase, no leading zeros.
    public static func houseNumber(_ s: String) -> String {
        PersonTextFolding.withFolded(s) { buffer, folded, _ in
            utf8String(buffer, houseNumberInPlace(buffer, folded: folded))
        }
    }

    /// The house-number rules on folded bytes, in place; returns the range that remains.
    static func houseNumberInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>, folded: Int) -> Range<Int> {
        let count = compactSpaces(buffer, count: folded)
        var start = 0
        while count - start > 1, buffer[start] == 0x30, (0x30...0x39).contains(buffer[start + 1]) { start += 1 }
        return start..<count
    }

    /// "0150", " 0150 " → "0150"; nil unless exactly four digits remain after removing spaces.
    public static func postcode(_ s: String) -> String? {
        var digits: UInt32 = 0
        var count = 0
        for byte in s.utf8 where byte != 0x20 && byte != 0x09 {
            guard (0x30...0x39).contains(byte), count < 4 else { return nil }
            digits = digits << 8 | UInt32(byte)
            count += 1
        }
        guard count == 4 else { return nil }
        return String(decoding: [UInt8(digits >> 24), UInt8(digits >> 16 & 0xFF), UInt8(digits >> 8 & 0xFF), UInt8(digits & 0xFF)], as: UTF8.self)
    }

    /// A String from part of a buffer (via a contiguous pointer: a Slice took String's slow generic path).
    private static func utf8String(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// Removes the spaces between words in place; returns the new length.
    private static func compactSpaces(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        var out = 0
        for i in 0..<count where buffer[i] != 0x20 {
            buffer[out] = buffer[i]
            out += 1
        }
        return out
    }

    private static func endsWith(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int, _ suffix: [UInt8]) -> Bool {
        guard count >= suffix.count else { return false }
        for (i, byte) in suffix.enumerated() where buffer[count - suffix.count + i] != byte { return false }
        return true
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
    /// How many bytes a street-type rewrite can add ("pl" → "plass": 3).
    static let maxSuffixGrowth = streetSuffixRules.map { max(0, $0.replacement.count - $0.suffix.count) }.max() ?? 0

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
