import Testing
@testable import TMNormCore

/// Accepted shapes and kinds: each row is input, expected national number and kind.
@Suite("Phone number parsing")
struct PhoneNumberParseTests {
    static let accepted: [(input: String, national: String, kind: PhoneKind)] = [
        // Every accepted shape of one mobile number.
        ("+47 912 34 567", "91234567", .mobile),
        ("+4791234567", "91234567", .mobile),
        ("0047 912 34 567", "91234567", .mobile),
        ("004791234567", "91234567", .mobile),
        ("912 34 567", "91234567", .mobile),
        ("91234567", "91234567", .mobile),
        ("47 91234567", "91234567", .mobile),
        ("4791234567", "91234567", .mobile),
        ("912-34-567", "91234567", .mobile),
        ("912.34.567", "91234567", .mobile),
        ("(+47) 912 34 567", "91234567", .mobile),
        ("+47 (912) 34-567", "91234567", .mobile),
        ("  91 23 45 67  ", "91234567", .mobile),
        ("912\u{00A0}34\u{00A0}567", "91234567", .mobile),
        ("912–34–567", "91234567", .mobile),
        ("\t91234567\r", "91234567", .mobile),
        // Every kind.
        ("41234567", "41234567", .mobile),
        ("45123456", "45123456", .mobile),
        ("47123456", "47123456", .mobile),
        ("48123456", "48123456", .mobile),
        ("99999999", "99999999", .mobile),
        ("22 12 34 56", "22123456", .fixed),
        ("33123456", "33123456", .fixed),
        ("50123456", "50123456", .fixed),
        ("57123456", "57123456", .fixed),
        ("61234567", "61234567", .fixed),
        ("73123456", "73123456", .fixed),
        ("59123456", "59123456", .m2m),
        ("580012345678", "580012345678", .m2m),
        ("0047580012345678", "580012345678", .m2m),
        ("47580012345678", "580012345678", .m2m),
        ("800 12 345", "80012345", .special),
        ("81012345", "81012345", .special),
        ("815 12 345", "81512345", .special),
        ("82012345", "82012345", .special),
        ("82912345", "82912345", .special),
        ("88012345", "88012345", .special),
        ("02000", "02000", .short),
        ("09999", "09999", .short),
        ("05 123", "05123", .short),
        ("113", "113", .short),
        ("110", "110", .short),
        ("1881", "1881", .short),
        ("116 111", "116111", .short),
    ]

    @Test("an accepted shape parses to its national number and kind", arguments: accepted)
    func acceptedShape(_ row: (input: String, national: String, kind: PhoneKind)) {
        let result = PhoneNumber.parse(row.input)
        #expect(result.number?.national == row.national, "\(row.input): \(result)")
        #expect(result.kind == row.kind)
        #expect(result.number?.e164 == "+47" + row.national)
    }

    @Test("parse accepts substrings as well as strings")
    func substringInput() {
        let line = "tlf: 91234567"
        let digits = line.split(separator: " ")[1]
        #expect(PhoneNumber.parse(digits).number?.national == "91234567")
    }

    @Test("series 58 is machine-to-machine with 12 digits only, series 59 with 8 digits only")
    func m2mSeries() {
        #expect(PhoneNumber.parse("58123456").number == nil)
        #expect(PhoneNumber.parse("58123456").reason?.contains("12 digits") == true)
        #expect(PhoneNumber.parse("590012345678").number == nil)
        #expect(PhoneNumber.parse("590012345678").reason?.contains("8 digits") == true)
        #expect(PhoneNumber.parse("580012345678").number?.kind == .m2m)
        #expect(PhoneNumber.parse("59123456").number?.kind == .m2m)
    }

    @Test("the eight-digit key is the national number for 8 digits and nil otherwise")
    func eightDigitKey() {
        #expect(PhoneNumber.parse("+47 912 34 567").number?.eightDigitKey == 91_234_567)
        #expect(PhoneNumber.parse("22 00 00 01").number?.eightDigitKey == 22_000_001)
        #expect(PhoneNumber.parse("59123456").number?.eightDigitKey == 59_123_456)
        #expect(PhoneNumber.parse("02000").number?.eightDigitKey == nil)
        #expect(PhoneNumber.parse("113").number?.eightDigitKey == nil)
        #expect(PhoneNumber.parse("580012345678").number?.eightDigitKey == nil)
    }

    @Test("a number encodes as national and kind and decodes to the same number")
    func codableRoundTrip() throws {
        let number = try #require(PhoneNumber.parse("91234567").number)
        let data = try JSONEncoder().encode(number)
        #expect(try JSONDecoder().decode(PhoneNumber.self, from: data) == number)
    }

    @Test("decoding rejects a stored number that is not valid")
    func decodingRejectsInvalid() {
        let json = Data(#"{"national":"42123456","kind":"mobile"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PhoneNumber.self, from: json) }
    }
}

import Foundation
