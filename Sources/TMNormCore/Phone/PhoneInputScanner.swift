/// Reads the digits out of what people type: separators are skipped, anything else is a problem.
enum PhoneInputScanner {
    struct Scanned: Sendable, Equatable {
        var digits = PhoneDigits()
        var hasPlus = false
    }

    /// Scans UTF-8 bytes; only input with non-ASCII characters takes the slower Unicode-scalar path.
    /// Takes a concrete String and its contiguous UTF-8: iterating a generic `StringProtocol` from
    /// another module went through witness tables and cost ~300 ns a number.
    static func scan(_ raw: String) -> Result<Scanned, PhoneNumberProblem> {
        var text = raw
        return text.withUTF8 { scan(bytes: $0) } ?? scanScalars(raw)
    }

    /// nil when a non-ASCII byte is met (the caller then scans Unicode scalars).
    private static func scan(bytes: UnsafeBufferPointer<UInt8>) -> Result<Scanned, PhoneNumberProblem>? {
        var scanned = Scanned()
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                scanned.digits.append(byte &- 0x30)
            case 0x2B:  // '+'
                guard !scanned.hasPlus && scanned.digits.count == 0 else { return .failure(.misplacedPlus) }
                scanned.hasPlus = true
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x09...0x0D:
                continue
            case 0x80...:
                return nil
            default:
                return .failure(.invalidCharacter(Character(Unicode.Scalar(byte))))
            }
        }
        guard scanned.digits.count > 0 else { return .failure(.empty) }
        return .success(scanned)
    }

    private static func scanScalars(_ raw: String) -> Result<Scanned, PhoneNumberProblem> {
        var scanned = Scanned()
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            if v >= 48 && v <= 57 {
                scanned.digits.append(UInt8(v - 48))
            } else if v == 43 {  // '+'
                guard !scanned.hasPlus && scanned.digits.count == 0 else { return .failure(.misplacedPlus) }
                scanned.hasPlus = true
            } else if !isSeparator(scalar) {
                return .failure(.invalidCharacter(Character(scalar)))
            }
        }
        guard scanned.digits.count > 0 else { return .failure(.empty) }
        return .success(scanned)
    }

    /// Space (any Unicode whitespace, e.g. the no-break space spreadsheets insert), '-', '.', '(', ')',
    /// and the typographic dashes word processors substitute for '-'.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x09...0x0D: return true
        case 0x2010...0x2015, 0x2212: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}
