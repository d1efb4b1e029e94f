import Fluent
import SQLKit

/// Creates `users`.
struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("disabled_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}

/// Creates `user_sessions`, shared by every server process.
struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionModel.schema).delete()
    }
}

/// Creates `invitations`.
struct CreateInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InvitationModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(InvitationModel.schema).delete()
    }
}

/// Indexes `user_sessions.expires_at` for the job that deletes expired sessions.
struct AddSessionExpiryIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as? any SQLDatabase)?.raw("CREATE INDEX user_sessions_expiry ON user_sessions (expires_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as? any SQLDatabase)?.raw("DROP INDEX user_sessions_expiry").run()
    }
}

extension SessionModel {
    static let pruneJob = JobDefinition(
        name: "sessions-prune",
        summary: Phrase(nb: "Sletter utløpte innlogginger.", en: "Deletes expired sign-in sessions."),
        schedule: .every(seconds: 3600)
    ) { context in
        let query = SessionModel.query(on: context.app.db).filter(\.$expiresAt < context.now)
        let count = try await query.count()
        if count > 0 { try await query.delete() }
        return count == 0 ? nil : "\(count) deleted"
    }
}
