import Fluent
import Foundation
import SQLKit
import TMNormCore

/// An event of the association (the TM-dag): its details, capacity and registration deadline.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class EventModel: Model, @unchecked Sendable {
    static let schema = "events"

    @ID(key: .id) var id: UUID?
    /// The public address: /arrangementer/SLUG.
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    /// Oslo date "YYYY-MM-DD", and the day's start and end "HH:MM".
    @Field(key: "day") var day: String
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    /// The start as an instant (lists and the API sort by it).
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "venue") var venue: String
    @Field(key: "description") var details: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "dinner_capacity") var dinnerCapacity: Int
    /// The last day registrations are taken, "YYYY-MM-DD".
    @Field(key: "deadline") var deadline: String
    /// Prices in øre.
    @Field(key: "member_price") var memberPrice: Int
    @Field(key: "non_member_price") var nonMemberPrice: Int
    /// Shown on /arrangementer and in the API.
    @Field(key: "published") var published: Bool
    /// Registrations are numbered in order of arrival (the waiting list's order).
    @Field(key: "next_sequence") var nextSequence: Int
    @Field(key: "created_at") var createdAt: Date
    /// When the feedback invitations went out.
    @OptionalField(key: "feedback_sent_at") var feedbackSentAt: Date?

    init() {}

    var localDay: LocalDate? { try? LocalDate(parsing: day) }
    var deadlineDay: LocalDate? { try? LocalDate(parsing: deadline) }
    var seating: Seating { Seating(capacity: capacity, dinnerCapacity: dinnerCapacity) }

    func window(now: Date) -> RegistrationWindow {
        guard let day = localDay, let deadline = deadlineDay else { return .eventPast }
        return EventRules.registrationOpen(day: day, deadline: deadline, today: OsloTime.localDate(of: now))
    }

    func localDateTime(_ time: String) -> LocalDateTime? {
        guard let day = localDay, let time = try? LocalTime(parsing: time) else { return nil }
        return LocalDateTime(date: day, time: time)
    }
}

/// One slot of an event's programme.
final class ProgrammeSlotModel: Model, @unchecked Sendable {
    static let schema = "event_slots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "event_id") var event: EventModel
    /// "HH:MM" Oslo time on the event's day.
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    @Field(key: "title") var title: String
    @Field(key: "speaker") var speaker: String
    @Field(key: "kind") var kind: String

    init() {}

    var slot: ProgrammeSlot? {
        guard let start = try? LocalTime(parsing: startTime), let end = try? LocalTime(parsing: endTime) else { return nil }
        return ProgrammeSlot(start: start, end: end, title: title, speaker: speaker, kind: ProgrammeSlotKind(rawValue: kind) ?? .talk)
    }
}

/// A person given the organiser's role for one event (the working group's members).
final class EventOrganiserModel: Model, @unchecked Sendable {
    static let schema = "event_organisers"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A member organisation's invitation code for an event (`?via=CODE`), and when it was reminded.
final class EventInvitationModel: Model, @unchecked Sendable {
    static let schema = "event_invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "code") var code: String
    @OptionalField(key: "reminded_at") var remindedAt: Date?

    init() {}
}

/// One registration: who, whether for dinner, where it stands, and the hashes of its two links.
final class EventRegistrationModel: Model, @unchecked Sendable {
    static let schema = "event_registrations"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    /// Order of arrival within the event.
    @Field(key: "sequence") var sequence: Int
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    /// The address in lower case: one registration per address and event.
    @Field(key: "email_key") var emailKey: String
    /// The organisation as typed or picked.
    @Field(key: "organisation") var organisation: String
    /// The registered organisation it matched, when it did.
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "dinner") var dinner: Bool
    @Field(key: "diet") var diet: String
    @Field(key: "comment") var comment: String
    /// The member whose invitation link brought it.
    @OptionalField(key: "via_organisation_id") var viaOrganisationID: UUID?
    @Field(key: "status") var statusRaw: String
    @Field(key: "status_token_hash") var statusTokenHash: String
    @Field(key: "cancel_token_hash") var cancelTokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "arrived_at") var arrivedAt: Date?

    init() {}

    var status: RegistrationStatus { RegistrationStatus(rawValue: statusRaw) ?? .waitlisted }
    var holder: SeatHolder { SeatHolder(sequence: sequence, dinner: dinner, status: status) }
}

/// A participant's feedback: a score per slot (or for the day, slot nil) and a comment.
final class EventFeedbackModel: Model, @unchecked Sendable {
    static let schema = "event_feedback"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "registration_id") var registrationID: UUID
    @OptionalField(key: "slot_id") var slotID: UUID?
    @Field(key: "score") var score: Int
    @Field(key: "comment") var comment: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Creates the events' tables.
struct CreateEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EventModel.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("day", .string, .required)
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("venue", .string, .required)
            .field("description", .string, .required)
            .field("capacity", .int, .required)
            .field("dinner_capacity", .int, .required)
            .field("deadline", .string, .required)
            .field("member_price", .int, .required)
            .field("non_member_price", .int, .required)
            .field("published", .bool, .required)
            .field("next_sequence", .int, .required)
            .field("created_at", .datetime, .required)
            .field("feedback_sent_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(ProgrammeSlotModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .field("title", .string, .required)
            .field("speaker", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema(EventOrganiserModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "event_id", "user_id")
            .create()
        try await database.schema(EventInvitationModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("reminded_at", .datetime)
            .unique(on: "event_id", "organisation_id")
            .unique(on: "event_id", "code")
            .create()
        try await database.schema(EventRegistrationModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("email_key", .string, .required)
            .field("organisation", .string, .required)
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .setNull))
            .field("dinner", .bool, .required)
            .field("diet", .string, .required)
            .field("comment", .string, .required)
            .field("via_organisation_id", .uuid, .references(OrganisationModel.schema, "id", onDelete: .setNull))
            .field("status", .string, .required)
            .field("status_token_hash", .string, .required)
            .field("cancel_token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("confirmed_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("arrived_at", .datetime)
            .unique(on: "event_id", "email_key")
            .unique(on: "event_id", "sequence")
            .create()
        try await database.schema(EventFeedbackModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EventModel.schema, "id", onDelete: .cascade))
            .field("registration_id", .uuid, .required, .references(EventRegistrationModel.schema, "id", onDelete: .cascade))
            .field("slot_id", .uuid, .references(ProgrammeSlotModel.schema, "id", onDelete: .cascade))
            .field("score", .int, .required)
            .field("comment", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX event_slots_event ON event_slots (event_id, start_time)").run()
            try await sql.raw("CREATE INDEX event_registrations_status ON event_registrations (event_id, status, sequence)").run()
            try await sql.raw("CREATE INDEX event_registrations_status_token ON event_registrations (status_token_hash)").run()
            try await sql.raw("CREATE INDEX event_registrations_cancel_token ON event_registrations (cancel_token_hash)").run()
            try await sql.raw("CREATE INDEX event_feedback_event ON event_feedback (event_id, slot_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [
            EventFeedbackModel.schema, EventRegistrationModel.schema, EventInvitationModel.schema, EventOrganiserModel.schema,
            ProgrammeSlotModel.schema, EventModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
