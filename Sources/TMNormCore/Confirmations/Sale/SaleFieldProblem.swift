/// One problem with one field of a sale body; `field` is a JSON path such as "consumer.phone".
public struct SaleFieldProblem: Error, Sendable, Equatable, Encodable, CustomStringConvertible {
    /// "price.amount", "consumer", "$" for the body itself.
    public let field: String
    public let reason: SaleFieldReason

    public init(field: String, reason: SaleFieldReason) {
        self.field = field
        self.reason = reason
    }

    /// "price.amount: '12a' is not an amount: …".
    public var description: String { "\(field): \(reason.description)" }

    /// The same in Norwegian bokmål.
    public var norwegian: String { "\(field): \(reason.norwegian)" }

    enum CodingKeys: String, CodingKey { case field, code, message, messageNorwegian = "message_nb" }

    /// `{"field", "code", "message", "message_nb"}`, ready for an RFC 9457 problem document.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(field, forKey: .field)
        try c.encode(reason.code, forKey: .code)
        try c.encode(reason.description, forKey: .message)
        try c.encode(reason.norwegian, forKey: .messageNorwegian)
    }
}

/// Every problem found in a sale body, in field order; thrown by `SaleValidator`.
public struct SaleValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [SaleFieldProblem]

    public init(problems: [SaleFieldProblem]) { self.problems = problems }

    /// The fields named, in order ("consumer.phone", "price.amount").
    public var fields: [String] { problems.map(\.field) }

    public var description: String { problems.map(\.description).joined(separator: "; ") }

    /// The same in Norwegian bokmål.
    public var norwegian: String { problems.map(\.norwegian).joined(separator: "; ") }
}

/// Why a field of a sale body is not acceptable.
public enum SaleFieldReason: Sendable, Equatable {
    case missing
    case wrongType(expected: String, expectedNorwegian: String, found: SaleJSONValue)
    case empty
    case tooLong(characters: Int, maximum: Int)
    /// Control or bidirectional-override characters, which could hide or reorder text in an offer.
    case forbiddenCharacter(scalar: UInt32)
    case phoneOrEmailRequired
    case phoneInvalid(PhoneNumberProblem)
    case phoneNotMobile(PhoneKind)
    case emailInvalid(EmailAddressProblem)
    case amount(MoneyProblem)
    case currency(MoneyProblem)
    case unknownPeriod(String)
    case bindingMonthsOutOfRange(Int64, allowed: ClosedRange<Int>)
    case date(CalendarError)
    case startDateInPast(LocalDate, today: LocalDate)
    case startDateTooFarAhead(LocalDate, latest: LocalDate)
    /// A value outside a fixed list (`return_costs`: consumer or seller).
    case notOneOf([String])

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .missing: "missing"
        case .wrongType: "wrong_type"
        case .empty: "empty"
        case .tooLong: "too_long"
        case .forbiddenCharacter: "forbidden_character"
        case .phoneOrEmailRequired: "phone_or_email_required"
        case .phoneInvalid: "phone_invalid"
        case .phoneNotMobile: "phone_not_mobile"
        case .emailInvalid: "email_invalid"
        case .amount: "amount_invalid"
        case .currency: "currency_unsupported"
        case .unknownPeriod: "period_unknown"
        case .bindingMonthsOutOfRange: "binding_months_out_of_range"
        case .date: "date_invalid"
        case .startDateInPast: "start_date_in_past"
        case .startDateTooFarAhead: "start_date_too_far_ahead"
        case .notOneOf: "not_allowed_value"
        }
    }
}
