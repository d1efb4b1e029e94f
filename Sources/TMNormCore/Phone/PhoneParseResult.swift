/// Outcome of parsing user input.
public enum PhoneParseResult: Sendable, Equatable {
    case valid(PhoneNumber)
    /// A non-Norwegian number (e.g. +46…, 0046…).
    case foreign(input: String, reason: String)
    /// Empty, letters, wrong length, unallocated range …
    case invalid(input: String, reason: String)

    /// The kind to report: the number's kind, or `.foreign` / `.invalid`.
    public var kind: PhoneKind {
        switch self {
        case .valid(let number): number.kind
        case .foreign: .foreign
        case .invalid: .invalid
        }
    }

    /// The parsed number, when valid.
    public var number: PhoneNumber? {
        if case .valid(let number) = self { return number }
        return nil
    }

    /// The reason, when not valid.
    public var reason: String? {
        switch self {
        case .valid: nil
        case .foreign(_, let reason), .invalid(_, let reason): reason
        }
    }
}
