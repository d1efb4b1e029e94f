/// The members' recruitment: how many each brought, and who is reminded.
public enum Recruitment {
    /// One member's line of the league table.
    public struct Line: Sendable, Hashable {
        public let member: String
        public var confirmed: Int
        public var waitlisted: Int
        public var cancelled: Int

        public init(member: String, confirmed: Int = 0, waitlisted: Int = 0, cancelled: Int = 0) {
            self.member = member
            self.confirmed = confirmed
            self.waitlisted = waitlisted
            self.cancelled = cancelled
        }

        /// Those brought who still come or wait.
        public var brought: Int { confirmed + waitlisted }
    }

    /// The table: every member (also those with none), most confirmed first, then most waiting, then by name.
    public static func table(members: [String], registrations: [(member: String, status: RegistrationStatus)]) -> [Line] {
        var lines: [String: Line] = [:]
        for member in members { lines[member] = Line(member: member) }
        for registration in registrations {
            var line = lines[registration.member] ?? Line(member: registration.member)
            switch registration.status {
            case .confirmed: line.confirmed += 1
            case .waitlisted: line.waitlisted += 1
            case .cancelled: line.cancelled += 1
            }
            lines[registration.member] = line
        }
        return lines.values.sorted { ($1.confirmed, $1.waitlisted, $0.member) < ($0.confirmed, $0.waitlisted, $1.member) }
    }

    /// Days before the deadline the reminder goes to members that have brought no one.
    public static let reminderDays = 14

    /// The day the reminder is due.
    public static func reminderDay(deadline: LocalDate) -> LocalDate { deadline.adding(days: -reminderDays) }

    /// Whether the reminder is due on `today`: from its day until the deadline.
    public static func reminderDue(deadline: LocalDate, today: LocalDate) -> Bool {
        today >= reminderDay(deadline: deadline) && today <= deadline
    }
}

/// Feedback after the day: a score of 1–5 per slot and a comment.
public enum Feedback {
    public static let maximumComment = 2_000

    /// "1" … "5", surrounding space allowed; anything else is nil.
    public static func score(_ text: String) -> Int? {
        let bytes = Array(text.utf8).filter { $0 != 0x20 && $0 != 0x09 }
        guard bytes.count == 1, let byte = bytes.first, byte >= 0x31, byte <= 0x35 else { return nil }
        return Int(byte - 0x30)
    }

    /// Average per slot with one decimal, nil without answers.
    public static func average(_ scores: [Int]) -> Double? {
        guard !scores.isEmpty else { return nil }
        return (Double(scores.reduce(0, +)) / Double(scores.count) * 10).rounded() / 10
    }
}
