/// The raw bytes of a row's person fields (trimmed here; an absent column is an empty buffer).
struct PersonFieldBytes {
    var firstName = UnsafeRawBufferPointer(start: nil, count: 0)
    var lastName = UnsafeRawBufferPointer(start: nil, count: 0)
    var street = UnsafeRawBufferPointer(start: nil, count: 0)
    var houseNumber = UnsafeRawBufferPointer(start: nil, count: 0)
    var houseLetter = UnsafeRawBufferPointer(start: nil, count: 0)
    var postcode = UnsafeRawBufferPointer(start: nil, count: 0)
}

/// `PersonIdentity(...)?.key` computed straight from field bytes, with no String per field: through
/// Strings the person columns cost ~1 µs a row, most of a 10 M-row person-matched wash (bench/README.md).
///
/// It reads text whose scalars all lie in the folding table (ASCII without controls but tab, Latin-1,
/// Latin Extended-A/B), where every scalar is a Character of its own, so splitting into words by scalars
/// is what the String path does by Characters. Anything else — another script, a combining mark, a
/// letter the table does not spell, bytes that are not UTF-8, a field longer than `maxFieldBytes` — is
/// `.needsText`, and the caller takes the String path. `PersonKeyReaderTests` compares both on random text.
final class PersonKeyReader {
    /// What the fields give.
    enum Outcome: Equatable {
        case key(UInt64)
        /// No identity (`PersonIdentity.init` would return nil).
        case noIdentity
        /// Text this reader does not handle: take the String path.
        case needsText
    }

    /// Longest field, in bytes after trimming, read here.
    static let maxFieldBytes = 256
    private static let m = maxFieldBytes

