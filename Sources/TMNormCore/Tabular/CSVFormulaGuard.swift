/// Neutralises spreadsheet formulas in CSV meant for people (OWASP "CSV injection"): a cell that begins with
/// `=`, `+`, `-`, `@` (or a tab, when the delimiter is not a tab) gets a leading `'`, so Excel and LibreOffice
/// show it as text instead of running it. Quoted cells keep their quotes; the `'` goes inside them.
/// Streaming: feed any chunks in order. Works on bytes, so it never splits or reorders UTF-8.
public struct CSVFormulaGuard: Sendable {
    public let delimiter: UInt8
    private var atCellStart = true
    private var inQuotes = false
    /// Just after the opening quote of a quoted cell: the next byte is the cell's first character.
    private var quoteJustOpened = false
    /// Inside quotes, a quote was seen: either the first of an escaped pair or the closing quote.
    private var pendingQuote = false

    private static let quote = UInt8(ascii: "\"")
    private static let apostrophe = UInt8(ascii: "'")

    public init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// The delimiter of a CSV's first line: the most frequent of `;`, `,` and tab outside quotes (`,` if none).
    public static func sniffDelimiter(_ firstBytes: some Sequence<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in firstBytes {
            if byte == quote { quoted.toggle(); continue }
            if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value == b.value ? a.key > b.key : a.value < b.value }
        return (best?.value ?? 0) > 0 ? best?.key ?? UInt8(ascii: ",") : UInt8(ascii: ",")
    }

    private func isDangerous(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"): true
        case UInt8(ascii: "\t"): delimiter != UInt8(ascii: "\t")
        default: false
        }
    }

    /// Appends `bytes`, neutralised, to `out`.
    public mutating func feed(_ bytes: some Sequence<UInt8>, into out: inout [UInt8]) {
        for byte in bytes {
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if byte == Self.quote {
                        out.append(byte)
                        continue
                    }
                    inQuotes = false
                    // The quote closed the cell's quoted part; this byte is outside quotes.
                } else if quoteJustOpened {
                    quoteJustOpened = false
                    if byte == Self.quote {
                        out.append(byte)
                        pendingQuote = true
                        continue
                    }
                    if isDangerous(byte) { out.append(Self.apostrophe) }
                    out.append(byte)
                    continue
                } else {
                    out.append(byte)
                    if byte == Self.quote { pendingQuote = true }
                    continue
                }
            }
            if byte == delimiter || byte == UInt8(ascii: "\n") {
                atCellStart = true
                out.append(byte)
                continue
            }
            if atCellStart {
                atCellStart = false
                if byte == Self.quote {
                    inQuotes = true
                    quoteJustOpened = true
                    out.append(byte)
                    continue
                }
                if isDangerous(byte) { out.append(Self.apostrophe) }
            }
            out.append(byte)
        }
    }

    /// A whole text at once.
    public static func neutralise(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var guardian = CSVFormulaGuard(delimiter: sniffDelimiter(bytes))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        guardian.feed(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
