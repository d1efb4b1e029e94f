import Foundation
import Testing

@testable import TMNormCore

@Suite("Washing: bad input")
struct WashMalformedTests {
    @Test("an empty file is an error; a header alone is an empty wash")
    func emptyAndHeaderOnly() throws {
        #expect(WashFixture.washError(bytes: []) == .emptyInput)
        #expect(WashFixture.washError(bytes: [0xEF, 0xBB, 0xBF]) == .malformedHeader("there is no header row"))
        let headerOnly = try WashFixture.wash("navn;telefon\n")
        #expect(headerOnly.summary.rows == 0)
        #expect(String(decoding: headerOnly.callable, as: UTF8.self) == "navn;telefon\n")
        #expect(String(decoding: headerOnly.rejected, as: UTF8.self) == "navn;telefon;reason\n")
        let noLineBreak = try WashFixture.wash("telefon")
        #expect(noLineBreak.summary.rows == 0)
    }

    @Test("a stray quote rejects only its own line; the next lines are washed normally")
    func unterminatedQuote() throws {
        let text = "id;navn;telefon\n1;\"Kari;91234567\n2;Ola;41234567\n3;Per;98765432\n"
        let result = try WashFixture.wash(text)
        #expect(result.summary.callable == 2)
        #expect(result.summary.malformedRows.map(\.line) == [2])
        #expect(String(decoding: result.rejected, as: UTF8.self) == "id;navn;telefon;reason\n1;\"Kari;91234567;malformed_row\n")
    }

    @Test("text after a closing quote makes the row malformed")
    func textAfterQuote() throws {
        let result = try WashFixture.wash("navn;telefon\n\"Kari\"x;91234567\n")
        #expect(result.summary.malformedRows == [WashMalformedRow(line: 2, detail: "text after the closing quote in field 1")])
    }

    @Test("a row longer than the limit is rejected as malformed without being buffered, and washing goes on")
    func longRow() throws {
        let long = "x;" + String(repeating: "y", count: 5000) + "\r\n"
        let text = "navn;telefon\n" + long + "Kari;91234567\n"
        let result = try WashFixture.wash(text, policy: WashPolicy(maxRowBytes: 1024))
        #expect(result.summary.callable == 1)
        #expect(result.summary.malformedRows == [WashMalformedRow(line: 2, detail: "the line is longer than 1024 bytes")])
        #expect(
            String(decoding: result.rejected, as: UTF8.self) == "navn;telefon;reason\n" + "x;" + String(repeating: "y", count: 5000)
                + ";malformed_row\r\n")
    }

    @Test("a 100 MB line is rejected with its line number while memory stays bounded")
    func hundredMegabyteLine() throws {
        // given: a generated input that is never held in memory, outputs that are only counted
        let chunk = [UInt8](repeating: 0x78, count: 1 << 20)
        let source = WashGeneratedSource([
            (Array("navn;telefon\nKari;91234567\n".utf8), 1), (chunk, 100), (Array("\nOla;41234567\n".utf8), 1),
        ])
        var callable = WashCountingSink()
        var rejected = WashCountingSink()
        // when
        let summary = try Washer(register: WashFixture.register()).wash(source: source, callable: &callable, rejected: &rejected)
        // then
        #expect(summary.rows == 3)
        #expect(summary.callable == 2)
        #expect(summary.malformedRows.map(\.line) == [3])
        #expect(rejected.count == "navn;telefon;reason\n".utf8.count + 100 << 20 + ";malformed_row\n".utf8.count)
        #expect(String(decoding: rejected.tail.suffix(20), as: UTF8.self) == "xxxxx;malformed_row\n")
        #expect(callable.count == "navn;telefon\nKari;91234567\nOla;41234567\n".utf8.count)
    }

    @Test("a header longer than the limit is an error")
    func longHeader() {
        let bytes = Array(("telefon" + String(repeating: "x", count: 3000) + "\n1\n").utf8)
        #expect(WashFixture.washError(bytes: bytes, policy: WashPolicy(maxRowBytes: 1024)) == .malformedHeader("it is longer than 1024 bytes"))
    }

    @Test("every error has an English and a Norwegian message")
    func messages() {
        let errors: [WashError] = [
            .emptyInput, .binaryInput("x"), .unknownEncoding("UTF-16"), .mixedDelimiters(["';'", "','"]),
            .malformedHeader("x"), .noPhoneColumn(header: ["a"]), .ambiguousPhoneColumn(["a", "b"]),
            .phoneColumnNotFound("x", header: ["a"]), .io(ByteIOError(target: "f", detail: "d")),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.norwegian.isEmpty && error.description != error.norwegian)
        }
    }
}