    /// Scalars: first, last, street, house number, house letter (m each), the split street (m) and the
    /// house number with its letters (3m).
    private let scalars = UnsafeMutablePointer<UInt16>.allocate(capacity: 9 * PersonKeyReader.m)
    /// Word bounds of a split address.
    private let wordBounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * PersonKeyReader.m + 2)
    /// The canonical form (`PersonIdentity.canonicalForm`), assembled in place: each part takes at most
    /// 4 bytes per scalar (a space and 3 folded bytes) plus the street's suffix growth.
    private static let canonicalCapacity = 16 + 4 * (2 * m) + 4 + 4 * m + 16 + 4 * (3 * m) + 16
    private let canonical = UnsafeMutablePointer<UInt8>.allocate(capacity: PersonKeyReader.canonicalCapacity)
    private let table = UnsafeMutablePointer<UInt32>.allocate(capacity: PersonTextFolding.tableSize)
    /// Whether a one-scalar Character is a letter (`Character.isLetter`), for the house letter of a split.
    private let letters = UnsafeMutablePointer<Bool>.allocate(capacity: PersonTextFolding.tableSize)
    /// Windows-1252 text: only ASCII is read here (its other bytes decode differently from UTF-8).
    private let asciiOnly: Bool

    init(encoding: TextEncoding) {
        asciiOnly = encoding == .windows1252
        table.initialize(from: PersonTextFolding.table, count: PersonTextFolding.tableSize)
        for v in 0..<PersonTextFolding.tableSize {
            letters[v] = Unicode.Scalar(UInt32(v)).map { Character($0).isLetter } ?? false
        }
    }

    deinit {
        scalars.deallocate()
        wordBounds.deallocate()
        canonical.deallocate()
        table.deallocate()
        letters.deallocate()
    }

    /// The key the String path gives for the same fields. `splitAddress`: an empty house number takes
    /// the number from the street ("Storgata 12 B"), as list washing does (the register does not).
    func key(_ fields: PersonFieldBytes, splitAddress: Bool) -> Outcome {
        // The postcode first, as `PersonIdentity.init` does: any byte but a digit, space or tab fails in
        // every encoding.
        var code: UInt32 = 0
        var digits = 0
        for byte in fields.postcode where byte != 0x20 && byte != 0x09 {
            guard byte &- 0x30 < 10, digits < 4 else { return .noIdentity }
            code = code << 8 | UInt32(byte)
            digits += 1
        }
        guard digits == 4 else { return .noIdentity }

        let m = Self.m
        let first = scalars
        let last = scalars + m
        let streetField = scalars + 2 * m
        let numberField = scalars + 3 * m
        let letterField = scalars + 4 * m
        guard let firstCount = decode(fields.firstName, into: first), let lastCount = decode(fields.lastName, into: last),
            var streetCount = decode(fields.street, into: streetField),
            var numberCount = decode(fields.houseNumber, into: numberField),
            let letterCount = decode(fields.houseLetter, into: letterField)
        else { return .needsText }
        var street = streetField
        var number = numberField
        if numberCount == 0 && splitAddress {
            street = scalars + 5 * m
            number = scalars + 6 * m
            (streetCount, numberCount) = split(streetField, streetCount, street: street, number: number)
        }
        if letterCount > 0 {
            if number == numberField {
                // The letter is appended in the roomier region the split uses.
                (scalars + 6 * m).update(from: numberField, count: numberCount)
                number = scalars + 6 * m
            }
            number[numberCount] = 0x20
            (number + numberCount + 1).update(from: letterField, count: letterCount)
            numberCount += 1 + letterCount
        }

        // "v1␟last␟first␟postcode␟street␟number", folded in place.
        let out = canonical
        out[0] = 0x76
        out[1] = 0x31
        out[2] = 0x1F
        var at = 3
        guard let lastLength = fold(last, lastCount, into: out + at)?.count else { return .needsText }
        at += lastLength
        out[at] = 0x1F
        at += 1
        guard let firstLength = fold(first, firstCount, into: out + at)?.count else { return .needsText }
        var given = 0
        while given < firstLength && out[at + given] != 0x20 { given += 1 }
        at += given
        out[at] = 0x1F
        out[at + 1] = UInt8(truncatingIfNeeded: code >> 24)
        out[at + 2] = UInt8(truncatingIfNeeded: code >> 16)
        out[at + 3] = UInt8(truncatingIfNeeded: code >> 8)
        out[at + 4] = UInt8(truncatingIfNeeded: code)
        out[at + 5] = 0x1F
        at += 6
        guard let streetFold = fold(street, streetCount, into: out + at) else { return .needsText }
        let (streetFolded, abbreviated) = (streetFold.count, streetFold.abbreviated)
        let streetLength = PersonNormalizer.streetInPlace(
            UnsafeMutableBufferPointer(start: out + at, count: streetFolded + PersonNormalizer.maxSuffixGrowth),
            folded: streetFolded, abbreviated: abbreviated)
        at += streetLength
        out[at] = 0x1F
        at += 1
        guard let numberFolded = fold(number, numberCount, into: out + at)?.count else { return .needsText }
        let kept = PersonNormalizer.houseNumberInPlace(UnsafeMutableBufferPointer(start: out + at, count: numberFolded), folded: numberFolded)
        if kept.lowerBound > 0 { (out + at).update(from: out + at + kept.lowerBound, count: kept.count) }
        at += kept.count
        guard lastLength > 0, given > 0, streetLength > 0 else { return .noIdentity }
        return .key(PersonIdentity.key(canonical: UnsafeRawBufferPointer(start: out, count: at)))
    }

    /// The trimmed field as scalars; nil when it holds anything this reader leaves to the String path.
    @inline(__always)
    private func decode(_ raw: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt16>) -> Int? {
        let bytes = TextDecoder.trimmed(raw)
        guard bytes.count <= Self.m else { return nil }
        var i = 0
        var n = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                guard b >= 0x20 || b == 0x09, b != 0x7F else { return nil }
                out[n] = UInt16(b)
                i += 1
            } else {
                // Two-byte UTF-8 for U+0080…U+024F (lead bytes C2…C9) only.
                guard !asciiOnly, b >= 0xC2, b <= 0xC9, i + 1 < bytes.count else { return nil }
                let c = bytes[i + 1]
                guard c & 0xC0 == 0x80 else { return nil }
                let v = UInt16(b & 0x1F) << 6 | UInt16(c & 0x3F)
                guard v < UInt16(PersonTextFolding.tableSize) else { return nil }
                out[n] = v
                i += 2
            }
            n += 1
        }
        return n
    }

    /// `PersonTextFolding.fold` on scalars of the table; nil for a letter the table does not spell.
    @inline(__always)
    private func fold(_ text: UnsafeMutablePointer<UInt16>, _ n: Int, into out: UnsafeMutablePointer<UInt8>) -> (count: Int, abbreviated: Bool)? {
        var count = 0
        var pendingSpace = false
        var abbreviated = false
        for i in 0..<n {
            let v = text[i]
            let entry = table[Int(v)]
            if entry == PersonTextFolding.separator {
                if v == 0x2E && count > 0 && !pendingSpace { abbreviated = true }
                if count > 0 { pendingSpace = true }
                continue
            }
            if entry == PersonTextFolding.drop { continue }
            if entry & 0x8000_0000 != 0 { return nil }
            if pendingSpace {
                out[count] = 0x20
                count += 1
                pendingSpace = false
            }
            abbreviated = false
            var packed = entry
            while packed != 0 {
                out[count] = UInt8(truncatingIfNeeded: packed)
                count += 1
                packed >>= 8
            }
        }
        return (count, abbreviated)
    }

    /// `PersonIdentity.splitStreetAndNumber` on scalars (each one a Character here).
    private func split(
        _ text: UnsafeMutablePointer<UInt16>, _ n: Int, street: UnsafeMutablePointer<UInt16>, number: UnsafeMutablePointer<UInt16>
    ) -> (street: Int, number: Int) {
        var words = 0
        var i = 0
        while i < n {
            while i < n && Self.isWordBreak(text[i]) { i += 1 }
            guard i < n else { break }
            wordBounds[2 * words] = i
            while i < n && !Self.isWordBreak(text[i]) { i += 1 }
            wordBounds[2 * words + 1] = i
            words += 1
        }
        func start(_ w: Int) -> Int { wordBounds[2 * w] }
        func length(_ w: Int) -> Int { wordBounds[2 * w + 1] - wordBounds[2 * w] }
        var index = 1
        while index < words && !(0x30...0x39).contains(text[start(index)]) { index += 1 }
        var streetLength = 0
        for w in 0..<min(index, words) {
            if w > 0 {
                street[streetLength] = 0x20
                streetLength += 1
            }
            (street + streetLength).update(from: text + start(w), count: length(w))
            streetLength += length(w)
        }
        guard index < words else { return (streetLength, 0) }
        var numberLength = length(index)
        number.update(from: text + start(index), count: numberLength)
        let next = index + 1
        if next < words, length(next) == 1, letters[Int(text[start(next)])] {
            number[numberLength] = 0x20
            number[numberLength + 1] = text[start(next)]
            numberLength += 2
        } else if next + 1 < words, length(next) == 1, text[start(next)] == 0x2D, length(next + 1) == 1,
            letters[Int(text[start(next + 1)])]
        {
            number[numberLength] = 0x2D
            number[numberLength + 1] = text[start(next + 1)]
            numberLength += 2
        }
        return (streetLength, numberLength)
    }

    /// The separators of `splitStreetAndNumber`: space, tab, comma, no-break space.
    @inline(__always)
    private static func isWordBreak(_ v: UInt16) -> Bool { v == 0x20 || v == 0x09 || v == 0x2C || v == 0xA0 }
}
