/// How the decisions register numbers decisions (policy, a setting of the association).
public enum DecisionNumbering: String, Sendable, Hashable, Codable, CaseIterable {
    /// `2007-12-17/1`: counted per meeting day.
    case perMeetingDate = "meeting_date"
    /// `2007/12`: running through the year.
    case perYear = "year"
}

/// A decision's number in the register: the scope (a day or a year) and the sequence within it.
public struct DecisionNumber: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// `2007-12-17` or `2007`.
    public let scope: String
    public let sequence: Int

    public init(scope: String, sequence: Int) {
        self.scope = scope
        self.sequence = sequence
    }

    public var description: String { "\(scope)/\(sequence)" }

    /// The year the number belongs to.
    public var year: Int { MeetingTimeInput.number(Array(scope.utf8.prefix(4))[...]) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.scope, lhs.sequence) < (rhs.scope, rhs.sequence) }

    /// The scope a decision at a meeting on `day` is numbered in.
    public static func scope(for day: LocalDate, numbering: DecisionNumbering) -> String {
        switch numbering {
        case .perMeetingDate: day.iso8601
        case .perYear: day.iso8601.prefix(4).description
        }
    }

    /// The number the next decision gets, given the numbers already in the register.
    public static func next(after existing: [DecisionNumber], meetingDay: LocalDate, numbering: DecisionNumbering) -> DecisionNumber {
        let scope = scope(for: meetingDay, numbering: numbering)
        let last = existing.filter { $0.scope == scope }.map(\.sequence).max() ?? 0
        return DecisionNumber(scope: scope, sequence: last + 1)
    }

    /// Reads `2007-12-17/1` or `2007/3` (what the register's search box takes); nil for anything else.
    public static func parse(_ text: String) -> DecisionNumber? {
        let bytes = Array(text.utf8)
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let scope = bytes[..<slash]
        let tail = bytes[(slash + 1)...]
        guard (1...6).contains(tail.count), let sequence = MeetingTimeInput.number(tail), sequence >= 1 else { return nil }
        let scopeText = String(decoding: scope, as: UTF8.self)
        switch scope.count {
        case 4:
            guard let year = MeetingTimeInput.number(scope), year >= 1 else { return nil }
            _ = year
        case 10:
            guard (try? LocalDate(parsing: scopeText)) != nil else { return nil }
        default:
            return nil
        }
        return DecisionNumber(scope: scopeText, sequence: sequence)
    }
}
