/// A refused meeting input or step: the field it concerns and the reason in Norwegian and English.
public struct MeetingProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The form field or API property, e.g. `start`, `agenda[2].time_box`.
    public let field: String
    public let norwegian: String
    public let english: String

    public init(field: String, norwegian: String, english: String) {
        self.field = field
        self.norwegian = norwegian
        self.english = english
    }

    public var description: String { "\(field): \(english)" }

    static let meetingInPast = MeetingProblem(
        field: "start", norwegian: "Møtet kan ikke legges til et tidspunkt som har vært.", english: "The meeting cannot be set in the past.")
    static let dueBeforeMeeting = MeetingProblem(
        field: "due", norwegian: "Fristen kan ikke være før møtet.", english: "The due date cannot be before the meeting.")
}
