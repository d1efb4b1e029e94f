import Foundation
import Testing

@testable import TMNormCore

/// Quotes in a plain register file (found by fuzz/run register): a quote opened on one line and closed
/// on a later one used to make those lines one quoted field, and the reservations between were dropped.
@Suite("Register import: quotes in a plain file")
struct RegisterPlainQuoteTests {
    static func importText(_ text: String) throws -> RegisterImportResult {
        try RegisterImporter.importRegister(
            from: DataByteSource(Array(text.utf8)), fileName: "plain.txt", obtainedAt: WashFixture.obtainedAt)
    }

    @Test("the numbers between a stray opening quote and a later closing one are kept")
    func numbersBetweenQuotes() throws {
        let result = try Self.importText("91234567\n\"918001267\n+47 412 34 567\n0047 22 33 44 55\n+4670234567\"\n93456789\n")
        let snapshot = result.snapshot
        #expect(result.report.format == .plain)
        #expect(snapshot.containsNumber(WashFixture.key("91234567")))
        #expect(snapshot.containsNumber(WashFixture.key("41234567")))
        #expect(snapshot.containsNumber(WashFixture.key("22334455")))
        #expect(snapshot.containsNumber(WashFixture.key("93456789")))
        #expect(result.report.numbers == 4)
        #expect(result.report.rows == 6)
        #expect(result.report.telephoneReservations == 6)
        // The 9-digit line and the Swedish number are rejected, each on its own line.
        #expect(result.report.rejectedRows == 2)
        #expect(result.report.problems.map(\.line) == [2, 5])
    }

    @Test("a quoted field with text after its closing quote keeps the lines inside it too")
    func textAfterClosingQuote() throws {
        let result = try Self.importText("91234567\n\"41234567\n22334455\"x\n")
        #expect(result.snapshot.containsNumber(WashFixture.key("41234567")))
        #expect(result.report.rows == 3)
        #expect(result.report.problems.map(\.line) == [3])
    }

    @Test("a whole line in quotes is still one number, and a lone quote line is a rejected row")
    func quotedLines() throws {
        let result = try Self.importText("\"91234567\"\r\n\"\n\"\n41234567\n")
        #expect(result.snapshot.containsNumber(WashFixture.key("91234567")))
        #expect(result.snapshot.containsNumber(WashFixture.key("41234567")))
        #expect(result.report.problems.map(\.line) == [2])
        #expect(result.report.blankLines == 1)
    }
}
