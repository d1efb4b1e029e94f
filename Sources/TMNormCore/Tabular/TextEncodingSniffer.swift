/// Why bytes are not text this code base reads: washing reports it as `WashError`, the register import as
/// `RegisterImportError`, each in its own words.
enum TextInputError: Error, Sendable, Equatable {
    /// There are no bytes.
    case emptyInput
    /// Not text: a NUL byte, many control characters, or a known binary format (the detail says which).
    case binaryInput(String)
    /// Text in an encoding other than UTF-8 or Windows-1252, e.g. UTF-16 (the name).
    case unknownEncoding(String)
}

/// Recognises what the start of a text file is: byte-order mark, encoding, binary formats.
enum TextEncodingSniffer {
    /// Encoding and byte-order-mark length of a text file, from its first bytes (`sample`).
    static func encoding(of sample: UnsafeRawBufferPointer, isWholeInput: Bool) throws(TextInputError) -> (TextEncoding, bomLength: Int) {
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
        let utf8 = UTF8Validation.isValid(text, allowTruncatedEnd: !isWholeInput)
        return (utf8 ? .utf8 : .windows1252, 0)
    }

    /// NUL bytes mean UTF-16 without a byte-order mark or binary data; many other control characters
    /// mean binary data. Text files (lists, register deliveries) never contain either.
    private static func rejectBinary(_ text: UnsafeRawBufferPointer) throws(TextInputError) {
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
}
