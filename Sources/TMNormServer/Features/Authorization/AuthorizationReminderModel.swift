import Fluent
import Foundation

/// A reminder sent to a centre before a follow-up report or a renewal is due. The unique key makes
/// sending idempotent across passes and across server processes.
final class AuthorizationReminderModel: Model, @unchecked Sendable {
    // Fluent models are reference types with property wrappers; rows are not shared across tasks.
    static let schema = "authorization_reminders"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// The core's reminder key, e.g. "AP-1/follow-up-1/14".
    @Field(key: "reminder_key") var reminderKey: String
    /// `follow-up-1`, `follow-up-2` or `renewal`.
    @Field(key: "subject") var subject: String
    /// The report's due date or the approval's last valid day ("YYYY-MM-DD").
    @Field(key: "deadline") var deadline: String
    @Field(key: "days_before") var daysBefore: Int
    /// How many administrators were sent the reminder by e-mail.
    @Field(key: "recipients") var recipients: Int
    @Field(key: "sent_at") var sentAt: Date

    init() {}
}

/// Creates `authorization_reminders`.
struct CreateAuthorizationReminders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthorizationReminderModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("reminder_key", .string, .required)
            .field("subject", .string, .required)
            .field("deadline", .string, .required)
            .field("days_before", .int, .required)
            .field("recipients", .int, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "organisation_id", "reminder_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthorizationReminderModel.schema).delete()
    }
}
