/// Decoding of Windows-1252, the encoding Excel on Norwegian Windows uses for "CSV (semicolon separated)".
enum Windows1252 {
    /// Code points for 0x80–0x9F; the five bytes Windows leaves undefined map to their C1 controls,
    /// as Windows itself does, so no byte is lost. 0xA0–0xFF equal Latin-1 (æ 0xE6, ø 0xF8, å 0xE5).
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The text of Windows-1252 bytes.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte >= 0x80 && byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// The Windows-1252 bytes of text; nil when a character has no Windows-1252 byte.
    static func encode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 || (v >= 0xA0 && v <= 0xFF) {
                out.append(UInt8(v))
            } else if let index = high.firstIndex(of: v) {
                out.append(UInt8(0x80 + index))
            } else {
                return nil
            }
        }
        return out
    }
}
