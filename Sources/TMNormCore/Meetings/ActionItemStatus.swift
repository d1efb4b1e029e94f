/// Where an action item stands.
public enum ActionItemStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open, done, dropped

    /// For people, in both languages.
    public var words: (nb: String, en: String) {
        switch self {
        case .open: ("Åpen", "Open")
        case .done: ("Utført", "Done")
        case .dropped: ("Droppet", "Dropped")
        }
    }
}

/// A step on an action item.
public enum ActionItemStep: Sendable, Hashable {
    /// The owner reports it done (a note is optional).
    case complete(note: String)
    /// Given up (the note says why; required).
    case drop(note: String)
    /// Opened again after done or dropped (the note says why; required).
    case reopen(note: String)
}

/// The state machine: open → done | dropped; done | dropped → open (reopen). A refused step changes nothing.
public enum ActionItemMachine {
    /// The status after `step`, and the note to keep.
    public static func apply(_ step: ActionItemStep, to status: ActionItemStatus) throws(MeetingProblem) -> (ActionItemStatus, String) {
        switch (status, step) {
        case (.open, .complete(let note)):
            return (.done, note.trimmingCharacters(in: .whitespacesAndNewlines))
        case (.open, .drop(let note)):
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else {
                throw MeetingProblem(field: "note", norwegian: "Skriv hvorfor punktet droppes.", english: "Say why the item is dropped.")
            }
            return (.dropped, note)
        case (.done, .reopen(let note)), (.dropped, .reopen(let note)):
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else {
                throw MeetingProblem(
                    field: "note", norwegian: "Skriv hvorfor punktet åpnes igjen.", english: "Say why the item is opened again.")
            }
            return (.open, note)
        case (.done, _), (.dropped, _):
            throw MeetingProblem(
                field: "status", norwegian: "Punktet er allerede lukket (\(status.words.nb.lowercased())).",
                english: "The item is already closed (\(status.words.en.lowercased())).")
        case (.open, .reopen):
            throw MeetingProblem(field: "status", norwegian: "Punktet er allerede åpent.", english: "The item is already open.")
        }
    }
}
