import Foundation

/// One agenda item as entered: title, who owns it, the time box in minutes and notes.
public struct AgendaItemDraft: Sendable, Hashable, Codable {
    public var title: String
    public var owner: String
    public var timeBoxMinutes: Int?
    public var notes: String

    public init(title: String, owner: String = "", timeBoxMinutes: Int? = nil, notes: String = "") {
        self.title = title
        self.owner = owner
        self.timeBoxMinutes = timeBoxMinutes
        self.notes = notes
    }
}

/// A meeting as entered on the form or by the poll: checked by `MeetingPlan.validate`.
public struct MeetingDraft: Sendable, Hashable {
    public var title: String
    /// Wall-clock start in Europe/Oslo.
    public var start: LocalDateTime
    public var durationMinutes: Int
    public var place: String
    public var videoLink: String
    public var agenda: [AgendaItemDraft]

    public init(title: String, start: LocalDateTime, durationMinutes: Int, place: String = "", videoLink: String = "", agenda: [AgendaItemDraft] = [])
    {
        self.title = title
        self.start = start
        self.durationMinutes = durationMinutes
        self.place = place
        self.videoLink = videoLink
        self.agenda = agenda
    }
}

/// A checked meeting: the draft's values trimmed, with its start and end as instants.
public struct MeetingPlan: Sendable, Hashable {
    public let title: String
    public let start: LocalDateTime
    public let end: LocalDateTime
    public let startInstant: Date
    public let endInstant: Date
    public let place: String?
    public let videoLink: String?
    public let agenda: [AgendaItemDraft]

    /// Limits of the form (policy).
    public static let titleLimit = 200
    public static let durationRange = 15...(12 * 60)
    public static let timeBoxRange = 1...240
    public static let notesLimit = 4000
    public static let agendaLimit = 40

    /// Checks the draft against `now`; every problem found, in field order (empty means valid).
    public static func problems(_ draft: MeetingDraft, now: Date) -> [MeetingProblem] {
        var problems: [MeetingProblem] = []
        let title = draft.title.trimmed
        if title.isEmpty {
            problems.append(.init(field: "title", norwegian: "Møtet må ha en tittel.", english: "The meeting needs a title."))
        } else if title.count > titleLimit {
            problems.append(
                .init(
                    field: "title", norwegian: "Tittelen kan ha høyst \(titleLimit) tegn.",
                    english: "The title may have at most \(titleLimit) characters."))
        }
        if OsloTime.instant(for: draft.start) <= now { problems.append(.meetingInPast) }
        if !durationRange.contains(draft.durationMinutes) {
            problems.append(
                .init(
                    field: "duration", norwegian: "Varigheten må være mellom 15 minutter og 12 timer.",
                    english: "The duration must be between 15 minutes and 12 hours."))
        }
        let place = draft.place.trimmed
        let link = draft.videoLink.trimmed
        if place.isEmpty && link.isEmpty {
            problems.append(
                .init(field: "place", norwegian: "Oppgi et sted eller en videolenke.", english: "Give a place or a video link."))
        }
        if !link.isEmpty && !isWebLink(link) {
            problems.append(
                .init(
                    field: "video_link", norwegian: "Videolenken må begynne med https:// eller http://.",
                    english: "The video link must start with https:// or http://."))
        }
        if draft.agenda.count > agendaLimit {
            problems.append(
                .init(field: "agenda", norwegian: "Høyst \(agendaLimit) saker på agendaen.", english: "At most \(agendaLimit) agenda items."))
        }
        for (index, item) in draft.agenda.enumerated() {
            let field = "agenda[\(index + 1)]"
            if item.title.trimmed.isEmpty {
                problems.append(
                    .init(field: field + ".title", norwegian: "Sak \(index + 1) mangler tittel.", english: "Agenda item \(index + 1) has no title."))
            }
            if let box = item.timeBoxMinutes, !timeBoxRange.contains(box) {
                problems.append(
                    .init(
                        field: field + ".time_box", norwegian: "Tidsrammen for sak \(index + 1) må være 1–240 minutter.",
                        english: "The time box of agenda item \(index + 1) must be 1–240 minutes."))
            }
            if item.notes.count > notesLimit {
                problems.append(
                    .init(
                        field: field + ".notes", norwegian: "Notatene til sak \(index + 1) er for lange.",
                        english: "The notes of agenda item \(index + 1) are too long."))
            }
        }
        return problems
    }

    /// The checked plan, or the first problem.
    public static func validate(_ draft: MeetingDraft, now: Date) throws(MeetingProblem) -> MeetingPlan {
        if let first = problems(draft, now: now).first { throw first }
        let startInstant = OsloTime.instant(for: draft.start)
        let endInstant = startInstant.addingTimeInterval(TimeInterval(draft.durationMinutes * 60))
        let agenda = draft.agenda.map {
            AgendaItemDraft(title: $0.title.trimmed, owner: $0.owner.trimmed, timeBoxMinutes: $0.timeBoxMinutes, notes: $0.notes.trimmed)
        }
        let place = draft.place.trimmed
        let link = draft.videoLink.trimmed
        return MeetingPlan(
            title: draft.title.trimmed, start: draft.start, end: OsloTime.localDateTime(of: endInstant), startInstant: startInstant,
            endInstant: endInstant, place: place.isEmpty ? nil : place, videoLink: link.isEmpty ? nil : link, agenda: agenda)
    }

    /// An action item's due date may not be before the day of its meeting.
    public static func checkDue(_ due: LocalDate, meetingDay: LocalDate) throws(MeetingProblem) {
        if due < meetingDay { throw .dueBeforeMeeting }
    }

    /// Answers (yes/no/maybe) are taken until the meeting ends.
    public static func acceptsAnswers(meetingEnd: Date, now: Date) -> Bool { now < meetingEnd }

    static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !text.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
            && text.utf8.count > (lower.hasPrefix("https://") ? 8 : 7)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
