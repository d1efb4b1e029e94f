import Foundation

/// The result of importing a register delivery: the new snapshot and what happened.
public struct RegisterImportResult: Sendable {
    public let snapshot: RegisterSnapshot
    public let report: RegisterImportReport
}

/// Reads a register delivery (docs/register-format.md) into a snapshot: streaming with bounded buffers,
/// broken rows reported with their line numbers instead of stopping the import.
public enum RegisterImporter {
    /// The CSV header, in order.
    public static let columns = [
        "reservation_id", "first_name", "last_name", "street", "house_number", "postcode", "city", "phones",
        "telephone", "addressed_mail", "voluntary_orgs",
    ]
    /// `reservation_id;first_name;…;voluntary_orgs`.
    public static var headerLine: String { columns.joined(separator: ";") }
    /// How many problems a report lists (all are counted).
    public static let maxListedProblems = 1000
    /// Rows longer than this are broken (a register row is a few hundred bytes).
    static let maxRowBytes = 64 * 1024

    /// Imports from any byte source (an upload held in memory; a file through TMNormIO's `importFile`).
    public static func importRegister<Source: ByteSource>(
        from source: Source, fileName: String, obtainedAt: Date, plainVoluntary: Bool = true,
        snapshotID: String? = nil, phoneTable: PhoneAllocationTable = .nkom2026, obtainedAtBasis: RegisterDateBasis? = nil
    ) throws(RegisterImportError) -> RegisterImportResult {
        var window = ByteWindow(source: source, capacity: 2 * maxRowBytes + 64 * 1024)
        do { try window.fillCompletely() } catch { throw .io(error) }
        let encoding: TextEncoding
        do {
            let (detected, bom) = try TextEncodingSniffer.encoding(of: window.unconsumed, isWholeInput: window.atEOF)
            encoding = detected
            window.start += bom
        } catch {
            switch error {
            case .emptyInput: throw .emptyFile
            case .unknownEncoding(let name): throw .unknownEncoding(name)
            case .binaryInput(let detail): throw .binaryFile(detail)
            }
        }
        let format = try detectFormat(window.unconsumed, encoding: encoding)
        var reader = RegisterRowReader(
            encoding: encoding, format: format, plainVoluntary: plainVoluntary, phoneTable: phoneTable)
        var scanner = CSVRowScanner(
            window: window, delimiter: format == .csv ? 0x3B : 0x00, maxRowBytes: maxRowBytes,
            fieldCapacity: columns.count + 1)
        do {
            if format == .csv { _ = try scanner.next(passThrough: { _ in }) }  // the header, checked above
            while try scanner.next(passThrough: { _ in }) { reader.read(scanner) }
        } catch {
            throw .io(error)
        }
        let sha256 = scanner.window.source.finishSHA256()
        let snapshot = reader.builder.build(
            id: snapshotID ?? RegisterSnapshotMetadata.defaultID(sourceSHA256: sha256, obtainedAt: obtainedAt),
            sourceFileName: fileName, sourceSHA256: sha256, obtainedAt: obtainedAt, sourceFormat: format,
            obtainedAtBasis: obtainedAtBasis)
        let m = snapshot.metadata
        let report = RegisterImportReport(
            sourceFileName: fileName, sourceSHA256: sha256, format: format, encoding: encoding, rows: reader.rows,
            telephoneReservations: reader.telephoneReservations, skippedNotTelephone: reader.skippedNotTelephone,
            blankLines: reader.blankLines, rejectedRows: reader.rejectedRows, rejectedPhones: reader.rejectedPhones,
            rowsWithoutPerson: reader.rowsWithoutPerson, numbers: m.numberCount, persons: m.personCount,
            voluntaryNumbers: m.voluntaryNumberCount, voluntaryPersons: m.voluntaryPersonCount,
            problems: reader.problems, problemCount: reader.problemCount)
        return RegisterImportResult(snapshot: snapshot, report: report)
    }

    /// CSV when the first line is the documented header; plain when the first non-blank line looks like a
    /// phone number; otherwise not a register file.
    static func detectFormat(_ text: UnsafeRawBufferPointer, encoding: TextEncoding) throws(RegisterImportError) -> RegisterSourceFormat {
        var lines: [String] = []
        var lineStart = 0
        for (i, byte) in text.enumerated() where byte == 0x0A {
            lines.append(TextDecoder.decode(UnsafeRawBufferPointer(rebasing: text[lineStart..<i]), as: encoding))
            lineStart = i + 1
            if lines.count >= 100 { break }
        }
        if lines.count < 100 && lineStart < text.count {
            lines.append(TextDecoder.decode(UnsafeRawBufferPointer(rebasing: text[lineStart...]), as: encoding))
        }
        let trimmed = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let first = trimmed.first else { throw .emptyFile }
        let names = first.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
        }
        if names == columns { return .csv }
        if names.count > 1 {
            throw .notARegisterFile("the header is '\(String(first.prefix(200)))'")
        }
        guard let firstText = trimmed.first(where: { !$0.isEmpty }) else { throw .emptyFile }
        let phoneCharacters = CharacterSet(charactersIn: "0123456789 +-.()\"")
        let digits = firstText.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard digits >= 3, firstText.unicodeScalars.allSatisfy({ phoneCharacters.contains($0) }) else {
            throw .notARegisterFile("the first line is '\(String(firstText.prefix(200)))'")
        }
        return .plain
    }
}

/// `yes`/`no` (also `ja`/`nei`, `true`/`false`, `y`/`n`) for the plain format's voluntary-organisation option.
public enum RegisterVoluntaryOption {
    public static func parse(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "ja", "j", "true", "1", "on": true
        case "no", "n", "nei", "false", "0", "off": false
        default: nil
        }
    }
}
