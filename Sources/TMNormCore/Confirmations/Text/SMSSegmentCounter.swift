import Foundation

/// How an SMS is encoded on the air.
public enum SMSEncoding: String, Sendable, Codable, Hashable {
    /// GSM 03.38 7-bit default alphabet (plus its extension table): 160 characters, 153 per part.
    case gsm7
    /// UCS-2 (UTF-16): 70 code units, 67 per part.
    case ucs2
}

/// The size of an SMS: encoding, length in encoding units, and the number of segments it is sent as.
public struct SMSSegmentCount: Sendable, Hashable, Codable {
    public let encoding: SMSEncoding
    /// Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2.
    public let units: Int
    public let segments: Int
}

/// Counts SMS segments exactly as a handset does, never splitting an escape pair or a surrogate pair.
public enum SMSSegmentCounter {
    /// GSM 03.38 basic character set (one septet each).
    static let basic: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
    /// GSM 03.38 extension table (escape + character: two septets each).
    static let extended: Set<Character> = Set("^{}\\[~]|€\u{0C}")

    /// Whether every character fits the GSM-7 alphabet.
    public static func isGSM7(_ text: String) -> Bool {
        text.allSatisfy { basic.contains($0) || extended.contains($0) }
    }

    /// Encoding, units and segments of a text (an empty text is still one segment).
    public static func count(_ text: String) -> SMSSegmentCount {
        if isGSM7(text) {
            let sizes = text.map { extended.contains($0) ? 2 : 1 }
            return SMSSegmentCount(encoding: .gsm7, units: sizes.reduce(0, +), segments: segments(sizes, single: 160, part: 153))
        }
        let sizes = text.unicodeScalars.map { $0.utf16.count }
        return SMSSegmentCount(encoding: .ucs2, units: sizes.reduce(0, +), segments: segments(sizes, single: 70, part: 67))
    }

    /// Packs indivisible items (1 or 2 units) into parts of `part` units when they exceed `single`.
    private static func segments(_ sizes: [Int], single: Int, part: Int) -> Int {
        let total = sizes.reduce(0, +)
        guard total > single else { return 1 }
        var parts = 1
        var used = 0
        for size in sizes {
            if used + size > part {
                parts += 1
                used = 0
            }
            used += size
        }
        return parts
    }

    /// Replaces common typographic characters with GSM-7 look-alikes so an SMS is not forced into UCS-2
    /// (which would more than double its segments): quotes, dashes, ellipsis, no-break and narrow spaces,
    /// and accented letters outside GSM-7 without their accents ("ó" → "o"; æ, ø, å, é, ü stay as they are).
    public static func gsmFriendly(_ text: String) -> String {
        var out = ""
        for character in text {
            if basic.contains(character) || extended.contains(character) {
                out.append(character)
                continue
            }
            switch character {
            case "«", "»", "“", "”", "„": out.append("\"")
            case "‘", "’", "‚", "´", "`": out.append("'")
            case "–", "—", "‐", "‑", "−": out.append("-")
            case "…": out.append("...")
            case "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\t": out.append(" ")
            default:
                let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
                out += isGSM7(folded) ? folded : String(character)
            }
        }
        return out
    }
}
