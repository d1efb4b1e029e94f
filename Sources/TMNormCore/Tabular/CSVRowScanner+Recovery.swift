/// Rows that do not fit: broken quotes and lines longer than the limit.
extension CSVRowScanner {
    /// Offset in the window of the first line feed among `count` bytes from `p`. The standard library's
    /// search instead of C's `memchr`, so Core needs no C library (tools/check-core-purity.sh); it runs only
    /// for defective rows, never for the ordinary ones `scanFast` takes.
    @inline(__always)
    func lineFeed(from p: Int, count: Int) -> Int? {
        UnsafeRawBufferPointer(start: window.base + p, count: count).firstIndex(of: 0x0A).map { p + $0 }
    }

    /// Makes the physical line at `p` the (defective) row when its line break lies within the limit.
    mutating func takeFirstPhysicalLine(from p: Int, defect: CSVRowDefect) -> Bool {
        let searchEnd = min(window.end, p + maxRowBytes + 1)
        guard let q = lineFeed(from: p, count: searchEnd - p) else { return false }
        rowStart = p
        contentEnd = q > p && window.base[q - 1] == 0x0D ? q - 1 : q
        rowEnd = q + 1
        window.start = rowEnd
        rowLine = nextLine
        nextLine += 1
        self.defect = defect
        return true
    }

    /// Makes everything left (already in the window, end of input) the defective row.
    mutating func takeRest(from p: Int, defect: CSVRowDefect) {
        let end = window.end
        rowStart = p
        contentEnd = end > p && window.base[end - 1] == 0x0D ? end - 1 : end
        rowEnd = end
        window.start = end
        rowLine = nextLine
        nextLine += 1
        self.defect = defect
    }

    /// Streams a physical line longer than the limit to `passThrough`, up to its line break.
    mutating func streamLongLine(passThrough: (UnsafeRawBufferPointer) throws(ByteIOError) -> Void) throws(ByteIOError) {
        rowLine = nextLine
        nextLine += 1
        streamedThrough = true
        defect = .tooLong(limit: maxRowBytes)
        rowStart = window.start
        contentEnd = window.start
        rowEnd = window.start
        var heldCR = false
        while true {
            let p = window.start
            let count = window.end - p
            if count == 0 {
                var more = false
                if !window.atEOF { more = try window.refill() }
                if !more {
                    if heldCR { try passThrough(UnsafeRawBufferPointer(start: carriageReturn, count: 1)) }
                    streamedEnding = .none
                    return
                }
                continue
            }
            if let q = lineFeed(from: p, count: count) {
                if q == p {
                    streamedEnding = heldCR ? .crlf : .lf
                } else {
                    if heldCR { try passThrough(UnsafeRawBufferPointer(start: carriageReturn, count: 1)) }
                    let crlf = window.base[q - 1] == 0x0D
                    try passThrough(UnsafeRawBufferPointer(start: window.base + p, count: (crlf ? q - 1 : q) - p))
                    streamedEnding = crlf ? .crlf : .lf
                }
                window.start = q + 1
                rowStart = window.start
                contentEnd = window.start
                rowEnd = window.start
                return
            }
            if heldCR { try passThrough(UnsafeRawBufferPointer(start: carriageReturn, count: 1)) }
            heldCR = window.base[window.end - 1] == 0x0D
            try passThrough(UnsafeRawBufferPointer(start: window.base + p, count: count - (heldCR ? 1 : 0)))
            window.start = window.end
        }
    }
}
