import Testing
@testable import TMNormCore

/// Every rejection reason: each row is input, whether foreign, and the exact English reason.
@Suite("Phone number rejections")
struct PhoneNumberRejectionTests {
    static let lengths = "3, 4, 5, 6, 8 or 12"
    static let rejected: [(input: String, foreign: Bool, reason: String)] = [
        ("", false, "empty: no digits"),
        ("   ", false, "empty: no digits"),
        ("+", false, "empty: no digits"),
        (
            "9123456x", false,
            "contains 'x': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed"
        ),
        (
            "912/34567", false,
            "contains '/': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed"
        ),
        (
            "ring meg", false,
            "contains 'r': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed"
        ),
        (
            "9123456é", false,
            "contains 'é': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed"
        ),
        ("912+34567", false, "'+' is only allowed once, before the first digit"),
        ("++4791234567", false, "'+' is only allowed once, before the first digit"),
        ("9123456", false, "has 7 digits: Norwegian numbers have \(lengths) digits"),
        ("912345678", false, "has 9 digits: Norwegian numbers have \(lengths) digits"),
        ("9123456789", false, "has 10 digits: Norwegian numbers have \(lengths) digits"),
        ("12345678901234567890123", false, "has 23 digits: Norwegian numbers have \(lengths) digits"),
        ("+47 9123456", false, "has 7 digits after the country code 47: expected 8 or 12"),
        ("0047 113", false, "has 3 digits after the country code 47: expected 8 or 12"),
        ("+47", false, "has 0 digits after the country code 47: expected 8 or 12"),
        ("42123456", false, "unallocated range 42: not allocated in the numbering plan (Nkom 2026)"),
        ("43123456", false, "unallocated range 43: not allocated in the numbering plan (Nkom 2026)"),
        ("+47 44 12 34 56", false, "unallocated range 44: not allocated in the numbering plan (Nkom 2026)"),
        ("49123456", false, "unallocated range 49: not allocated in the numbering plan (Nkom 2026)"),
        ("45361234", false, "unallocated range 4536: not allocated in the numbering plan (Nkom 2026)"),
        ("01234567", false, "unallocated range 0: 8-digit numbers never start with 0 (Nkom 2026)"),
        (
            "11234567", false,
            "unallocated range 1: 8-digit numbers never start with 1 (series 1 is short codes) (Nkom 2026)"
        ),
        ("01999", false, "unallocated range 01: 5-digit numbers run 02000–09999 (Nkom 2026)"),
        ("00123", false, "unallocated range 00: 5-digit numbers run 02000–09999 (Nkom 2026)"),
        ("12345", false, "unallocated range 1: no 5-digit numbers start with 1 (Nkom 2026)"),
        ("911", false, "unallocated range 9: no 3-digit numbers start with 9 (Nkom 2026)"),
        ("117123", false, "unallocated range 1: no 6-digit numbers start with 1 (Nkom 2026)"),
        ("470012345678", false, "unallocated range 4: no 12-digit numbers start with 4 (Nkom 2026)"),
        ("+46 8 123 456 78", true, "not a Norwegian number: +46812345678 does not have the country code +47"),
        ("0046 8 123 456 78", true, "not a Norwegian number: +46812345678 does not have the country code +47"),
        ("+1 (212) 555-0100", true, "not a Norwegian number: +12125550100 does not have the country code +47"),
        ("004520123456", true, "not a Norwegian number: +4520123456 does not have the country code +47"),
    ]

    @Test("a rejected input names its reason", arguments: rejected)
    func rejectedInput(_ row: (input: String, foreign: Bool, reason: String)) {
        let result = PhoneNumber.parse(row.input)
        let expected: PhoneParseResult =
            row.foreign
            ? .foreign(input: row.input, reason: row.reason) : .invalid(input: row.input, reason: row.reason)
        #expect(result == expected)
        #expect(result.kind == (row.foreign ? .foreign : .invalid))
    }

    @Test("every problem has a Norwegian text")
    func norwegianTexts() {
        for row in Self.rejected {
            guard case .failure(let problem) = PhoneNumber.validate(row.input) else {
                Issue.record("\(row.input) was accepted")
                continue
            }
            #expect(!problem.norwegian.isEmpty)
            #expect(problem.norwegian != problem.description)
        }
        if case .failure(let problem) = PhoneNumber.validate("42123456") {
            #expect(problem.norwegian == "nummerserien 42 er ikke tildelt i nummerplanen (Nkom 2026)")
        }
    }
}
