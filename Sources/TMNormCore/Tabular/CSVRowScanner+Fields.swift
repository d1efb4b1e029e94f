/// Reading the current row and its fields.
extension CSVRowScanner {
    /// Raw bounds of field `k` (0-based, k < min(fieldCount, fieldCapacity)), quotes included.
    @inline(__always)
    func rawField(_ k: Int) -> (start: Int, end: Int, quoted: Bool) { (starts[k], ends[k], quoted[k]) }

    /// The value of field `k`: quotes removed and `""` unescaped (into `scratch` only when needed).
    func withFieldValue<R>(_ k: Int, scratch: inout [UInt8], _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let (s, e, isQuoted) = rawField(k)
        guard isQuoted, e - s >= 2 else { return body(UnsafeRawBufferPointer(start: window.base + s, count: e - s)) }
        let inner = UnsafeRawBufferPointer(start: window.base + s + 1, count: e - s - 2)
        guard inner.contains(0x22) else { return body(inner) }
        scratch.removeAll(keepingCapacity: true)
        var skipNext = false
        for byte in inner {
            if skipNext {
                skipNext = false
                continue
            }
            scratch.append(byte)
            if byte == 0x22 { skipNext = true }
        }
        return scratch.withUnsafeBytes(body)
    }

    /// Field `k` without its quotes, straight from the window; nil when it holds an escaped quote (`""`),
    /// which only `withFieldValue` unescapes. An index below 0 gives an empty buffer (an absent column).
    @inline(__always)
    func unescapedFieldBytes(_ k: Int) -> UnsafeRawBufferPointer? {
        guard k >= 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let (s, e, isQuoted) = rawField(k)
        guard isQuoted, e - s >= 2 else { return UnsafeRawBufferPointer(start: window.base + s, count: e - s) }
        let inner = UnsafeRawBufferPointer(start: window.base + s + 1, count: e - s - 2)
        return inner.contains(0x22) ? nil : inner
    }

    /// True when the row holds nothing but delimiters, spaces, tabs and quotes (an empty line, or the
    /// ";;;;" spreadsheets write for an empty row).
    var contentIsBlank: Bool {
        guard !streamedThrough else { return false }
        for byte in content where byte != delimiter && byte != 0x20 && byte != 0x09 && byte != 0x22 { return false }
        return true
    }

    /// The row's content (without line ending); empty for streamed rows.
    var content: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: window.base + rowStart, count: contentEnd - rowStart) }
    /// The row's bytes including its line ending.
    var wholeRow: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: window.base + rowStart, count: rowEnd - rowStart) }
    /// The row's line ending bytes.
    var lineEnding: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: window.base + contentEnd, count: rowEnd - contentEnd) }
}
