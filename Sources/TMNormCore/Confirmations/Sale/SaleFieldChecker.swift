import Foundation

/// Collects field problems while reading one sale body (used only by `SaleValidator`).
struct SaleFieldChecker {
    private(set) var problems: [SaleFieldProblem] = []

    mutating func add(_ field: String, _ reason: SaleFieldReason) {
        problems.append(SaleFieldProblem(field: field, reason: reason))
    }

    /// Absent, null, or a string of only whitespace: optional fields treat all three alike, as web forms send "".
    func isAbsent(_ value: SaleJSONValue?) -> Bool {
        switch value {
        case .none, .null?: true
        case .string(let s)?: s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        default: false
        }
    }

    mutating func object(_ field: String, _ value: SaleJSONValue?) -> SaleJSONValue? {
        switch value {
        case .object?: return value
        case .none, .null?: add(field, .missing)
        case let other?: add(field, .wrongType(expected: "an object", expectedNorwegian: "et objekt", found: other))
        }
        return nil
    }

    /// A trimmed string within `maximum` characters, free of control and direction characters.
    mutating func string(
        _ field: String, _ value: SaleJSONValue?, maximum: Int, required: Bool = true, multiline: Bool = false
    ) -> String? {
        guard let value, value != .null else {
            if required { add(field, .missing) }
            return nil
        }
        guard case .string(let raw) = value else {
            add(field, .wrongType(expected: "a string", expectedNorwegian: "en tekst", found: value))
            return nil
        }
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { add(field, .empty) }
            return nil
        }
        if let bad = text.unicodeScalars.first(where: { Self.isForbidden($0, multiline: multiline) }) {
            add(field, .forbiddenCharacter(scalar: bad.value))
            return nil
        }
        guard text.count <= maximum else {
            add(field, .tooLong(characters: text.count, maximum: maximum))
            return nil
        }
        return text
    }

    mutating func phone(_ field: String, _ value: SaleJSONValue?, limits: SaleInputLimits) -> PhoneNumber? {
        guard !isAbsent(value), let raw = string(field, value, maximum: limits.rawPhoneLength) else { return nil }
        switch PhoneNumber.validate(raw) {
        case .failure(let problem):
            add(field, .phoneInvalid(problem))
            return nil
        case .success(let number) where number.kind != .mobile:
            add(field, .phoneNotMobile(number.kind))
            return nil
        case .success(let number):
            return number
        }
    }

    mutating func email(_ field: String, _ value: SaleJSONValue?) -> EmailAddress? {
        guard !isAbsent(value), let raw = string(field, value, maximum: EmailAddress.maximumLength + 10) else { return nil }
        do { return try EmailAddress(raw) } catch {
            add(field, .emailInvalid(error))
            return nil
        }
    }

    mutating func amount(_ field: String, _ value: SaleJSONValue?, maximumOre: Int64) -> MoneyAmount? {
        if case .integer? = value { return wrongAmountType(field, value) }
        if case .number? = value { return wrongAmountType(field, value) }
        guard let raw = string(field, value, maximum: 40) else { return nil }
        do { return try MoneyAmount(parsing: raw, maximumOre: maximumOre) } catch {
            add(field, .amount(error))
            return nil
        }
    }

    /// A JSON number is refused: a decimal string keeps øre exact ("199.90", not 199.9 as binary floating point).
    private mutating func wrongAmountType(_ field: String, _ value: SaleJSONValue?) -> MoneyAmount? {
        if let value {
            add(field, .wrongType(expected: "a decimal string such as \"199.00\"", expectedNorwegian: "en desimaltekst som «199.00»", found: value))
        }
        return nil
    }

    /// Absent currency means NOK; anything else must say NOK.
    mutating func currency(_ field: String, _ value: SaleJSONValue?) -> Bool {
        if isAbsent(value) { return true }
        guard let code = string(field, value, maximum: 10) else { return false }
        do {
            try MoneyAmount.checkCurrency(code)
            return true
        } catch {
            add(field, .currency(error))
            return false
        }
    }

    mutating func period(_ field: String, _ value: SaleJSONValue?) -> PricePeriod? {
        guard let raw = string(field, value, maximum: 20) else { return nil }
        guard let period = PricePeriod(apiValue: raw) else {
            add(field, .unknownPeriod(raw))
            return nil
        }
        return period
    }

    mutating func integer(_ field: String, _ value: SaleJSONValue?, range: ClosedRange<Int>) -> Int? {
        switch value {
        case .none, .null?:
            add(field, .missing)
        case .integer(let n)?:
            guard n >= Int64(range.lowerBound), n <= Int64(range.upperBound) else {
                add(field, .bindingMonthsOutOfRange(n, allowed: range))
                return nil
            }
            return Int(n)
        case let other?:
            add(field, .wrongType(expected: "a whole number", expectedNorwegian: "et heltall", found: other))
        }
        return nil
    }

    mutating func date(_ field: String, _ value: SaleJSONValue?, today: LocalDate?, limits: SaleInputLimits) -> LocalDate? {
        guard !isAbsent(value), let raw = string(field, value, maximum: 20) else { return nil }
        let date: LocalDate
        do { date = try LocalDate(parsing: raw) } catch {
            add(field, .date(error))
            return nil
        }
        if let today {
            let latest = today.adding(days: limits.maximumStartDaysAhead)
            if date < today {
                add(field, .startDateInPast(date, today: today))
                return nil
            }
            if date > latest {
                add(field, .startDateTooFarAhead(date, latest: latest))
                return nil
            }
        }
        return date
    }

    /// C0/C1 controls (tab and newline allowed in multi-line text), line/paragraph separators and the
    /// bidirectional controls that can make an offer display differently from what it says.
    static func isForbidden(_ s: Unicode.Scalar, multiline: Bool) -> Bool {
        switch s.value {
        case 0x09, 0x0A: !multiline
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
