/// The character encoding a list or register file was written in; washing output keeps it, byte for byte.
public enum TextEncoding: String, Sendable, Codable, Equatable {
    /// UTF-8 without byte-order mark.
    case utf8 = "utf-8"
    /// UTF-8 starting with the byte-order mark EF BB BF (Excel's "CSV UTF-8").
    case utf8WithBOM = "utf-8-bom"
    /// Windows-1252 (Excel's "CSV (semicolon separated)" on Norwegian Windows).
    case windows1252 = "windows-1252"
}
