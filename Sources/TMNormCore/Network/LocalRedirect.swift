/// Where a log-in may send the browser afterwards: only a path on this site. Parsed byte by byte, because
/// browsers drop tabs and newlines from URLs (`/\t/evil.example` becomes `//evil.example`, another host)
/// and read `\` as `/`.
public enum LocalRedirect {
    /// The path (with its query) when it is a same-origin absolute path, else nil.
    public static func safePath(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let bytes = Array(raw.utf8)
        guard bytes.count >= 1, bytes.count < 500, bytes[0] == UInt8(ascii: "/") else { return nil }
        // Only printable ASCII (percent-encoded otherwise), no backslash, no fragment tricks.
        for byte in bytes where byte < 0x21 || byte > 0x7E || byte == UInt8(ascii: "\\") {
            return nil
        }
        // "//host" and "/\host" are network-path references: another origin.
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return nil }
        // A scheme can only appear before the first "/", and the first byte is "/": none here. Dot segments
        // stay on this origin, so they need no check.
        return raw
    }
}
