/// Reads one small text field from the start of a `multipart/form-data` body without decoding the whole
/// body: browsers send a form's fields in document order, and the CSRF field is the form's first child, so it
/// comes before any file. Scanning stops at the first file part or after `limit` bytes; the caller falls back
/// to a full decode when this returns nil. Pure byte scanning; never traps on malformed input.
public enum MultipartFieldScanner {
    /// The value of the text field `name`, when it appears before the first file part within `limit` bytes.
    public static func value(of name: String, boundary: String, in body: [UInt8], limit: Int = 64 << 10) -> String? {
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { return nil }
        let end = min(body.count, limit)
        let delimiter = Array("--".utf8) + Array(boundary.utf8)
        let wanted = Array("name=\"\(name)\"".utf8)
        guard var cursor = find(delimiter, in: body, from: 0, to: end) else { return nil }
        while true {
            // After the delimiter: "--" ends the body, CRLF starts a part.
            var headersStart = cursor + delimiter.count
            guard headersStart + 2 <= end, body[headersStart] == 0x0D, body[headersStart + 1] == 0x0A else { return nil }
            headersStart += 2
            guard let headersEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: headersStart, to: end) else { return nil }
            let headers = Array(body[headersStart..<headersEnd])
            if find(Array("filename=".utf8), in: headers, from: 0, to: headers.count) != nil { return nil }
            let valueStart = headersEnd + 4
            guard let next = find([0x0D, 0x0A] + delimiter, in: body, from: valueStart, to: end) else { return nil }
            if let at = find(wanted, in: headers, from: 0, to: headers.count), isNameParameter(headers, at: at) {
                return String(decoding: body[valueStart..<next], as: UTF8.self)
            }
            cursor = next + 2
        }
    }

    /// `name="…"` preceded by `;` or whitespace, so `filename="x"` or `xname="x"` do not count.
    private static func isNameParameter(_ headers: [UInt8], at index: Int) -> Bool {
        guard index > 0 else { return false }
        let before = headers[index - 1]
        return before == UInt8(ascii: ";") || before == UInt8(ascii: " ") || before == UInt8(ascii: "\t")
    }

    /// The first index of `needle` in `haystack[from..<to]`, or nil.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, from >= 0, to <= haystack.count, to - from >= needle.count else { return nil }
        let first = needle[0]
        var index = from
        let last = to - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
