import Fluent
import Foundation
import SQLKit
import TMNormCore

// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.

/// A network meeting of an association: proposed (a poll runs), scheduled, or cancelled.
final class MeetingModel: Model, @unchecked Sendable {
    static let schema = "meetings"

    enum Status: String, Sendable, CaseIterable {
        case proposed, scheduled, cancelled
    }

    @ID(key: .id) var id: UUID?
    /// The association whose meeting it is (the series).
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "title") var title: String
    @Field(key: "status") var statusRaw: String
    /// Oslo wall clock "YYYY-MM-DDTHH:MM:SS"; nil while a poll decides.
    @OptionalField(key: "start_local") var startLocal: String?
    @OptionalField(key: "starts_at") var startsAt: Date?
    @OptionalField(key: "ends_at") var endsAt: Date?
    @Field(key: "duration_minutes") var durationMinutes: Int
    @OptionalField(key: "place") var place: String?
    @OptionalField(key: "video_link") var videoLink: String?
    /// Raised on every change sent to invitees (the .ics SEQUENCE).
    @Field(key: "sequence") var sequence: Int
    /// The secretary's unpublished minutes (`MinutesDocument` as JSON).
    @OptionalField(key: "minutes_draft") var minutesDraft: String?
    /// When the minutes were opened to every member of the association (before: invitees only).
    @OptionalField(key: "members_published_at") var membersPublishedAt: Date?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var status: Status { Status(rawValue: statusRaw) ?? .scheduled }

    var start: LocalDateTime? {
        guard let startLocal, startLocal.utf8.count == 19 else { return nil }
        let parts = startLocal.split(separator: "T")
        guard parts.count == 2, let date = try? LocalDate(parsing: String(parts[0])), let time = try? LocalTime(parsing: String(parts[1]))
        else { return nil }
        return LocalDateTime(date: date, time: time)
    }

    func draft() -> MinutesDocument? {
        minutesDraft.flatMap { try? JSONDecoder().decode(MinutesDocument.self, from: Data($0.utf8)) }
    }
}

/// One agenda item, in order.
final class MeetingAgendaItemModel: Model, @unchecked Sendable {
    static let schema = "meeting_agenda_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "owner") var owner: String
    @OptionalField(key: "time_box_minutes") var timeBoxMinutes: Int?
    @Field(key: "notes") var notes: String
    /// Set when the item is an open action item carried over from an earlier meeting.
    @OptionalField(key: "action_item_id") var actionItemID: UUID?

    init() {}
}

/// An invited person (of an invited organisation, or by name): their answer and whether they attended.
final class MeetingInviteeModel: Model, @unchecked Sendable {
    static let schema = "meeting_invitees"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    /// SHA-256 of the answer link's token: the token itself is only in the e-mail.
    @Field(key: "token_hash") var tokenHash: String
    /// yes, no or maybe.
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @Field(key: "attended") var attended: Bool

    init() {}
}

/// A published version of the minutes: written once, never updated.
final class MeetingMinutesVersionModel: Model, @unchecked Sendable {
    static let schema = "meeting_minutes_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "version") var version: Int
    /// `MinutesDocument` as JSON.
    @Field(key: "document") var document: String
    @Field(key: "note") var note: String
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "published_by") var publishedBy: UUID

    init() {}

    func published() throws -> PublishedMinutes {
        PublishedMinutes(
            version: version, document: try JSONDecoder().decode(MinutesDocument.self, from: Data(document.utf8)), publishedAt: publishedAt,
            note: note)
    }
}

/// A decision in the register.
final class MeetingDecisionModel: Model, @unchecked Sendable {
    static let schema = "meeting_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "scope") var scope: String
    @Field(key: "sequence") var sequence: Int
    @Field(key: "year") var year: Int
    @Field(key: "text") var text: String
    /// guidelines, event, authorization or other.
    @Field(key: "subject") var subject: String
    @OptionalField(key: "effective_on") var effectiveOn: String?
    /// A path inside the site the decision concerns (a guideline version, an event, an authorization rule).
    @OptionalField(key: "concerns") var concerns: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var number: DecisionNumber { DecisionNumber(scope: scope, sequence: sequence) }
}

