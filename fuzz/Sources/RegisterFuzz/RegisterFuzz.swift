import Foundation
import FuzzSupport
@testable import TMNormCore

/// The register import, both formats (the CSV with its header, and one number per line), through the
/// importer, the row reader and the snapshot builder.
///
/// Input: one parameter byte (voluntary for plain files; bit 1 puts the CSV header in front), then the
/// file. Properties when the import succeeds:
/// - the counts are consistent with each other and with the snapshot's metadata (a problem per rejected
///   row, at most one per dropped phone or person besides), and at most 1000 of the counted problems are
///   listed, in line order;
/// - the snapshot image parses back to the same metadata;
/// - plain files: every line whose text `PhoneNumber.parse` reads as a mobile or fixed number is in the
///   snapshot (and in its voluntary subset exactly when the import was voluntary).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let parameter = data[0]
    var file: [UInt8] = parameter & 2 != 0 ? Array((RegisterImporter.headerLine + "\n").utf8) : []
    file += UnsafeBufferPointer(start: data + 1, count: size - 1)
    let voluntary = parameter & 1 == 1
    let result: RegisterImportResult
    do {
        result = try RegisterImporter.importRegister(
            from: DataByteSource(file), fileName: "fuzz.txt", obtainedAt: Date(timeIntervalSince1970: 1_780_000_000),
            plainVoluntary: voluntary)
    } catch {
        require(!error.description.isEmpty && !error.norwegian.isEmpty, "empty error text")
        return 0
    }
    let r = result.report
    let m = result.snapshot.metadata
    require(r.numbers == m.numberCount && r.persons == m.personCount, "report and metadata counts differ")
    require(r.voluntaryNumbers == m.voluntaryNumberCount && r.voluntaryPersons == m.voluntaryPersonCount, "voluntary counts differ")
    require(m.voluntaryNumberCount <= m.numberCount && m.voluntaryPersonCount <= m.personCount, "voluntary subset larger than the whole")
    require(r.telephoneReservations + r.skippedNotTelephone <= r.rows, "telephone + skipped > rows")
    require(r.rejectedRows <= r.rows, "rejected > rows")
    require(r.problems.count == min(r.problemCount, RegisterImporter.maxListedProblems), "problems listed \(r.problems.count) of \(r.problemCount)")
    // One problem per rejected row (a row rejected for its phones lists them in that one problem), one per
    // dropped part of a kept row.
    require(r.problemCount >= r.rejectedRows, "problems fewer than rejected rows")
    require(r.problemCount <= r.rejectedRows + r.rejectedPhones + r.rowsWithoutPerson, "more problems than rejections")
    require(zip(r.problems, r.problems.dropFirst()).allSatisfy { $0.line <= $1.line }, "problems out of line order")
    require(r.problems.allSatisfy { $0.line >= 1 && !$0.reason.isEmpty }, "problem without line or reason")
    require(r.sourceSHA256.utf8.count == 64, "SHA-256 \(r.sourceSHA256)")
    switch r.format {
    case .plain:
        require(m.numberCount <= r.telephoneReservations && m.personCount == 0, "plain file: more numbers than lines")
        require(m.voluntaryNumberCount == (voluntary ? m.numberCount : 0), "plain file: voluntary subset")
    case .csv:
        require(parameter & 2 != 0 || file.count >= RegisterImporter.headerLine.utf8.count, "CSV without a header")
        require(m.numberCount + m.personCount <= 1 + file.count / 2, "more entries than the file can hold")
    }
    let reparsed = try? RegisterSnapshot(image: result.snapshot.image)
    require(reparsed?.metadata == m, "the snapshot image does not parse back")

    if r.format == .plain && r.encoding != .windows1252 {
        var body = file[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard !line.contains(0x22), !line.contains(0x00) else { continue }  // quotes and NULs change the field
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            guard let number = PhoneNumber.parse(text).number, number.kind == .mobile || number.kind == .fixed,
                let key = number.eightDigitKey
            else { continue }
            require(result.snapshot.containsNumber(key), "plain line \(show(text)) parses as \(number.e164) but is not in the snapshot")
            require(result.snapshot.containsVoluntaryNumber(key) == voluntary, "voluntary subset for \(number.e164)")
        }
    }
    return 0
}
