/// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// True when every byte belongs to a well-formed sequence; with `allowTruncatedEnd`, a sequence cut
    /// off by the end of the buffer (a sample of a longer file) still counts as valid.
    static func isValid(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            for k in 1..<length {
                guard i + k < n else { return allowTruncatedEnd }
                let b = bytes[i + k]
                if k == 1 {
                    guard b >= lower && b <= upper else { return false }
                } else {
                    guard b >= 0x80 && b <= 0xBF else { return false }
                }
            }
            i += length
        }
        return true
    }
}
