/// Recognises what the start of a list is: byte-order mark, encoding, binary formats, delimiter.
enum WashInputSniffer {
    /// Encoding and byte-order-mark length of a list, from its first bytes (`sample`).
    static func encoding(of sample: UnsafeRawBufferPointer, isWholeInput: Bool) throws(WashError) -> (WashTextEncoding, bomLength: Int) {
        guard !sample.isEmpty else { throw .emptyInput }
        let b = Array(sample.prefix(8))
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { throw .unknownEncoding("UTF-32 (little-endian)") }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { throw .unknownEncoding("UTF-32 (big-endian)") }
        if b.starts(with: [0xFF, 0xFE]) { throw .unknownEncoding("UTF-16 (little-endian)") }
        if b.starts(with: [0xFE, 0xFF]) { throw .unknownEncoding("UTF-16 (big-endian)") }
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .binaryInput("it is a ZIP archive, e.g. an Excel workbook (.xlsx): save it as CSV")
        }
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw .binaryInput("it is an old Excel/Office document (.xls): save it as CSV")
        }
        if b.starts(with: Array("%PDF".utf8)) { throw .binaryInput("it is a PDF document") }
        let bomLength = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text = UnsafeRawBufferPointer(rebasing: sample[bomLength...])
        try rejectBinary(text)
        if bomLength == 3 { return (.utf8WithBOM, 3) }
        let utf8 = WashUTF8Validation.isValid(text, allowTruncatedEnd: !isWholeInput)
        return (utf8 ? .utf8 : .windows1252, 0)
    }

    /// NUL bytes mean UTF-16 without a byte-order mark or binary data; many other control characters
    /// mean binary data. Text lists never contain either.
    private static func rejectBinary(_ text: UnsafeRawBufferPointer) throws(WashError) {
        let probe = text.prefix(64 * 1024)
        var evenNULs = 0
        var oddNULs = 0
        var controls = 0
        for (offset, byte) in probe.enumerated() {
            if byte == 0 {
                if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
            } else if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) || byte == 0x7F {
                controls += 1
            }
        }
        let nuls = evenNULs + oddNULs
        if nuls > 0 {
            let half = probe.count / 2
            if oddNULs * 10 >= half * 8 && evenNULs * 10 < half { throw .unknownEncoding("UTF-16 (little-endian, no byte-order mark)") }
            if evenNULs * 10 >= half * 8 && oddNULs * 10 < half { throw .unknownEncoding("UTF-16 (big-endian, no byte-order mark)") }
            throw .binaryInput("it contains NUL bytes (first at byte \(firstIndex(of: 0, in: probe)))")
        }
        if controls * 100 > probe.count {
            throw .binaryInput("\(controls) of the first \(probe.count) bytes are control characters")
        }
    }

    private static func firstIndex(of value: UInt8, in bytes: Slice<UnsafeRawBufferPointer>) -> Int {
        (bytes.firstIndex(of: value) ?? bytes.startIndex) - bytes.startIndex
    }

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
