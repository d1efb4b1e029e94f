/// Decodes field bytes as the file's encoding; a field that is not valid UTF-8 in a UTF-8 file is read
/// as Windows-1252 (files stitched together from both exist).
enum TextDecoder {
    /// The field's text without surrounding spaces and tabs (trimmed on bytes: Foundation's
    /// `trimmingCharacters` costs more than the rest of a register row together).
    static func trimmedText(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding) -> String {
        let trimmed = trimmed(bytes)
        return trimmed.isEmpty ? "" : decode(trimmed, as: encoding)
    }

    /// The bytes without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding) -> String {
        switch encoding {
        case .windows1252:
            return Windows1252.decode(bytes)
        case .utf8, .utf8WithBOM:
            return UTF8Validation.isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : Windows1252.decode(bytes)
        }
    }
}
