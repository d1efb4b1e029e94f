#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rows that do not fit: broken quotes and lines longer than the limit.
extension CSVRowScanner {
    /// Makes the physical line at `p` the (defective) row when its line break lies within the limit.
    mutating func takeFirstPhysicalLine(from p: Int, defect: CSVRowDefect) -> Bool {
        let searchEnd = min(window.end, p + maxRowBytes + 1)
        guard let hit = memchr(window.base + p, 0x0A, searchEnd - p) else { return false }
        let q = p + UnsafeRawPointer(window.base + p).distance(to: UnsafeRawPointer(hit))
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
    mutating func streamLongLine(passThrough: (UnsafeRawBufferPointer) throws(WashIOError) -> Void) throws(WashIOError) {
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
            if let hit = memchr(window.base + p, 0x0A, count) {
                let q = p + UnsafeRawPointer(window.base + p).distance(to: UnsafeRawPointer(hit))
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
