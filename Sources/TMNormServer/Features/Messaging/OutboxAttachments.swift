import Fluent
import Foundation

/// A file sent with an e-mail (an event's .ics); text only, kept in the outbox row until delivery.
struct MessageAttachment: Sendable, Hashable {
    /// File name shown by the mail program, ASCII ("tm-dag-2008.ics").
    let name: String
    /// Media type with parameters ("text/calendar; charset=UTF-8; method=PUBLISH").
    let type: String
    let body: String
}

/// Lets the outbox carry one attachment per message (an event's calendar file).
struct AddOutboxAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one column at a time.
        for column in ["attachment_name", "attachment_type", "attachment_body"] {
            try await database.schema(OutboxMessageModel.schema).field(.string(column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in ["attachment_name", "attachment_type", "attachment_body"] {
            try await database.schema(OutboxMessageModel.schema).deleteField(.string(column)).update()
        }
    }
}
