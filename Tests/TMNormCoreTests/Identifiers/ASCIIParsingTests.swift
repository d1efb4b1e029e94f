import Testing

@testable import TMNormCore

@Suite("Identifiers are parsed from ASCII bytes, never from Character ranges")
struct ASCIIParsingTests {
    @Test(
        "a digit with a combining mark, a keycap or another script's digit is a non-digit, not a crash",
        arguments: ["1\u{301}11111111", "11111111\u{301}1", "1\u{FE0F}\u{20E3}11111111", "١١١١١١١١١", "９７４７６０６７３", "97476067\u{0663}"])
    func lookalikeDigits(_ raw: String) {
        // given a number whose "digits" are not ASCII digits / when parsed / then it is refused as a non-digit
        do {
            _ = try OrganisationNumber(raw)
            Issue.record("\(raw) was accepted")
        } catch {
            guard case .nonDigit = error else { Issue.record("\(raw): \(error)"); return }
        }
    }

    @Test("no-break spaces and other Unicode spaces still separate digit groups")
    func unicodeSpaces() throws {
        #expect(try OrganisationNumber("974\u{00A0}760\u{2009}673").digits == "974760673")
        #expect(try OrganisationNumber("974760673").formatted == "974 760 673")
    }

    @Test("ASCII helpers: digits, integers without overflow, digit extraction")
    func helpers() {
        #expect(ASCII.isDigits("0123456789"))
        #expect(!ASCII.isDigits(""))
        #expect(!ASCII.isDigits("1\u{301}"))
        #expect(ASCII.integer("0042") == 42)
        #expect(ASCII.integer("99999999999999999999") == nil)
        #expect(ASCII.integer("1\u{301}") == nil)
        #expect(ASCII.digits(of: "97 47-60\u{301}673") == "974760673")
        #expect(ASCII.digitValue("7") == 7)
        #expect(ASCII.digitValue("7\u{301}") == nil)
    }

    @Test("ASCII letters and the filter keep only ASCII: accented and other-script letters and digits are dropped")
    func lettersAndFilter() {
        #expect(ASCII.isLetter(UInt8(ascii: "a")) && ASCII.isLetter(UInt8(ascii: "Z")))
        #expect(!ASCII.isLetter(UInt8(ascii: "@")) && !ASCII.isLetter(UInt8(ascii: "[")) && !ASCII.isLetter(UInt8(ascii: "`")))
        #expect(ASCII.filtered("sale:ab12-Ø٣é.x\u{301}", keeping: [UInt8(ascii: "-"), UInt8(ascii: ".")]) == "saleab12-.x")
    }
}
