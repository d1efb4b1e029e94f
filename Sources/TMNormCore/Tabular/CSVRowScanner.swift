/// What is structurally wrong with a row.
enum CSVRowDefect: Sendable, Equatable {
    /// A quoted field is not closed before the end of the file or within the row limit.
    case unterminatedQuote
    /// Text follows a closing quote in the (1-based) field, e.g. `"abc"def`.
    case textAfterClosingQuote(field: Int)
    /// One physical line is longer than the limit; its bytes were streamed, not buffered.
    case tooLong(limit: Int)

    /// How the defect is reported for a row (a wash's malformed rows, a register import's problems).
    var explanation: String {
        switch self {
        case .unterminatedQuote: "a quoted field is never closed (row ignored up to the end of its line)"
        case .textAfterClosingQuote(let field): "text after the closing quote in field \(field)"
        case .tooLong(let limit): "the line is longer than \(limit) bytes"
        }
    }

    /// The same in Norwegian bokmål.
    var norwegian: String {
        switch self {
        case .unterminatedQuote: "et felt i anførselstegn blir aldri lukket (raden er hoppet over til linjeslutt)"
        case .textAfterClosingQuote(let field): "tekst etter avsluttende anførselstegn i felt \(field)"
        case .tooLong(let limit): "linjen er lengre enn \(limit) byte"
        }
    }
}

/// How a row that was streamed through (not buffered) ended.
enum CSVLineEnding: Sendable, Equatable {
    case none, lf, crlf

    var bytes: [UInt8] {
        switch self {
        case .none: []
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        }
    }
}

/// Splits a byte window into RFC 4180 rows (quoted fields may hold delimiters, quotes as `""` and
/// newlines) and records where each field starts and ends, without copying or decoding anything.
/// A row longer than `maxRowBytes` never grows the buffer: it is reported as a defect (see `next`).
/// A struct with mutating methods, so per-row state needs no dynamic exclusivity checks.
struct CSVRowScanner<Source: ByteSource> {
    var window: ByteWindow<Source>
    let delimiter: UInt8
    let maxRowBytes: Int
    /// Field bounds are kept for the first `fieldCapacity` fields; more are only counted.
    let fieldCapacity: Int

    /// Physical line number (1-based) of the current row's first line.
    var rowLine = 0
    /// Offsets into `window.base`: content is `rowStart..<contentEnd`, line ending `contentEnd..<rowEnd`.
    var rowStart = 0
    var contentEnd = 0
    var rowEnd = 0
    var fieldCount = 0
    var defect: CSVRowDefect?
    /// The row was longer than the buffer; its bytes went to `passThrough` and are gone.
    var streamedThrough = false
    var streamedEnding = CSVLineEnding.none

    var nextLine = 1
    let bounds: FieldBounds
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    let quoted: UnsafeMutablePointer<Bool>
    /// A lone CR held back while streaming, in case the next chunk starts with LF.
    let carriageReturn: UnsafeMutablePointer<UInt8>

    /// Owns the per-field arrays.
    final class FieldBounds {
        let starts: UnsafeMutablePointer<Int>
        let ends: UnsafeMutablePointer<Int>
        let quoted: UnsafeMutablePointer<Bool>
        let carriageReturn: UnsafeMutablePointer<UInt8>

        init(capacity: Int) {
            starts = .allocate(capacity: capacity)
            ends = .allocate(capacity: capacity)
            quoted = .allocate(capacity: capacity)
            carriageReturn = .allocate(capacity: 1)
            carriageReturn.initialize(to: 0x0D)
        }

        deinit {
            starts.deallocate()
            ends.deallocate()
            quoted.deallocate()
            carriageReturn.deallocate()
        }
    }

    init(window: ByteWindow<Source>, delimiter: UInt8, maxRowBytes: Int, fieldCapacity: Int, firstLine: Int = 1) {
        self.window = window
        self.delimiter = delimiter
        self.maxRowBytes = maxRowBytes
        self.fieldCapacity = max(1, fieldCapacity)
        nextLine = firstLine
        bounds = FieldBounds(capacity: self.fieldCapacity)
        starts = bounds.starts
        ends = bounds.ends
        quoted = bounds.quoted
        carriageReturn = bounds.carriageReturn
        precondition(window.capacity >= maxRowBytes + 2 + 4096, "window must hold more than one maximal row")
    }

    /// Line number the next row will start on.
    var upcomingLine: Int { nextLine }

    enum ScanResult {
        case row(end: Int, contentEnd: Int, newlines: Int)
        case needMore
        case overlong
        case unterminatedAtEOF
    }

    /// Advances to the next row; false at the end of input. A row that is one physical line longer than
    /// the limit is handed to `passThrough` piece by piece. A quoted field left open (or spanning more
    /// than the limit) makes only its first physical line the row, and scanning resumes on the next
    /// line, so nothing after a stray quote is swallowed.
    mutating func next(passThrough: (UnsafeRawBufferPointer) throws(ByteIOError) -> Void) throws(ByteIOError) -> Bool {
        defect = nil
        streamedThrough = false
        while true {
            let p = window.start
            if p >= window.end {
                if window.atEOF { return false }
                try window.refill()
                continue
            }
            switch scanFast(from: p) ?? scan(from: p) {
            case .row(let end, let contentEnd, let newlines):
                rowStart = p
                self.contentEnd = contentEnd
                rowEnd = end
                window.start = end
                rowLine = nextLine
                nextLine += 1 + newlines
                return true
            case .needMore:
                // The window holds more than one maximal row, so a full window cannot happen; if it did,
                // treating the row as too long keeps every byte accounted for.
                let grew = try window.refill()
                if !grew && !window.atEOF {
                    fieldCount = 0
                    if !takeFirstPhysicalLine(from: p, defect: .unterminatedQuote) {
                        try streamLongLine(passThrough: passThrough)
                    }
                    return true
                }
            case .overlong:
                fieldCount = 0
                if !takeFirstPhysicalLine(from: p, defect: .unterminatedQuote) {
                    try streamLongLine(passThrough: passThrough)
                }
                return true
            case .unterminatedAtEOF:
                fieldCount = 0
                if !takeFirstPhysicalLine(from: p, defect: .unterminatedQuote) {
                    takeRest(from: p, defect: .unterminatedQuote)
                }
                return true
            }
        }
    }

    /// Like `next`, but never refills the window or streams: nil when the next row needs more input (or
    /// streaming) first, so row offsets of earlier rows stay valid. The washer batches rows with it.
    mutating func nextBuffered() -> Bool? {
        defect = nil
        streamedThrough = false
        let p = window.start
        if p >= window.end { return window.atEOF ? false : nil }
        switch scanFast(from: p) ?? scan(from: p) {
        case .row(let end, let contentEnd, let newlines):
            rowStart = p
            self.contentEnd = contentEnd
            rowEnd = end
            window.start = end
            rowLine = nextLine
            nextLine += 1 + newlines
            return true
        case .needMore:
            return nil
        case .overlong:
            fieldCount = 0
            return takeFirstPhysicalLine(from: p, defect: .unterminatedQuote) ? true : nil
        case .unterminatedAtEOF:
            fieldCount = 0
            if !takeFirstPhysicalLine(from: p, defect: .unterminatedQuote) {
                takeRest(from: p, defect: .unterminatedQuote)
            }
            return true
        }
    }
}
