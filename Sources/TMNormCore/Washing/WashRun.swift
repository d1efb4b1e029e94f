import Foundation

/// One pass over one list. Works on raw bytes throughout; see `WashPhoneClassifier` for why.
final class WashRun<Source: WashByteSource> {
    let washer: Washer
    let window: WashByteWindow<Source>
    private var counts = [Int](repeating: 0, count: WashReason.allCases.count)
    private var callableRows = 0
    private var exempted = 0
    private var malformed: [WashMalformedRow] = []
    private var scratch: [UInt8] = []
    /// Numbers seen so far (10^8 bits, 12.5 MB): exact duplicate detection in bounded memory.
    private let seen: UnsafeMutablePointer<UInt64>

    init(washer: Washer, source: Source) {
        self.washer = washer
        window = WashByteWindow(source: source, capacity: washer.policy.maxRowBytes + 1 + (1 << 20) + 8192)
        seen = .allocate(capacity: RegisterSnapshotLayout.bitsetWords)
        seen.initialize(repeating: 0, count: RegisterSnapshotLayout.bitsetWords)
    }

    deinit { seen.deallocate() }

    func run<C: WashByteSink, R: WashByteSink>(
        callable: inout C, rejected: inout R, progress: (WashProgress) -> Void
    ) throws(WashError) -> WashSummary {
        do { try window.fillCompletely() } catch { throw .io(error) }
        let (encoding, bomLength) = try WashInputSniffer.encoding(of: window.unconsumed, isWholeInput: window.atEOF)
        let maxRow = washer.policy.maxRowBytes
        let delimiter = try WashInputSniffer.delimiter(
            ofHeaderIn: UnsafeRawBufferPointer(rebasing: window.unconsumed[bomLength...]), maxRowBytes: maxRow,
            isWholeInput: window.atEOF)
        let scanner = CSVRowScanner(window: window, delimiter: delimiter, maxRowBytes: maxRow, fieldCapacity: 4096)
        do {
            if bomLength > 0 {
                let bom = UnsafeRawBufferPointer(rebasing: window.unconsumed[0..<bomLength])
                try callable.write(bom)
                try rejected.write(bom)
                window.start += bomLength
            }
            guard try scanner.next(passThrough: { _ in }), scanner.defect == nil else {
                throw WashError.malformedHeader(scanner.defect.map(RegisterRowReader.describe) ?? "there is no header row")
            }
            guard scanner.fieldCount <= scanner.fieldCapacity else {
                throw WashError.malformedHeader("\(scanner.fieldCount) columns; at most \(scanner.fieldCapacity) are supported")
            }
            let header = (0..<scanner.fieldCount).map { k in
                scanner.withFieldValue(k, scratch: &scratch) { WashTextDecoder.decode($0, as: encoding) }
                    .trimmingCharacters(in: .whitespaces)
            }
            let layout = try WashColumnLayout.detect(header: header, selector: washer.policy.phoneColumn)
            try callable.write(scanner.wholeRow)
            try rejected.write(scanner.content)
            let reasonName = header.contains { $0.lowercased() == "reason" } ? "wash_reason" : "reason"
            try rejected.write(bytes: [delimiter] + Array(reasonName.utf8))
            try rejected.write(scanner.lineEnding)
            let person = WashPersonColumns(layout: layout, encoding: encoding)
            try washRows(scanner, header: header, person: person, encoding: encoding, callable: &callable, rejected: &rejected, progress: progress)
            try callable.flush()
            try rejected.flush()
            return summary(header: header, layout: layout, encoding: encoding, delimiter: delimiter)
        } catch let error as WashError {
            throw error
        } catch let error as WashIOError {
            throw .io(error)
        } catch {
            throw .io(WashIOError(target: "list", detail: "\(error)"))
        }
    }

