/// An invitee's mark on a proposed time.
public enum Availability: String, Sendable, Hashable, Codable, CaseIterable {
    case yes, maybe, no

    public var words: (nb: String, en: String) {
        switch self {
        case .yes: ("Passer", "Suits me")
        case .maybe: ("Kanskje", "Maybe")
        case .no: ("Passer ikke", "Does not suit me")
        }
    }
}

/// The tally of one proposed time.
public struct PollOptionTally: Sendable, Hashable {
    public let option: String
    public let yes: Int
    public let maybe: Int
    public let no: Int
    /// Invitees who have not marked this option.
    public let unanswered: Int
}

/// A simple availability poll: options in order, invitees, and each invitee's marks.
public struct AvailabilityPoll: Sendable, Hashable {
    public let options: [String]
    public let invitees: [String]
    /// invitee → option → mark. Marks by someone not invited or on an unknown option are ignored.
    public private(set) var marks: [String: [String: Availability]]

    public init(options: [String], invitees: [String], marks: [String: [String: Availability]] = [:]) {
        self.options = options
        self.invitees = invitees
        self.marks = [:]
        for (invitee, row) in marks { try? mark(invitee: invitee, row) }
    }

    /// Records an invitee's marks (replacing earlier ones for the same options).
    public mutating func mark(invitee: String, _ row: [String: Availability]) throws(MeetingProblem) {
        guard invitees.contains(invitee) else {
            throw MeetingProblem(field: "invitee", norwegian: "Du er ikke invitert til dette møtet.", english: "You are not invited to this meeting.")
        }
        for option in row.keys where !options.contains(option) {
            throw MeetingProblem(field: "option", norwegian: "Ukjent tidspunkt: \(option).", english: "Unknown time: \(option).")
        }
        marks[invitee, default: [:]].merge(row) { _, new in new }
    }

    /// One tally per option, in the options' order.
    public var tally: [PollOptionTally] {
        options.map { option in
            var counts: [Availability: Int] = [:]
            for invitee in invitees {
                if let mark = marks[invitee]?[option] { counts[mark, default: 0] += 1 }
            }
            let answered = counts.values.reduce(0, +)
            return PollOptionTally(
                option: option, yes: counts[.yes] ?? 0, maybe: counts[.maybe] ?? 0, no: counts[.no] ?? 0, unanswered: invitees.count - answered)
        }
    }

    /// The option that suits most: most yes, then most maybe, then fewest no, then the earliest listed.
    public var best: String? {
        tally.enumerated().max { a, b in
            let l = (a.element.yes, a.element.maybe, -a.element.no, -a.offset)
            let r = (b.element.yes, b.element.maybe, -b.element.no, -b.offset)
            return l < r
        }?.element.option
    }
}
