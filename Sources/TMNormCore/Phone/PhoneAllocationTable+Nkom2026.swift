extension PhoneAllocationTable {
    /// The Norwegian numbering plan as used in 2026 (Nkom; see docs/phone-numbers.md for sources and choices).
    public static let nkom2026: PhoneAllocationTable = {
        do {
            return try PhoneAllocationTable(name: "Nkom 2026", rules: nkom2026Rules)
        } catch {
            // The rules below are constant and a unit test builds them; failing here is a programming error.
            preconditionFailure("built-in Nkom 2026 table is invalid: \(error)")
        }
    }()

    /// The rows of `nkom2026`, longest prefix wins.
    public static let nkom2026Rules: [PhoneAllocationRule] = [
        // 8-digit plan: first digit 0 and 1 are not 8-digit numbers (0 = 5-digit/intl prefix, 1 = short codes).
        .eight("0", .unallocated, "8-digit numbers never start with 0"),
        .eight("1", .unallocated, "8-digit numbers never start with 1 (series 1 is short codes)"),
        .eight("2", .allocated(.fixed), "fixed network"),
        .eight("3", .allocated(.fixed), "fixed network"),
        .eight("4", .allocated(.mobile), "mobile"),
        .eight("42", .unallocated, "not allocated in the numbering plan"),
        .eight("43", .unallocated, "not allocated in the numbering plan"),
        .eight("44", .unallocated, "not allocated in the numbering plan"),
        .eight("49", .unallocated, "not allocated in the numbering plan"),
        .eight("4536", .unallocated, "not allocated in the numbering plan"),
        .eight("5", .allocated(.fixed), "fixed network (50–57)"),
        .eight("58", .unallocated, "series 58 is machine-to-machine with 12 digits only"),
        .eight("59", .allocated(.m2m), "machine-to-machine"),
        .eight("6", .allocated(.fixed), "fixed network"),
        .eight("7", .allocated(.fixed), "fixed network"),
        .eight("8", .allocated(.special), "special services"),
        .eight("800", .allocated(.special), "free phone"),
        .eight("810", .allocated(.special), "shared cost"),
        .eight("815", .allocated(.special), "shared cost, allowed as caller ID"),
        .eight("82", .allocated(.special), "premium rate"),
        .eight("880", .allocated(.special), "personal numbers"),
        .eight("9", .allocated(.mobile), "mobile"),
        // 12-digit machine-to-machine numbers.
        PhoneAllocationRule(length: 12, prefix: "58", allocation: .allocated(.m2m), note: "machine-to-machine"),
        PhoneAllocationRule(length: 12, prefix: "59", allocation: .unallocated, note: "series 59 is machine-to-machine with 8 digits only"),
        // 5-digit numbers 02000–09999.
        PhoneAllocationRule(length: 5, prefix: "00", allocation: .unallocated, note: "5-digit numbers run 02000–09999"),
        PhoneAllocationRule(length: 5, prefix: "01", allocation: .unallocated, note: "5-digit numbers run 02000–09999"),
        PhoneAllocationRule(length: 5, prefix: "0", allocation: .allocated(.short), note: "5-digit numbers"),
        // Series 1: short codes (1xx emergency and services, 1xxx e.g. 1412, 1881, 116xxx harmonised EU).
        PhoneAllocationRule(length: 3, prefix: "1", allocation: .allocated(.short), note: "3-digit short codes"),
        PhoneAllocationRule(length: 4, prefix: "1", allocation: .allocated(.short), note: "4-digit short codes"),
        PhoneAllocationRule(length: 6, prefix: "116", allocation: .allocated(.short), note: "harmonised 116 codes"),
    ]
}
