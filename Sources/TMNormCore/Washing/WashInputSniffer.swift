/// Recognises a list's delimiter from its header line (encoding and binary formats: `TextEncodingSniffer`).
enum WashInputSniffer {
    /// The delimiter of the header line starting `text`: the only one of `;`, `,`, tab used outside quotes
    /// (`;` when the header has a single column).
    static func delimiter(ofHeaderIn text: UnsafeRawBufferPointer, maxRowBytes: Int, isWholeInput: Bool) throws(WashError) -> UInt8 {
        var counts: [UInt8: Int] = [0x3B: 0, 0x2C: 0, 0x09: 0]
        var inQuotes = false
        var sawLineEnd = false
        for byte in text.prefix(maxRowBytes + 1) {
            if byte == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 0x0A {
                    sawLineEnd = true
                    break
                }
                if counts[byte] != nil { counts[byte, default: 0] += 1 }
            }
        }
        if !sawLineEnd {
            if inQuotes { throw .malformedHeader("a quote in the header row is never closed") }
            if text.count > maxRowBytes { throw .malformedHeader("it is longer than \(maxRowBytes) bytes") }
            if !isWholeInput { throw .malformedHeader("it is longer than \(maxRowBytes) bytes") }
        }
        let used = counts.filter { $0.value > 0 }.keys.sorted()
        switch used.count {
        case 0: return 0x3B
        case 1: return used[0]
        default: throw .mixedDelimiters(used.map(Self.name(ofDelimiter:)))
        }
    }

    /// How a delimiter is shown to people.
    static func name(ofDelimiter byte: UInt8) -> String {
        switch byte {
        case 0x09: "tab"
        case 0x2C: "','"
        case 0x3B: "';'"
        default: "'\(Character(Unicode.Scalar(byte)))'"
        }
    }
}
