/// HTML escaping used by every renderer in Guidelines and Authorization, so no source text becomes markup.
public enum GuidelineHTML {
    /// Text safe inside an element or a double- or single-quoted attribute: & < > " ' are escaped, and
    /// control characters other than tab and newline become U+FFFD (they are invalid in HTML and XML).
    public static func escape<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if isForbidden(scalar) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// C0/C1 controls, DEL and the noncharacters U+FFFE/U+FFFF, which XML 1.0 forbids.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}
