import Foundation

/// Counters of one wash.
struct WashTally {
    var counts = [Int](repeating: 0, count: WashReason.allCases.count)
    var callable = 0
    var exempted = 0
    var malformed: [WashMalformedRow] = []

    var rejected: Int { counts.reduce(0, +) }

    mutating func noteMalformed(line: Int, _ detail: String) {
        if malformed.count < Washer.maxListedMalformedRows { malformed.append(WashMalformedRow(line: line, detail: detail)) }
    }
}

/// 10^8 bits of zeroed memory (12.5 MB): the numbers seen so far, for exact duplicate detection in
/// bounded memory whatever the list size.
final class WashSeenNumbers {
    private let memory: any ZeroedMemory
    let words: UnsafeMutablePointer<UInt64>

    init(allocator: any ZeroedMemoryAllocator) {
        memory = allocator.zeroedMemory(byteCount: RegisterSnapshotLayout.bitsetBytes)
        words = memory.base.bindMemory(to: UInt64.self, capacity: RegisterSnapshotLayout.bitsetWords)
    }
}

/// One pass over one list. Works on raw bytes throughout; see `PhoneFieldClassifier` for why.
enum WashRun {
    static func run<Source: ByteSource, C: ByteSink, R: ByteSink>(
        washer: Washer, source: Source, callable: inout C, rejected: inout R, progress: (WashProgress) -> Void
    ) throws(WashError) -> (summary: WashSummary, callableKeys: [UInt32]) {
        let maxRow = washer.policy.maxRowBytes
        var window = ByteWindow(source: source, capacity: maxRow + 1 + (256 << 10) + 8192)
        do { try window.fillCompletely() } catch { throw .io(error) }
        let encoding: TextEncoding
        let bomLength: Int
        do {
            (encoding, bomLength) = try TextEncodingSniffer.encoding(of: window.unconsumed, isWholeInput: window.atEOF)
        } catch {
            throw WashError(error)
        }
        let delimiter = try WashInputSniffer.delimiter(
            ofHeaderIn: UnsafeRawBufferPointer(rebasing: window.unconsumed[bomLength...]), maxRowBytes: maxRow,
            isWholeInput: window.atEOF)
        var scanner = CSVRowScanner(window: window, delimiter: delimiter, maxRowBytes: maxRow, fieldCapacity: 4096)
        var scratch: [UInt8] = []
        var tally = WashTally()
        do {
            if bomLength > 0 {
                let bom = UnsafeRawBufferPointer(rebasing: scanner.window.unconsumed[0..<bomLength])
                try callable.write(bom)
                try rejected.write(bom)
                scanner.window.start += bomLength
            }
            guard try scanner.next(passThrough: { _ in }), scanner.defect == nil else {
                throw WashError.malformedHeader(scanner.defect.map(\.explanation) ?? "there is no header row")
            }
            guard scanner.fieldCount <= scanner.fieldCapacity else {
                throw WashError.malformedHeader("\(scanner.fieldCount) columns; at most \(scanner.fieldCapacity) are supported")
            }
            let header = (0..<scanner.fieldCount).map { k in
                scanner.withFieldValue(k, scratch: &scratch) { TextDecoder.decode($0, as: encoding) }
                    .trimmingCharacters(in: .whitespaces)
            }
            let layout = try WashColumnLayout.detect(header: header, selector: washer.policy.phoneColumn)
            try callable.write(scanner.wholeRow)
            try rejected.write(scanner.content)
            let reasonName = header.contains { $0.lowercased() == "reason" } ? "wash_reason" : "reason"
            let textName = washer.policy.reasonLanguage == nil ? [] : [delimiter] + Array("\(reasonName)_text".utf8)
            try rejected.write(bytes: [delimiter] + Array(reasonName.utf8) + textName)
            try rejected.write(scanner.lineEnding)
            let person = WashPersonColumns(layout: layout, encoding: encoding)
            let seen = WashSeenNumbers(allocator: washer.memory)
            var callableKeys: [UInt32] = []
            try washer.register.withLookup { (lookup) throws(ByteIOError) in
                var loop = WashRowLoop(
                    washer: washer, fieldsExpected: header.count, person: person, encoding: encoding, lookup: lookup,
                    seen: seen.words, delimiter: delimiter)
                try loop.run(&scanner, tally: &tally, scratch: &scratch, callable: &callable, rejected: &rejected, progress: progress)
                callableKeys = loop.callableKeys
            }
            try callable.flush()
            try rejected.flush()
            let result = summary(
                washer: washer, tally: tally, header: header, layout: layout, encoding: encoding, delimiter: delimiter,
                sha256: scanner.window.source.finishSHA256(), bytes: scanner.window.bytesRead)
            return (result, callableKeys)
        } catch let error as WashError {
            throw error
        } catch let error as ByteIOError {
            throw .io(error)
        } catch {
            throw .io(ByteIOError(target: "list", detail: "\(error)"))
        }
    }

    private static func summary(
        washer: Washer, tally: WashTally, header: [String], layout: WashColumnLayout, encoding: TextEncoding,
        delimiter: UInt8, sha256: String, bytes: Int
    ) -> WashSummary {
        var byReason: [String: Int] = [:]
        for reason in WashReason.allCases where tally.counts[reason.ordinal] > 0 {
            byReason[reason.code] = tally.counts[reason.ordinal]
        }
        let meta = washer.register.metadata
        var versions: [String: String] = [:]
        for list in washer.policy.blockLists { versions[list.owner] = list.version }
        return WashSummary(
            rows: tally.callable + tally.rejected, callable: tally.callable, rejected: tally.rejected, byReason: byReason,
            exempted: tally.exempted, malformedRows: tally.malformed, listSHA256: sha256, listBytes: bytes,
            encoding: encoding, delimiter: WashInputSniffer.name(ofDelimiter: delimiter),
            phoneColumn: header[layout.phone], phoneColumnPosition: layout.phone + 1,
            personMatching: layout.missingPersonRoles.isEmpty,
            missingPersonColumns: layout.missingPersonRoles.map(\.rawValue),
            voluntaryOrganisation: washer.policy.isVoluntaryOrganisation,
            register: WashRegisterReference(
                id: meta.id, sha256: meta.sourceSHA256, obtainedAt: meta.obtainedAt, obtainedAtBasis: meta.obtainedAtBasis),
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
