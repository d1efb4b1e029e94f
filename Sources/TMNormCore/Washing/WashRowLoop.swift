/// A row of the current batch, classified but not yet decided.
struct WashPendingRow {
    /// Offsets into the window (valid until the window is refilled, i.e. for the whole batch).
    var start: Int
    var contentEnd: Int
    var end: Int
    /// The phone key when `reason` is nil (a callable number, still to be checked).
    var key: UInt32
    var reason: WashReason?
    var personKey: UInt64?
}

/// The hot loop: rows are scanned and classified in batches of up to `batchSize` without refilling the
/// window; the lookups of a whole batch are touched first, then each row is decided in order and copied.
///
/// Why batches: a lookup in the 12.5 MB bitsets misses the caches (the streamed list evicts them);
/// one row at a time the misses queue up — ~0.15 s per million rows on the reference machine — while a
/// batch lets the CPU overlap them.
struct WashRowLoop {
    static let batchSize = 256

    let washer: Washer
    let fieldsExpected: Int
    let person: WashPersonColumns
    let encoding: TextEncoding
    let lookup: RegisterLookup
    let seen: UnsafeMutablePointer<UInt64>
    let voluntary: Bool
    let personsNeeded: Bool
    /// Person keys from the row's bytes, without Strings where the text allows.
    private let personReader: PersonKeyReader
    private let storage: Storage
    private let batch: UnsafeMutablePointer<WashPendingRow>
    private let suffixBytes: UnsafeMutablePointer<UInt8>
    private var suffixRanges: [Range<Int>] = []
    /// Keeps the touched values alive so the loads are not optimised away.
    private var touched: UInt64 = 0
    /// The phone keys of the callable rows, in list order (each once: duplicates are rejected). May-call
    /// answers "allowed" only for these (docs/domain.md, "may call").
    var callableKeys: [UInt32] = []
    /// Consecutive callable rows are contiguous in the window: copied with one write.
    private var runStart = 0
    private var runEnd = 0

    /// Owns the batch and the `;reason;"reason text"` suffixes.
    final class Storage {
        let batch = UnsafeMutablePointer<WashPendingRow>.allocate(capacity: WashRowLoop.batchSize)
        let suffixes: UnsafeMutablePointer<UInt8>
        let ranges: [Range<Int>]

        init(delimiter: UInt8, language: WashReasonLanguage?) {
            var bytes: [UInt8] = []
            var ranges: [Range<Int>] = []
            for reason in WashReason.allCases {
                let start = bytes.count
                bytes.append(delimiter)
                bytes.append(contentsOf: reason.code.utf8)
                if let language {
                    // The words in quotes: they may hold the delimiter (a comma), never a quote.
                    bytes.append(delimiter)
                    bytes.append(0x22)
                    bytes.append(contentsOf: reason.text(language).utf8.filter { $0 != 0x22 })
                    bytes.append(0x22)
                }
                ranges.append(start..<bytes.count)
            }
            suffixes = .allocate(capacity: bytes.count)
            suffixes.initialize(from: bytes, count: bytes.count)
            self.ranges = ranges
        }

        deinit {
            batch.deallocate()
            suffixes.deallocate()
        }
    }

    init(
        washer: Washer, fieldsExpected: Int, person: WashPersonColumns, encoding: TextEncoding, lookup: RegisterLookup,
        seen: UnsafeMutablePointer<UInt64>, delimiter: UInt8
    ) {
        self.washer = washer
        self.fieldsExpected = fieldsExpected
        self.person = person
        self.encoding = encoding
        self.lookup = lookup
        self.seen = seen
        voluntary = washer.policy.isVoluntaryOrganisation
        storage = Storage(delimiter: delimiter, language: washer.policy.reasonLanguage)
        batch = storage.batch
        suffixBytes = storage.suffixes
        suffixRanges = storage.ranges
        personReader = PersonKeyReader(encoding: encoding)
        // Person keys cost a normalisation and a SHA-256 per row: only when something can match them.
        personsNeeded =
            person.isComplete
            && (!washer.blockedPersons.isEmpty || !washer.exemptPersons.isEmpty
                || lookup.hasPersons(voluntary: washer.policy.isVoluntaryOrganisation))
    }

    mutating func run<Source: ByteSource, C: ByteSink, R: ByteSink>(
        _ scanner: inout CSVRowScanner<Source>, tally: inout WashTally, scratch: inout [UInt8], callable: inout C,
        rejected: inout R, progress: (WashProgress) -> Void
    ) throws(ByteIOError) {
        let total = scanner.window.source.expectedByteCount
        var lastProgress = 0
        while true {
            if scanner.window.bytesRead != lastProgress {
                lastProgress = scanner.window.bytesRead
                progress(WashProgress(bytesRead: lastProgress, totalBytes: total, rows: tally.callable + tally.rejected))
            }
            var count = 0
            var atEnd = false
            while count < Self.batchSize {
                guard let more = scanner.nextBuffered() else { break }
                guard more else {
                    atEnd = true
                    break
                }
                batch[count] = classify(scanner, tally: &tally, scratch: &scratch)
                count += 1
            }
            for i in 0..<count where batch[i].reason == nil {
                let row = batch[i]
                touched &+= seen[Int(row.key >> 6)] &+ lookup.touch(number: row.key, person: row.personKey, voluntary: voluntary)
            }
            let base = UnsafeRawPointer(scanner.window.base)
            for i in 0..<count {
                try emit(batch[i], base: base, tally: &tally, callable: &callable, rejected: &rejected)
            }
            try flushRun(base: base, callable: &callable)
            if atEnd { return }
            if count == Self.batchSize { continue }
            // The next row needs a refill (or is a line too long to buffer): take it the careful way.
            guard try scanner.next(passThrough: { bytes throws(ByteIOError) in try rejected.write(bytes) }) else { return }
            let row = classify(scanner, tally: &tally, scratch: &scratch)
            if scanner.streamedThrough {
                tally.counts[WashReason.malformedRow.ordinal] += 1
                try rejected.write(suffix(.malformedRow))
                try rejected.write(bytes: scanner.streamedEnding.bytes)
            } else {
                let base = UnsafeRawPointer(scanner.window.base)
                try emit(row, base: base, tally: &tally, callable: &callable, rejected: &rejected)
                try flushRun(base: base, callable: &callable)
            }
        }
    }

