import Foundation
import Testing

@testable import TMNormCore

@Suite("Washing: encodings")
struct WashEncodingTests {
    @Test("a UTF-8 list without byte-order mark is read as UTF-8 and copied byte for byte")
    func utf8() throws {
        // given
        let text = "navn;telefon\nÅse Ødegård;912 34 567\nBjørn;+47 41234567\n"
        // when
        let result = try WashFixture.wash(text)
        // then
        #expect(result.summary.encoding == .utf8)
        #expect(result.callable == Array(text.utf8))
        #expect(result.summary.callable == 2)
    }

    @Test("the byte-order mark is recognised, kept in both outputs, and does not hide the first column name")
    func utf8WithBOM() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = "telefon;navn\n91234567;Kari\nabc;Ola\n"
        let result = try WashFixture.wash(bytes: bom + Array(text.utf8))
        #expect(result.summary.encoding == .utf8WithBOM)
        #expect(result.summary.phoneColumn == "telefon")
        #expect(result.callable == bom + Array("telefon;navn\n91234567;Kari\n".utf8))
        #expect(result.rejected == bom + Array("telefon;navn;reason\nabc;Ola;invalid_number\n".utf8))
    }

    @Test("a Windows-1252 list (æ, ø, å as single bytes) is detected, copied unchanged and matched on names")
    func windows1252() throws {
        // given: Bjørn Sæther is reserved as a person; the list comes from Excel's "CSV (semicolon separated)"
        let reserved = WashFixture.person("Bjørn", "Sæther", "Storgata", "12 B", "0150")
        let register = WashFixture.register(persons: [reserved])
        let text = "Fornavn;Etternavn;Gateadresse;Postnr;Telefon\nBjørn;Sæther;Storgata 12 B;0150;91234567\nÅse;Ås;Kirkeveien 1;0368;41234567\n"
        guard let bytes = Windows1252.encode(text) else {
            Issue.record("fixture is not Windows-1252")
            return
        }
        #expect(bytes.contains(0xF8) && bytes.contains(0xC5))
        // when
        let result = try WashFixture.wash(bytes: bytes, register: register)
        // then
        #expect(result.summary.encoding == .windows1252)
        #expect(result.summary.personMatching)
        #expect(result.summary.count(.reservedPerson) == 1)
        #expect(result.callable == Windows1252.encode("Fornavn;Etternavn;Gateadresse;Postnr;Telefon\nÅse;Ås;Kirkeveien 1;0368;41234567\n"))
        #expect(
            result.rejected
                == Windows1252.encode(
                    "Fornavn;Etternavn;Gateadresse;Postnr;Telefon;reason\nBjørn;Sæther;Storgata 12 B;0150;91234567;reserved_person\n"))
    }

    @Test(
        "UTF-16 and UTF-32 are refused as an unknown encoding, with or without byte-order mark",
        arguments: [
            [0xFF, 0xFE] + Array("telefon\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            [0xFE, 0xFF] + Array("telefon\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
            Array("telefon;navn\n91234567;Kari\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            [0xFF, 0xFE, 0x00, 0x00, 0x74, 0x00, 0x00, 0x00],
        ] as [[UInt8]])
    func utf16Refused(_ bytes: [UInt8]) {
        guard case .unknownEncoding(let name)? = WashFixture.washError(bytes: bytes) else {
            Issue.record("expected unknownEncoding")
            return
        }
        #expect(name.hasPrefix("UTF-"))
    }

    @Test(
        "binary files are refused with a reason that names them",
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "Excel workbook"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], ".xls"),
            (Array("%PDF-1.7\n".utf8), "PDF"),
            (Array("telefon\n9123\u{0}4567\n".utf8), "NUL"),
            ((0..<200).map { UInt8($0 % 8 + 1) }, "control characters"),
        ] as [([UInt8], String)])
    func binaryRefused(_ bytes: [UInt8], _ mention: String) {
        guard case .binaryInput(let detail)? = WashFixture.washError(bytes: bytes) else {
            Issue.record("expected binaryInput")
            return
        }
        #expect(detail.contains(mention))
    }

    @Test("a field that is not valid UTF-8 in a UTF-8 file is decoded as Windows-1252")
    func strayFieldFallsBack() {
        let bjorn: [UInt8] = [0x42, 0x6A, 0xF8, 0x72, 0x6E]  // "Bjørn" in Windows-1252
        let text = bjorn.withUnsafeBytes { TextDecoder.decode($0, as: .utf8) }
        #expect(text == "Bjørn")
    }
}
