import Foundation

/// Folds names and addresses to lowercase ASCII words separated by single spaces, one Unicode scalar
/// at a time through a precomputed table (no `folding(options:)` per row: see docs/matching.md for the figure).
enum PersonTextFolding {
    /// What one scalar becomes: dropped, a word break, or up to three output bytes.
    static let drop: UInt32 = 0
    static let separator: UInt32 = 0xFFFF_FFFF
    /// Covers ASCII, Latin-1 Supplement and Latin Extended-A/B, where Norwegian and Sami names live.
    static let tableSize = 0x250

    /// Bytes written per input byte at most: a table entry is ≤ 3 bytes for a scalar of ≥ 1 byte, a space
    /// precedes a word, and lowercasing a non-Latin letter at most grows 2 bytes to 3 (U+0130).
    static func capacity(for text: String) -> Int { text.utf8.count * 4 + 16 }

    /// Folds `text` into `buffer` (at least `capacity(for:)` bytes); returns the bytes written and whether
    /// the last word was directly followed by '.' (an abbreviation: "Parkv.").
    static func fold(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, lastWordAbbreviated: Bool) {
        var count = 0
        var pendingSpace = false
        var abbreviated = false
        let limit = buffer.count - 4
        for scalar in text.unicodeScalars where count < limit {
            let v = scalar.value
            let entry = v < tableSize ? table[Int(v)] : foreignEntry(scalar)
            if entry == separator {
                if v == 0x2E && count > 0 && !pendingSpace { abbreviated = true }
                if count > 0 { pendingSpace = true }
                continue
            }
            if entry == drop { continue }
            if pendingSpace {
                buffer[count] = 0x20
                count += 1
                pendingSpace = false
            }
            abbreviated = false
            if entry & 0x8000_0000 != 0 {
                // A letter outside the table (rare): keep its lowercase form as UTF-8.
                for byte in String(scalar).lowercased().utf8 where count < limit {
                    buffer[count] = byte
                    count += 1
                }
            } else {
                var packed = entry
                while packed != 0 {
                    buffer[count] = UInt8(truncatingIfNeeded: packed)
                    count += 1
                    packed >>= 8
                }
            }
        }
        return (count, abbreviated)
    }

    /// Runs `body` on the folded bytes of `text` in a temporary (usually stack) buffer; the buffer has
    /// at least `extraCapacity` bytes beyond `count` so a caller may lengthen the text in place.
    static func withFolded<R>(
        _ text: String, extraCapacity: Int = 0,
        _ body: (_ buffer: UnsafeMutableBufferPointer<UInt8>, _ count: Int, _ lastWordAbbreviated: Bool) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity(for: text) + extraCapacity) { buffer in
            let folding = UnsafeMutableBufferPointer(rebasing: buffer[..<(buffer.count - extraCapacity)])
            let (count, abbreviated) = fold(text, into: folding)
            return body(buffer, count, abbreviated)
        }
    }

    /// Scalars above the table: apostrophes and combining accents vanish, letters stay, the rest separate.
    private static func foreignEntry(_ scalar: Unicode.Scalar) -> UInt32 {
        switch scalar.value {
        case 0x2019, 0x2018, 0x02BC, 0x02B9: return drop
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return drop
        default: return properties.isAlphabetic ? 0x8000_0000 : separator
        }
    }

    /// Letters that are spelled out rather than stripped of an accent: the Norwegian æ/ø/å and their
    /// Swedish/German twins ä/ö written the same way, and letters without a decomposition.
    private static let spelled: [Character: String] = [
        "æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "œ": "oe", "ß": "ss", "þ": "th",
        "ð": "d", "đ": "d", "ł": "l", "ŋ": "n", "ŧ": "t", "ĳ": "ij", "ı": "i",
    ]

    static let table: [UInt32] = (0..<tableSize).map { code in
        guard let scalar = Unicode.Scalar(code) else { return separator }
        switch code {
        case 0x30...0x39, 0x61...0x7A: return UInt32(code)
        case 0x41...0x5A: return UInt32(code + 0x20)
        case 0x27, 0x60, 0xB4: return drop  // ' ` ´ inside names: O'Brien = OBrien
        case 0..<0x80, 0x80..<0xC0, 0xD7, 0xF7: return separator
        default: break
        }
        let lower = String(scalar).lowercased()
        if let first = lower.first, let spelledOut = spelled[first] { return pack(spelledOut) }
        // é → e, ü → u: the first scalar of the canonical decomposition, if it is an ASCII letter.
        let base = lower.decomposedStringWithCanonicalMapping.unicodeScalars.first
        if let base, base.isASCII, base.properties.isAlphabetic { return pack(String(base)) }
        return scalar.properties.isAlphabetic ? 0x8000_0000 : separator
    }

    private static func pack(_ ascii: String) -> UInt32 {
        var packed: UInt32 = 0
        for (i, byte) in ascii.utf8.prefix(3).enumerated() { packed |= UInt32(byte) << (8 * UInt32(i)) }
        return packed
    }
}
