import Testing
@testable import TMNormCore

@Suite("Phone allocation table")
struct PhoneAllocationTableTests {
    static let eightDigit: [(number: UInt32, expected: PhoneClassification)] = [
        (40_000_000, .allocated(.mobile)),
        (41_999_999, .allocated(.mobile)),
        (42_000_000, .unallocated("unallocated range 42: not allocated in the numbering plan (Nkom 2026)")),
        (44_999_999, .unallocated("unallocated range 44: not allocated in the numbering plan (Nkom 2026)")),
        (45_359_999, .allocated(.mobile)),
        (45_360_000, .unallocated("unallocated range 4536: not allocated in the numbering plan (Nkom 2026)")),
        (45_369_999, .unallocated("unallocated range 4536: not allocated in the numbering plan (Nkom 2026)")),
        (45_370_000, .allocated(.mobile)),
        (49_999_999, .unallocated("unallocated range 49: not allocated in the numbering plan (Nkom 2026)")),
        (57_999_999, .allocated(.fixed)),
        (58_000_000, .unallocated("unallocated range 58: series 58 is machine-to-machine with 12 digits only (Nkom 2026)")),
        (59_999_999, .allocated(.m2m)),
        (60_000_000, .allocated(.fixed)),
        (83_000_000, .allocated(.special)),
        (99_999_999, .allocated(.mobile)),
        (0, .unallocated("unallocated range 0: 8-digit numbers never start with 0 (Nkom 2026)")),
        (9_999_999, .unallocated("unallocated range 0: 8-digit numbers never start with 0 (Nkom 2026)")),
        (100_000_000, .unallocated("100000000 has more than 8 digits")),
    ]

    @Test("an 8-digit integer is classified by the longest matching prefix", arguments: eightDigit)
    func classifyEightDigit(_ row: (number: UInt32, expected: PhoneClassification)) {
        #expect(PhoneNumber.classify(eightDigit: row.number) == row.expected)
    }

    @Test("kind(eightDigit:) gives the allocated kind, or nil where classify says unallocated", arguments: eightDigit)
    func kindEightDigit(_ row: (number: UInt32, expected: PhoneClassification)) {
        let kind = PhoneAllocationTable.nkom2026.kind(eightDigit: row.number)
        switch row.expected {
        case .allocated(let expected): #expect(kind == expected)
        case .unallocated: #expect(kind == nil)
        }
        #expect(PhoneNumber.classify(eightDigit: row.number, table: .nkom2026) == row.expected)
    }

    @Test("classify agrees with parse for a spread of 8-digit numbers not starting with the prefix 00")
    func classifyAgreesWithParse() {
        // "00…" typed by a person is the international prefix, so parse and classify differ there by design.
        for number in stride(from: UInt32(1_000_000), to: 100_000_000, by: 9_973) {
            let text = String(number).leftPadded(to: 8)
            let parsed = PhoneNumber.parse(text)
            switch PhoneNumber.classify(eightDigit: number) {
            case .allocated(let kind):
                #expect(parsed.number?.kind == kind, "\(text)")
                #expect(parsed.number?.eightDigitKey == number)
            case .unallocated(let reason):
                #expect(parsed == .invalid(input: text, reason: reason))
            }
        }
    }

    @Test("a replacement table changes what parse and classify accept")
    func replacementTable() throws {
        var rules = PhoneAllocationTable.nkom2026Rules.filter { $0.prefix != "42" || $0.length != 8 }
        rules.append(.eight("4212", .unallocated, "withdrawn"))
        let table = try PhoneAllocationTable(name: "Nkom 2027", rules: rules)
        #expect(PhoneNumber.parse("42012345", table: table).kind == .mobile)
        #expect(
            PhoneNumber.parse("42123456", table: table)
                == .invalid(input: "42123456", reason: "unallocated range 4212: withdrawn (Nkom 2027)"))
        #expect(PhoneNumber.classify(eightDigit: 42_012_345, table: table) == .allocated(.mobile))
    }

    @Test("an 8-digit number no rule covers is unallocated with its first digit as the range")
    func uncoveredFirstDigit() throws {
        let table = try PhoneAllocationTable(name: "tiny", rules: [.eight("9", .allocated(.mobile), "mobile")])
        #expect(table.classify(eightDigit: 22_000_000) == .unallocated("unallocated range 2: not in the numbering plan (tiny)"))
        #expect(table.planLengths == [8])
    }

    static let badRules: [(rule: PhoneAllocationRule, error: PhoneAllocationTableError)] = [
        (.eight("", .allocated(.mobile), ""), .badPrefix(length: 8, prefix: "")),
        (.eight("4a", .allocated(.mobile), ""), .badPrefix(length: 8, prefix: "4a")),
        (.eight("123456789", .allocated(.mobile), ""), .badPrefix(length: 8, prefix: "123456789")),
        (.eight("123456", .allocated(.mobile), ""), .prefixTooLongForLookup(prefix: "123456")),
        (PhoneAllocationRule(length: 0, prefix: "1", allocation: .unallocated, note: ""), .unsupportedLength(0)),
        (PhoneAllocationRule(length: 19, prefix: "1", allocation: .unallocated, note: ""), .unsupportedLength(19)),
        (.eight("4", .allocated(.foreign), ""), .notAPlanKind(.foreign)),
        (.eight("9", .allocated(.mobile), ""), .duplicateRule(length: 8, prefix: "9")),
    ]

    @Test("a malformed rule is refused with a reason", arguments: badRules)
    func malformedRule(_ row: (rule: PhoneAllocationRule, error: PhoneAllocationTableError)) {
        #expect(throws: row.error) {
            try PhoneAllocationTable(name: "bad", rules: [.eight("9", .allocated(.mobile), "mobile"), row.rule])
        }
        #expect(!row.error.description.isEmpty && !row.error.norwegian.isEmpty)
    }

    @Test("the built-in Nkom 2026 rules form a valid table")
    func builtInTableBuilds() throws {
        let table = try PhoneAllocationTable(name: "check", rules: PhoneAllocationTable.nkom2026Rules)
        #expect(table.planLengths == [3, 4, 5, 6, 8, 12])
        #expect(PhoneAllocationTable.nkom2026.internationalLengths == [8, 12])
    }

    @Test("rules round-trip through JSON so a table can be loaded from a file")
    func rulesCodable() throws {
        let data = try JSONEncoder().encode(PhoneAllocationTable.nkom2026Rules)
        let decoded = try JSONDecoder().decode([PhoneAllocationRule].self, from: data)
        #expect(decoded == PhoneAllocationTable.nkom2026Rules)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

import Foundation
