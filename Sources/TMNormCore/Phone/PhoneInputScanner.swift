/// Reads the digits out of what people type: separators are skipped, anything else is a problem.
enum PhoneInputScanner {
    struct Scanned: Sendable, Equatable {
        var digits = PhoneDigits()
        var hasPlus = false
    }

    /// Works on Unicode scalars (not Characters) so the common ASCII case stays fast.
    static func scan(_ raw: some StringProtocol) -> Result<Scanned, PhoneNumberProblem> {
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