    /// Everything about a row that needs no lookup: structure, phone field, person key.
    @inline(__always)
    private func classify<Source>(_ scanner: CSVRowScanner<Source>, tally: inout WashTally, scratch: inout [UInt8]) -> WashPendingRow {
        var row = WashPendingRow(
            start: scanner.rowStart, contentEnd: scanner.contentEnd, end: scanner.rowEnd, key: 0, reason: nil, personKey: nil)
        if let defect = scanner.defect {
            row.reason = .malformedRow
            tally.noteMalformed(line: scanner.rowLine, defect.explanation)
        } else if scanner.fieldCount != fieldsExpected {
            if scanner.contentIsBlank {
                row.reason = .blankRow
            } else {
                row.reason = .malformedRow
                tally.noteMalformed(line: scanner.rowLine, "\(scanner.fieldCount) fields, the header has \(fieldsExpected)")
            }
        } else {
            let phone = person.layout.phone
            let field = scanner.rawField(phone)
            let verdict: PhoneFieldVerdict
            if field.quoted {
                let classifier = washer.classifier
                let encoding = self.encoding
                verdict = scanner.withFieldValue(phone, scratch: &scratch) { classifier.verdict($0, encoding: encoding) }
            } else {
                verdict = washer.classifier.verdict(
                    UnsafeRawBufferPointer(start: scanner.window.base + field.start, count: field.end - field.start),
                    encoding: encoding)
            }
            switch verdict {
            case .callable(let key):
                row.key = key
                if personsNeeded { row.personKey = person.key(scanner, reader: personReader, scratch: &scratch) }
            case .missing: row.reason = scanner.contentIsBlank ? .blankRow : .missingPhone
            case .invalid: row.reason = .invalidNumber
            case .foreign: row.reason = .foreignNumber
            case .special: row.reason = .specialNumber
            }
        }
        return row
    }

    /// Decides a classified row in list order and copies it to its output.
    @inline(__always)
    private mutating func emit<C: ByteSink, R: ByteSink>(
        _ row: WashPendingRow, base: UnsafeRawPointer, tally: inout WashTally, callable: inout C, rejected: inout R
    ) throws(ByteIOError) {
        var reason = row.reason
        if reason == nil {
            let word = Int(row.key >> 6)
            let bit: UInt64 = 1 << UInt64(row.key & 63)
            if seen[word] & bit != 0 {
                reason = .duplicate
            } else {
                seen[word] |= bit
                reason = decide(key: row.key, personKey: row.personKey, tally: &tally)
            }
        }
        if let reason {
            tally.counts[reason.ordinal] += 1
            try rejected.write(UnsafeRawBufferPointer(start: base + row.start, count: row.contentEnd - row.start))
            try rejected.write(suffix(reason))
            try rejected.write(UnsafeRawBufferPointer(start: base + row.contentEnd, count: row.end - row.contentEnd))
        } else {
            tally.callable += 1
            callableKeys.append(row.key)
            if row.start != runEnd || runStart == runEnd {
                try flushRun(base: base, callable: &callable)
                runStart = row.start
            }
            runEnd = row.end
        }
    }

    /// Writes the pending run of callable rows.
    @inline(__always)
    private mutating func flushRun<C: ByteSink>(base: UnsafeRawPointer, callable: inout C) throws(ByteIOError) {
        if runEnd > runStart { try callable.write(UnsafeRawBufferPointer(start: base + runStart, count: runEnd - runStart)) }
        runStart = 0
        runEnd = 0
    }

    /// `;reason_code;"reason text"` in the list's delimiter.
    @inline(__always)
    private func suffix(_ reason: WashReason) -> UnsafeRawBufferPointer {
        let range = suffixRanges[reason.ordinal]
        return UnsafeRawBufferPointer(start: suffixBytes + range.lowerBound, count: range.count)
    }

    /// Block lists, then the register unless an exemption covers the row (exemptions never lift a block).
    @inline(__always)
    private func decide(key: UInt32, personKey: UInt64?, tally: inout WashTally) -> WashReason? {
        if washer.blockedNumbers.contains(key) { return .internalBlockList }
        if let personKey, washer.blockedPersons.contains(personKey) { return .internalBlockList }
        let hit: WashReason
        if lookup.containsNumber(key, voluntary: voluntary) {
            hit = .reservedPhone
        } else if let personKey, lookup.containsPerson(personKey, voluntary: voluntary) {
            hit = .reservedPerson
        } else {
            return nil
        }
        let exempt = washer.exemptNumbers.contains(key) || personKey.map { washer.exemptPersons.contains($0) } == true
        guard exempt else { return hit }
        tally.exempted += 1
        return nil
    }
}
