/// A parsed, valid Norwegian number.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The national digits: "91234567", 5-digit "02000", short "113", 12-digit M2M "580012345678".
    public let national: String
    /// Never `.foreign` or `.invalid`.
    public let kind: PhoneKind

    init(national: String, kind: PhoneKind) {
        self.national = national
        self.kind = kind
    }

    /// "+4791234567". Short and 5-digit numbers get the same form ("+47113") so every number has one
    /// unique key, although they cannot be dialled from abroad.
    public var e164: String { "+47" + national }

    /// The 8-digit national number as an integer 0..<100_000_000 (nil for 5-digit, short and 12-digit
    /// numbers) — the key of register bitsets.
    public var eightDigitKey: UInt32? {
        guard national.utf8.count == 8 else { return nil }
        var key: UInt32 = 0
        for byte in national.utf8 { key = key * 10 + UInt32(byte &- 48) }
        return key
    }

    public var description: String { e164 }

    /// Parses user input ("+47 912 34 567", "0047…", "912 34 567", "47 91234567", "02000", "113", …).
    public static func parse(
        _ raw: some StringProtocol, table: PhoneAllocationTable = .nkom2026
    ) -> PhoneParseResult {
        let input = String(raw)
        switch validate(input, table: table) {
        case .success(let number):
            return .valid(number)
        case .failure(let problem):
            return problem.isForeign
                ? .foreign(input: input, reason: problem.description)
                : .invalid(input: input, reason: problem.description)
        }
    }

    /// Like `parse`, but with the typed problem (which also has a Norwegian text).
    public static func validate(
        _ raw: some StringProtocol, table: PhoneAllocationTable = .nkom2026
    ) -> Result<PhoneNumber, PhoneNumberProblem> {
        let scanned: PhoneInputScanner.Scanned
        switch PhoneInputScanner.scan(String(raw)) {
        case .success(let value): scanned = value
        case .failure(let problem): return .failure(problem)
        }
        let digits = scanned.digits
        guard !digits.isTooLong else {
            return .failure(.wrongLength(digits: digits.count, planLengths: table.planLengths))
        }

        // "+…" is international; so is "00…" unless it has 5 digits (5-digit numbers 0xxxx are national)
        // or fewer than 4 (too short to hold a country code).
        let afterPrefix: PhoneDigits?
        if scanned.hasPlus {
            afterPrefix = digits
        } else if digits.count >= 4 && digits.count != 5 && digits.hasPrefix(0, length: 2) {
            afterPrefix = digits.dropFirst(2)
        } else {
            afterPrefix = nil
        }
        if let afterPrefix {
            guard afterPrefix.hasPrefix(47, length: 2) else {
                return .failure(.foreign(international: "+" + afterPrefix.string))
            }
            let rest = afterPrefix.dropFirst(2)
            guard table.internationalLengths.contains(rest.count) else {
                return .failure(.wrongLengthAfterCountryCode(digits: rest.count, internationalLengths: table.internationalLengths.sorted()))
            }
            return classify(rest, table: table)
        }
        // "47 91234567": the country code without '+', only where no national number has that length.
        if !table.planLengths.contains(digits.count), digits.hasPrefix(47, length: 2),
            table.internationalLengths.contains(digits.count - 2)
        {
            return classify(digits.dropFirst(2), table: table)
        }
        if !table.planLengths.contains(digits.count) {
            return .failure(.wrongLength(digits: digits.count, planLengths: table.planLengths))
        }
        return classify(digits, table: table)
    }

    private static func classify(
        _ digits: PhoneDigits, table: PhoneAllocationTable
    ) -> Result<PhoneNumber, PhoneNumberProblem> {
        guard let (classification, range) = table.classify(digits) else {
            return .failure(.wrongLength(digits: digits.count, planLengths: table.planLengths))
        }
        switch classification {
        case .allocated(let kind):
            return .success(PhoneNumber(national: digits.string, kind: kind))
        case .unallocated(let reason):
            return .failure(.unallocated(range: range, reason: reason, plan: table.name))
        }
    }

    private enum CodingKeys: String, CodingKey { case national, kind }

    /// Decodes `{"national": …, "kind": …}` and re-validates the number against the current plan.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let national = try container.decode(String.self, forKey: .national)
        switch Self.validate(national) {
        case .success(let number) where number.national == national:
            self = number
        case .success:
            throw DecodingError.dataCorruptedError(
                forKey: .national, in: container, debugDescription: "'\(national)' is not a national number")
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(
                forKey: .national, in: container, debugDescription: problem.description)
        }
    }
}

extension PhoneNumber {
    /// Fast classification of an 8-digit national number given as integer (hot path for washing 10 M rows; no allocation).
    public static func classify(eightDigit: UInt32) -> PhoneClassification {
        // Reads the shared table in place: a defaulted `table:` parameter would copy it on every call.
        PhoneAllocationTable.nkom2026.classify(eightDigit: eightDigit)
    }

    /// The same against another numbering plan.
    public static func classify(eightDigit: UInt32, table: PhoneAllocationTable) -> PhoneClassification {
        table.classify(eightDigit: eightDigit)
    }
}
