/// What a phone field (a call list's phone column, a register delivery's number) holds. Washing turns
/// the four refusals into its `WashReason`s; the register import stores only `callable` keys.
enum PhoneFieldVerdict: Sendable, Equatable {
    /// A mobile or fixed 8-digit number; the key is the national number as an integer.
    case callable(key: UInt32)
    /// Nothing but white space.
    case missing
    /// Not a Norwegian number the numbering plan allocates.
    case invalid
    /// A number with a country code other than +47.
    case foreign
    /// A Norwegian number that is not a consumer line (M2M, special-rate, short numbers).
    case special
}

/// Classifies phone fields straight from their bytes.
///
/// Why a byte scanner: building a String per row and calling `PhoneNumber.parse` costs ~1 µs, i.e. ~10 s
/// for the 10 M-row benchmark list against a 1 s budget; the byte path handles the usual shapes
/// ("91234567", "912 34 567", "+47 912 34 567", "0047…", "4791234567") allocation-free and hands anything
/// else to `PhoneNumber.parse`, so both give identical results (a property test checks it).
struct PhoneFieldClassifier: Sendable {
    let table: PhoneAllocationTable
    /// Verdict code per 5-digit prefix of an 8-digit number (the table decides on at most 5 digits).
    private let codes: [UInt8]
    private let bucketDivisor: UInt32
    private let tenDigitsWith47IsNational: Bool
    private let eightDigitsAfterCountryCode: Bool
    private let eightDigitsNational: Bool

    private static let codeCallable: UInt8 = 0
    private static let codeSpecial: UInt8 = 1
    private static let codeInvalid: UInt8 = 2

    /// The classifier for the built-in plan, built once (100 000 table lookups).
    static let nkom2026 = PhoneFieldClassifier(table: .nkom2026)

    /// The shared classifier when `table` is the built-in plan, else a new one.
    static func forTable(_ table: PhoneAllocationTable) -> PhoneFieldClassifier {
        let builtIn = PhoneAllocationTable.nkom2026
        return table.name == builtIn.name && table.rules == builtIn.rules ? nkom2026 : PhoneFieldClassifier(table: table)
    }

    init(table: PhoneAllocationTable) {
        self.table = table
        let prefixDigits = PhoneAllocationTable.eightDigitPrefixLimit
        var divisor: UInt32 = 1
        for _ in 0..<(8 - prefixDigits) { divisor *= 10 }
        bucketDivisor = divisor
        let buckets = 100_000_000 / Int(divisor)
        codes = (0..<buckets).map { bucket in
            switch table.classify(eightDigit: UInt32(bucket) * divisor) {
            case .allocated(.mobile), .allocated(.fixed): Self.codeCallable
            case .allocated: Self.codeSpecial
            case .unallocated: Self.codeInvalid
            }
        }
        tenDigitsWith47IsNational = table.planLengths.contains(10)
        eightDigitsAfterCountryCode = table.internationalLengths.contains(8)
        eightDigitsNational = table.planLengths.contains(8)
    }

    /// The verdict for a field's bytes (quotes already removed) in the file's encoding.
    func verdict(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> PhoneFieldVerdict {
        switch fastKey(bytes) {
        case .key(let key):
            // A constant divisor compiles to a multiply; the table decides on at most 5 digits (10^3 buckets).
            let bucket = bucketDivisor == 1000 ? Int(key / 1000) : Int(key / bucketDivisor)
            switch codes[bucket] {
            case Self.codeCallable: return .callable(key: key)
            case Self.codeSpecial: return .special
            default: return .invalid
            }
        case .blank:
            return .missing
        case .unusual:
            return slowVerdict(TextDecoder.decode(bytes, as: encoding))
        }
    }

    /// The verdict through `PhoneNumber.parse` (the reference the fast path must agree with).
    func slowVerdict(_ text: String) -> PhoneFieldVerdict {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return .missing }
        switch PhoneNumber.parse(text, table: table) {
        case .valid(let number):
            switch number.kind {
            case .mobile, .fixed:
                guard let key = number.eightDigitKey else { return .special }
                return .callable(key: key)
            case .m2m, .special, .short: return .special
            case .foreign: return .foreign
            case .invalid: return .invalid
            }
        case .foreign: return .foreign
        case .invalid: return .invalid
        }
    }

    enum FastOutcome: Equatable {
        case key(UInt32)
        case blank
        case unusual
    }

    /// True when all eight bytes are ASCII digits (little-endian word).
    @inline(__always)
    static func isEightDigits(_ word: UInt64) -> Bool {
        ((word & 0xF0F0_F0F0_F0F0_F0F0) | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4))
            == 0x3333_3333_3333_3333
    }

    /// The value of eight ASCII digits, first digit in the lowest byte (three multiplies, as in fast_float).
    @inline(__always)
    static func parseEightDigits(_ word: UInt64) -> UInt32 {
        var v = ((word & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return UInt32(truncatingIfNeeded: ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32)
    }

    /// The 8-digit key for the common shapes; `.unusual` for anything the fast path does not decide.
    @inline(__always)
    func fastKey(_ bytes: UnsafeRawBufferPointer) -> FastOutcome {
        // The most common field, exactly eight digits, is checked and converted eight bytes at a time.
        if bytes.count == 8, eightDigitsNational, let base = bytes.baseAddress {
            let word = base.loadUnaligned(as: UInt64.self)
            if Self.isEightDigits(word) {
                let key = Self.parseEightDigits(word)
                if key >= 10_000_000 { return .key(key) }
            }
        }
        var value: UInt64 = 0
        var count = 0
        var plus = false
        var sawAnything = false
        for byte in bytes {
            let digit = byte &- 0x30
            if digit < 10 {
                if count == 18 { return .unusual }
                value = value &* 10 &+ UInt64(digit)
                count += 1
            } else if byte == 0x20 || byte == 0x09 {
                continue
            } else if byte == 0x2D || byte == 0x2E || byte == 0x28 || byte == 0x29 {
                sawAnything = true
            } else if byte == 0x2B && count == 0 && !plus {
                plus = true
            } else {
                return .unusual
            }
        }
        if count == 0 { return plus || sawAnything ? .unusual : .blank }
        let national: UInt64
        if count != 8 && !eightDigitsAfterCountryCode { return .unusual }
        if plus {
            guard count == 10, value / 100_000_000 == 47 else { return .unusual }
            national = value % 100_000_000
        } else if count == 12 {
            guard value / 100_000_000 == 47 else { return .unusual }  // "0047" + 8 digits
            national = value % 100_000_000
        } else if count == 10 {
            guard !tenDigitsWith47IsNational, value / 100_000_000 == 47 else { return .unusual }
            national = value % 100_000_000
        } else if count == 8 && eightDigitsNational {
            national = value
        } else {
            return .unusual
        }
        guard national >= 10_000_000 else { return .unusual }
        return .key(UInt32(national))
    }
}
