/// Names people type and others read (organisations, campaigns, users, API keys): one line of visible text.
/// Control characters (a NUL, a newline, an escape) and bidirectional overrides are refused: they corrupt
/// logs, CSV files and terminals, or make a name display as something else.
public enum DisplayName {
    /// Why the (already trimmed) name is not acceptable, or nil.
    public static func problem(_ name: String, maxLength: Int = 200) -> String? {
        if name.isEmpty { return "is required" }
        if name.count > maxLength { return "must be at most \(maxLength) characters" }
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control:
                return "must not contain control characters (found U+\(hex(scalar.value)))"
            case .format where (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value):
                return "must not contain text-direction overrides (found U+\(hex(scalar.value)))"
            case .lineSeparator, .paragraphSeparator:
                return "must be one line"
            default:
                continue
            }
        }
        return nil
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
