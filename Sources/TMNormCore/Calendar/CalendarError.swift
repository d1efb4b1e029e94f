/// Why a date, time or timestamp could not be read, or lies outside the years the calendar supports.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not of the form `YYYY-MM-DD`.
    case malformedDate(String)
    /// The month is not 1–12.
    case monthOutOfRange(Int)
    /// The day does not exist in that month (e.g. 30 February).
    case dayOutOfRange(year: Int, month: Int, day: Int)
    /// The year is outside what the function supports.
    case yearOutOfRange(Int, supported: ClosedRange<Int>)
    /// The text is not a time of day `HH:MM` or `HH:MM:SS`.
    case malformedTime(String)
    /// Hour, minute or second out of range (24:00 is not accepted as a time of day).
    case timeOutOfRange(hour: Int, minute: Int, second: Int)
    /// The text is not an ISO 8601 timestamp; `detail` says what is wrong.
    case malformedTimestamp(String, detail: TimestampProblem)

    public var description: String {
        switch self {
        case .malformedDate(let s):
            "'\(s)' is not a date: expected YYYY-MM-DD, e.g. 2026-05-17"
        case .monthOutOfRange(let m):
            "month \(m) does not exist: a month is 1–12"
        case .dayOutOfRange(let y, let m, let d):
            "day \(d) does not exist in \(y)-\(Self.pad(m)): it has \(LocalDate.daysInMonth(year: y, month: m)) days"
        case .yearOutOfRange(let y, let r):
            "year \(y) is not supported: years \(r.lowerBound)–\(r.upperBound) are"
        case .malformedTime(let s):
            "'\(s)' is not a time of day: expected HH:MM or HH:MM:SS, e.g. 09:00"
        case .timeOutOfRange(let h, let m, let s):
            "\(Self.pad(h)):\(Self.pad(m)):\(Self.pad(s)) is not a time of day: hours 0–23, minutes and seconds 0–59"
        case .malformedTimestamp(let s, let detail):
            "'\(s)' is not an ISO 8601 time (\(detail.description)): expected e.g. 2026-12-01T09:00:00+01:00, 2026-12-01T08:00:00Z or 2026-12-01T09:00 (Oslo time)"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .malformedDate(let s):
            "«\(s)» er ikke en dato: forventet ÅÅÅÅ-MM-DD, f.eks. 2026-05-17"
        case .monthOutOfRange(let m):
            "måned \(m) finnes ikke: en måned er 1–12"
        case .dayOutOfRange(let y, let m, let d):
            "dag \(d) finnes ikke i \(y)-\(Self.pad(m)): måneden har \(LocalDate.daysInMonth(year: y, month: m)) dager"
        case .yearOutOfRange(let y, let r):
            "år \(y) støttes ikke: årene \(r.lowerBound)–\(r.upperBound) støttes"
        case .malformedTime(let s):
            "«\(s)» er ikke et klokkeslett: forventet TT:MM eller TT:MM:SS, f.eks. 09:00"
        case .timeOutOfRange(let h, let m, let s):
            "\(Self.pad(h)):\(Self.pad(m)):\(Self.pad(s)) er ikke et klokkeslett: timer 0–23, minutter og sekunder 0–59"
        case .malformedTimestamp(let s, let detail):
            "«\(s)» er ikke et ISO 8601-tidspunkt (\(detail.norwegian)): forventet f.eks. 2026-12-01T09:00:00+01:00, 2026-12-01T08:00:00Z eller 2026-12-01T09:00 (norsk tid)"
        }
    }

    static func pad(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}

/// What is wrong with a timestamp text.
public enum TimestampProblem: Equatable, Sendable, CustomStringConvertible {
    case tooShort
    case missingTime
    case missingSeparator
    case badFraction
    case badOffset(String)
    indirect case badDate(CalendarError)
    indirect case badTime(CalendarError)

    public var description: String {
        switch self {
        case .tooShort: "too short"
        case .missingTime: "the time of day is missing"
        case .missingSeparator: "expected 'T' between date and time"
        case .badFraction: "bad fraction of a second"
        case .badOffset(let o): "bad UTC offset '\(o)'"
        case .badDate(let e), .badTime(let e): e.description
        }
    }

    /// The problem in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .tooShort: "for kort"
        case .missingTime: "klokkeslett mangler"
        case .missingSeparator: "forventet «T» mellom dato og klokkeslett"
        case .badFraction: "ugyldig brøkdel av et sekund"
        case .badOffset(let o): "ugyldig UTC-forskyvning «\(o)»"
        case .badDate(let e), .badTime(let e): e.norwegian
        }
    }
}