/// An action item: owner organisation and person, due day, status with a note.
final class MeetingActionItemModel: Model, @unchecked Sendable {
    static let schema = "meeting_action_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "title") var title: String
    @OptionalField(key: "owner_organisation_id") var ownerOrganisationID: UUID?
    @OptionalField(key: "owner_orgnr") var ownerOrgnr: String?
    @Field(key: "owner_name") var ownerName: String
    @OptionalField(key: "owner_email") var ownerEmail: String?
    /// "YYYY-MM-DD".
    @Field(key: "due") var due: String
    @Field(key: "status") var statusRaw: String
    @Field(key: "note") var note: String
    /// "YYYY-MM-DD": reminders never go out for days before this.
    @Field(key: "created_on") var createdOn: String
    /// SHA-256 of the token in the reminder's close link.
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    var status: ActionItemStatus { ActionItemStatus(rawValue: statusRaw) ?? .open }
}

/// Proposed times of a poll.
final class MeetingPollOptionModel: Model, @unchecked Sendable {
    static let schema = "meeting_poll_options"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "position") var position: Int
    /// Oslo wall clock "YYYY-MM-DDTHH:MM:SS".
    @Field(key: "start_local") var startLocal: String

    init() {}
}

/// An invitee's mark on a proposed time.
final class MeetingPollMarkModel: Model, @unchecked Sendable {
    static let schema = "meeting_poll_marks"

    @ID(key: .id) var id: UUID?
    @Field(key: "option_id") var optionID: UUID
    @Field(key: "invitee_id") var inviteeID: UUID
    @Field(key: "mark") var mark: String

    init() {}
}

/// A working group of an association: people from member organisations who may organise meetings.
final class MeetingWorkingGroupMemberModel: Model, @unchecked Sendable {
    static let schema = "meeting_working_group_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "association_id") var associationID: UUID
    @Field(key: "group_name") var groupName: String
    @Field(key: "user_id") var userID: UUID

    init() {}
}

/// Creates the meetings feature's tables.
struct CreateMeetings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("start_local", .string)
            .field("starts_at", .datetime)
            .field("ends_at", .datetime)
            .field("duration_minutes", .int, .required)
            .field("place", .string)
            .field("video_link", .string)
            .field("sequence", .int, .required)
            .field("minutes_draft", .string)
            .field("members_published_at", .datetime)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(MeetingAgendaItemModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("owner", .string, .required)
            .field("time_box_minutes", .int)
            .field("notes", .string, .required)
            .field("action_item_id", .uuid)
            .create()
        try await database.schema(MeetingInviteeModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid)
            .field("user_id", .uuid)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("answer", .string)
            .field("answered_at", .datetime)
            .field("attended", .bool, .required)
            .unique(on: "token_hash")
            .unique(on: "meeting_id", "email")
            .create()
        try await database.schema(MeetingMinutesVersionModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("document", .string, .required)
            .field("note", .string, .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .uuid, .required)
            .unique(on: "meeting_id", "version")
            .create()
        try await database.schema(MeetingDecisionModel.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("scope", .string, .required)
            .field("sequence", .int, .required)
            .field("year", .int, .required)
            .field("text", .string, .required)
            .field("subject", .string, .required)
            .field("effective_on", .string)
            .field("concerns", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "organisation_id", "scope", "sequence")
            .create()
        try await database.schema(MeetingActionItemModel.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("owner_organisation_id", .uuid)
            .field("owner_orgnr", .string)
            .field("owner_name", .string, .required)
            .field("owner_email", .string)
            .field("due", .string, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("created_on", .string, .required)
            .field("token_hash", .string, .required)
            .field("closed_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(MeetingPollOptionModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("start_local", .string, .required)
            .create()
        try await database.schema(MeetingPollMarkModel.schema)
            .id()
            .field("option_id", .uuid, .required, .references(MeetingPollOptionModel.schema, "id", onDelete: .cascade))
            .field("invitee_id", .uuid, .required, .references(MeetingInviteeModel.schema, "id", onDelete: .cascade))
            .field("mark", .string, .required)
            .unique(on: "option_id", "invitee_id")
            .create()
        try await database.schema(MeetingWorkingGroupMemberModel.schema)
            .id()
            .field("association_id", .uuid, .required)
            .field("group_name", .string, .required)
            .field("user_id", .uuid, .required)
            .unique(on: "association_id", "user_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX meetings_organisation ON meetings (organisation_id, starts_at)").run()
            try await sql.raw("CREATE INDEX meeting_action_items_status ON meeting_action_items (organisation_id, status, due)").run()
            try await sql.raw("CREATE INDEX meeting_decisions_year ON meeting_decisions (organisation_id, year)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            MeetingWorkingGroupMemberModel.schema, MeetingPollMarkModel.schema, MeetingPollOptionModel.schema, MeetingActionItemModel.schema,
            MeetingDecisionModel.schema, MeetingMinutesVersionModel.schema, MeetingInviteeModel.schema, MeetingAgendaItemModel.schema,
            MeetingModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
