/// Why a calling-rules question cannot be answered (bad input, not a "no").
public enum CallingRulesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The Oslo date of the question lies outside the years the rules can answer for.
    case outOfSupportedRange(LocalDate, supported: ClosedRange<Int>)
    /// A span whose end lies before its start.
    case endBeforeStart(start: String, end: String)
    /// Opening hours that do not open before they close.
    case invalidHours(opens: LocalTime, closes: LocalTime)
    /// No norm of that name is known.
    case unknownNorm(String, known: [String])

    public var description: String {
        switch self {
        case .outOfSupportedRange(let d, let r):
            "\(d.iso8601) is outside the supported years \(r.lowerBound)–\(r.upperBound) (Oslo time is exact from 1980, the holiday calendar ends in 2100)"
        case .endBeforeStart(let start, let end):
            "the end \(end) lies before the start \(start)"
        case .invalidHours(let opens, let closes):
            "opening hours \(opens.formatted)–\(closes.formatted) are empty: the opening time must come before the closing time"
        case .unknownNorm(let name, let known):
            "no industry norm is named '\(name)'; known: \(known.joined(separator: ", "))"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .outOfSupportedRange(let d, let r):
            "\(d.norwegianFormatted) er utenfor de støttede årene \(r.lowerBound)–\(r.upperBound) (norsk tid er nøyaktig fra 1980, helligdagskalenderen slutter i 2100)"
        case .endBeforeStart(let start, let end):
            "slutten \(end) ligger før starten \(start)"
        case .invalidHours(let opens, let closes):
            "åpningstiden \(opens.formatted)–\(closes.formatted) er tom: åpningstiden må komme før stengetiden"
        case .unknownNorm(let name, let known):
            "ingen bransjenorm heter «\(name)»; kjente: \(known.joined(separator: ", "))"
        }
    }
}
