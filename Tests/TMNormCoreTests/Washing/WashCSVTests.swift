import Foundation
import Testing

@testable import TMNormCore

@Suite("Washing: delimiters, quoting, line endings")
struct WashCSVTests {
    @Test("the delimiter is detected from the header row", arguments: [(";", "';'"), (",", "','"), ("\t", "tab")])
    func delimiter(_ d: String, _ name: String) throws {
        let text = "id\(d)navn\(d)telefon\n1\(d)Kari\(d)91234567\n2\(d)Ola\(d)800 12 345\n"
        let result = try WashFixture.wash(text)
        #expect(result.summary.delimiter == name)
        #expect(result.summary.callable == 1)
        #expect(String(decoding: result.rejected, as: UTF8.self) == "id\(d)navn\(d)telefon\(d)reason\n2\(d)Ola\(d)800 12 345\(d)special_number\n")
    }

    @Test(
        "with a reason language, each rejected row has the reason's words beside its code, quoted, in that language",
        arguments: [(WashReasonLanguage.norwegian, "ikke et gyldig norsk nummer"), (.english, "not a valid Norwegian number")])
    func reasonText(_ language: WashReasonLanguage, _ words: String) throws {
        var policy = WashPolicy()
        policy.reasonLanguage = language
        let result = try WashFixture.wash("navn,telefon\nOla,12\nKari,800 12 345\n", policy: policy)
        let special = WashReason.specialNumber.text(language)
        #expect(
            String(decoding: result.rejected, as: UTF8.self)
                == "navn,telefon,reason,reason_text\nOla,12,invalid_number,\"\(words)\"\nKari,800 12 345,special_number,\"\(special)\"\n")
        #expect(special.contains(","), "the words hold the delimiter, so they must be quoted")
    }

    @Test("a header row mixing delimiters is refused")
    func mixedDelimiters() {
        let error = WashFixture.washError(bytes: Array("navn;adresse,telefon\nKari;Gata 1,91234567\n".utf8))
        #expect(error == .mixedDelimiters(["','", "';'"]))
    }

    @Test("a delimiter inside a quoted header name does not count")
    func quotedHeaderName() throws {
        let result = try WashFixture.wash("\"Navn, fullt\";telefon\n\"Nordmann, Kari\";91234567\n")
        #expect(result.summary.delimiter == "';'")
        #expect(result.summary.callable == 1)
    }

    @Test("quoted fields may hold delimiters, doubled quotes and line breaks; rows stay byte for byte")
    func quoting() throws {
        // given: row 3 spans lines 3–4 inside quotes; the row on line 5 has a broken field count
        let text = #"""
            id;navn;telefon
            1;"Nordmann; Kari ""Kajsa""";"912 34 567"
            2;"Linje én
            linje to";41234567
            3;for;mange;felt
            4;Ola;"+47 98765432"

            """#
        // when
        let result = try WashFixture.wash(text)
        // then
        #expect(result.summary.rows == 4)
        #expect(result.summary.callable == 3)
        #expect(
            String(decoding: result.callable, as: UTF8.self) == #"""
                id;navn;telefon
                1;"Nordmann; Kari ""Kajsa""";"912 34 567"
                2;"Linje én
                linje to";41234567
                4;Ola;"+47 98765432"

                """#)
        #expect(result.summary.malformedRows == [WashMalformedRow(line: 5, detail: "4 fields, the header has 3")])
    }

    @Test("CRLF line endings are kept, and the reason goes before the CRLF")
    func crlf() throws {
        let text = "navn;telefon\r\nKari;91234567\r\nOla;12\r\nPer;41234567"
        let result = try WashFixture.wash(text)
        #expect(String(decoding: result.callable, as: UTF8.self) == "navn;telefon\r\nKari;91234567\r\nPer;41234567")
        #expect(String(decoding: result.rejected, as: UTF8.self) == "navn;telefon;reason\r\nOla;12;invalid_number\r\n")
    }

    @Test("a last row without line break is kept as it is")
    func noFinalLineBreak() throws {
        let result = try WashFixture.wash("telefon\n91234567\n41234567")
        #expect(String(decoding: result.callable, as: UTF8.self) == "telefon\n91234567\n41234567")
    }

    @Test("rows made only of delimiters and blanks are blank rows, not malformed ones")
    func blankRows() throws {
        let result = try WashFixture.wash("navn;telefon\n\n;\n  ;  \nKari;91234567\n")
        #expect(result.summary.count(.blankRow) == 3)
        #expect(result.summary.count(.malformedRow) == 0)
        #expect(result.summary.callable == 1)
    }

    @Test("a header named reason gets the column wash_reason in the rejected file")
    func reasonColumnName() throws {
        let result = try WashFixture.wash("reason;telefon\nx;abc\n")
        #expect(String(decoding: result.rejected, as: UTF8.self) == "reason;telefon;wash_reason\nx;abc;invalid_number\n")
    }
}