    private func washRows<C: WashByteSink, R: WashByteSink>(
        _ scanner: CSVRowScanner<Source>, header: [String], person: WashPersonColumns, encoding: WashTextEncoding,
        callable: inout C, rejected: inout R, progress: (WashProgress) -> Void
    ) throws(WashIOError) {
        let fieldsExpected = header.count
        let phoneField = person.layout.phone
        let voluntary = washer.policy.isVoluntaryOrganisation
        let suffixes = WashReason.allCases.map { [scanner.delimiter] + Array($0.code.utf8) }
        let classifier = washer.classifier
        let seen = self.seen
        var lastProgress = 0
        try washer.register.withLookup { (lookup) throws(WashIOError) in
            let personsUsed = person.isComplete && (!washer.blockedPersons.isEmpty || lookup.hasPersons(voluntary: voluntary))
            while try scanner.next(passThrough: { bytes throws(WashIOError) in try rejected.write(bytes) }) {
                if window.bytesRead != lastProgress {
                    lastProgress = window.bytesRead
                    progress(WashProgress(bytesRead: lastProgress, totalBytes: window.source.expectedByteCount, rows: callableRows + counts.reduce(0, +)))
                }
                var reason: WashReason?
                if let defect = scanner.defect {
                    reason = .malformedRow
                    noteMalformed(line: scanner.rowLine, RegisterRowReader.describe(defect))
                } else if scanner.contentIsBlank {
                    reason = .blankRow
                } else if scanner.fieldCount != fieldsExpected {
                    reason = .malformedRow
                    noteMalformed(line: scanner.rowLine, "\(scanner.fieldCount) fields, the header has \(fieldsExpected)")
                } else {
                    let verdict = scanner.withFieldValue(phoneField, scratch: &scratch) { classifier.verdict($0, encoding: encoding) }
                    switch verdict {
                    case .rejected(let why):
                        reason = why
                    case .callable(let key):
                        let word = Int(key >> 6)
                        let bit: UInt64 = 1 << UInt64(key & 63)
                        if seen[word] & bit != 0 {
                            reason = .duplicate
                        } else {
                            seen[word] |= bit
                            reason = decide(
                                key: key, scanner: scanner, person: person, personsUsed: personsUsed, lookup: lookup,
                                voluntary: voluntary)
                        }
                    }
                }
                if let reason {
                    counts[reason.ordinal] += 1
                    if !scanner.streamedThrough { try rejected.write(scanner.content) }
                    try rejected.write(bytes: suffixes[reason.ordinal])
                    if scanner.streamedThrough {
                        try rejected.write(bytes: scanner.streamedEnding.bytes)
                    } else {
                        try rejected.write(scanner.lineEnding)
                    }
                } else {
                    callableRows += 1
                    try callable.write(scanner.wholeRow)
                }
            }
        }
    }

    /// Block lists, then the register unless an exemption covers the row (exemptions never lift a block).
    @inline(__always)
    private func decide(
        key: UInt32, scanner: CSVRowScanner<Source>, person: WashPersonColumns, personsUsed: Bool, lookup: RegisterLookup,
        voluntary: Bool
    ) -> WashReason? {
        var personKey: UInt64? = nil
        if personsUsed { personKey = person.key(scanner, scratch: &scratch) }
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
        var exempt = washer.exemptNumbers.contains(key)
        if !exempt && person.isComplete && !washer.exemptPersons.isEmpty {
            if !personsUsed { personKey = person.key(scanner, scratch: &scratch) }
            exempt = personKey.map { washer.exemptPersons.contains($0) } ?? false
        }
        guard exempt else { return hit }
        exempted += 1
        return nil
    }

    private func noteMalformed(line: Int, _ detail: String) {
        if malformed.count < Washer.maxListedMalformedRows { malformed.append(WashMalformedRow(line: line, detail: detail)) }
    }

    private func summary(header: [String], layout: WashColumnLayout, encoding: WashTextEncoding, delimiter: UInt8) -> WashSummary {
        let rejected = counts.reduce(0, +)
        var byReason: [String: Int] = [:]
        for reason in WashReason.allCases where counts[reason.ordinal] > 0 { byReason[reason.code] = counts[reason.ordinal] }
        let meta = washer.register.metadata
        var versions: [String: String] = [:]
        for list in washer.policy.blockLists { versions[list.owner] = list.version }
        return WashSummary(
            rows: callableRows + rejected, callable: callableRows, rejected: rejected, byReason: byReason,
            exempted: exempted, malformedRows: malformed, listSHA256: window.source.finishSHA256(),
            listBytes: window.bytesRead, encoding: encoding, delimiter: WashInputSniffer.name(ofDelimiter: delimiter),
            phoneColumn: header[layout.phone], phoneColumnPosition: layout.phone + 1,
            personMatching: layout.missingPersonRoles.isEmpty,
            missingPersonColumns: layout.missingPersonRoles.map(\.rawValue),
            voluntaryOrganisation: washer.policy.isVoluntaryOrganisation,
            register: WashRegisterReference(id: meta.id, sha256: meta.sourceSHA256, obtainedAt: meta.obtainedAt),
            blockListVersions: versions)
    }
}

extension WashReason {
    /// Position in `allCases` (array index for per-reason counters).
    var ordinal: Int {
        switch self {
        case .blankRow: 0
        case .malformedRow: 1
        case .missingPhone: 2
        case .invalidNumber: 3
        case .foreignNumber: 4
        case .specialNumber: 5
        case .duplicate: 6
        case .internalBlockList: 7
        case .reservedPhone: 8
        case .reservedPerson: 9
        }
    }
}

extension WashByteSink {
    /// Writes an array's bytes.
    mutating func write(bytes: [UInt8]) throws(WashIOError) {
        let result: WashIOError? = bytes.withUnsafeBytes { raw in
            do throws(WashIOError) { try write(raw) } catch { return error }
            return nil
        }
        if let result { throw result }
    }
}
