/// Byte-level tests for ASCII text. Identifiers and numbers are parsed from these, never from `Character`
/// ranges: `("0"..."9").contains("1\u{301}")` is true for a digit carrying a combining accent, and such a
/// "digit" has no `wholeNumberValue`.
public enum ASCII {
    /// `0`–`9`.
    @inline(__always) public static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The value of one character when it is exactly one ASCII digit, else nil.
    @inline(__always) public static func digitValue(_ character: Character) -> Int? {
        let bytes = character.utf8
        guard bytes.count == 1, let byte = bytes.first, isDigit(byte) else { return nil }
        return Int(byte &- 0x30)
    }

    /// True when the text is non-empty and every byte is an ASCII digit.
    public static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy(isDigit)
    }

    /// The decimal value of a run of ASCII digits (at most `maxDigits`, so it cannot overflow), else nil.
    public static func integer(_ text: some StringProtocol, maxDigits: Int = 18) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= min(maxDigits, 18) else { return nil }
        var value = 0
        for byte in bytes {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return value
    }

    /// `A`–`Z` or `a`–`z`.
    @inline(__always) public static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// An ASCII letter or digit.
    @inline(__always) public static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    /// Only the bytes of `text` that are ASCII letters, digits or one of `extra` (ASCII), in order.
    public static func filtered(_ text: some StringProtocol, keeping extra: Set<UInt8> = []) -> String {
        String(decoding: text.utf8.filter { isAlphanumeric($0) || extra.contains($0) }, as: UTF8.self)
    }

    /// Only the ASCII digits of a text, in order.
    public static func digits(of text: some StringProtocol) -> String {
        String(decoding: text.utf8.filter(isDigit), as: UTF8.self)
    }
}
