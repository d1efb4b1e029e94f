import Testing

@testable import TMNormCore

@Suite("Organisation numbers: 9 digits, modulus-11 check digit")
struct OrganisationNumberTests {
    @Test("valid numbers pass, with or without spaces", arguments: ["974760673", "974 760 673", "952601814", "911862522", "955979710"])
    func valid(_ raw: String) throws {
        let number = try OrganisationNumber(raw)
        #expect(number.digits == raw.filter { !$0.isWhitespace })
    }

    @Test(
        "each kind of bad number is refused with its own reason",
        arguments: [
            ("", OrganisationNumber.Problem.empty),
            ("97476067", .wrongLength(8)),
            ("9747606731", .wrongLength(10)),
            ("97476067X", .nonDigit("X")),
            ("974-760-673", .nonDigit("-")),
            ("974760674", .checkDigitMismatch(expected: 3, found: 4)),
        ])
    func invalid(_ raw: String, _ problem: OrganisationNumber.Problem) {
        #expect(throws: problem) { try OrganisationNumber(raw) }
    }

    @Test("a number whose weighted sum leaves remainder 1 can never be valid")
    func impossibleCheckDigit() {
        // 1·3+0·2+0·7+0·6+0·5+0·4+0·3+4·2 = 11 → remainder 0; choose digits giving remainder 1:
        // 2·3+0+0+0+0+0+0+1·2 = 8; 8 + 3·... — search the smallest such prefix instead of guessing.
        let prefix = (10_000_000...99_999_999).lazy.map { n in String(n).compactMap(\.wholeNumberValue) }
            .first { OrganisationNumber.checkDigit(for: $0) == nil }
        let digits = prefix.map { $0.map(String.init).joined() } ?? ""
        #expect(throws: OrganisationNumber.Problem.checkDigitImpossible) { try OrganisationNumber(digits + "0") }
    }

    @Test("check digit follows the weights 3 2 7 6 5 4 3 2")
    func weights() {
        #expect(OrganisationNumber.checkDigit(for: [9, 7, 4, 7, 6, 0, 6, 7]) == 3)
        #expect(OrganisationNumber.checkDigit(for: [9, 5, 2, 6, 0, 1, 8, 1]) == 4)
    }

    @Test("the formatted form groups digits in threes")
    func formatted() throws {
        #expect(try OrganisationNumber("974760673").formatted == "974 760 673")
    }

    @Test("reasons are given in Norwegian too")
    func norwegian() {
        #expect(OrganisationNumber.Problem.wrongLength(8).norwegian.contains("8 siffer"))
    }
}
