import Fluent
import Foundation
import TMNormCore

/// A person who logs in; belongs to one organisation with one role.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// Lower-cased.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var roleRaw: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "disabled_at") var disabledAt: Date?

    init() {}

    init(organisationID: UUID, email: String, name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.name = name
        self.roleRaw = role.rawValue
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    var role: Role { Role(rawValue: roleRaw) ?? .agent }
}

/// A log-in session; the cookie holds the token, the database only its SHA-256.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A single-use invitation link for a new user; stored hashed.
final class InvitationModel: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "email") var email: String
    @Field(key: "role") var roleRaw: String
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "invited_by_id") var invitedBy: UserModel
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?

    init() {}

    init(organisationID: UUID, email: String, role: Role, tokenHash: String, invitedByID: UUID, createdAt: Date, expiresAt: Date) {
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.roleRaw = role.rawValue
        self.tokenHash = tokenHash
        self.$invitedBy.id = invitedByID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    var role: Role { Role(rawValue: roleRaw) ?? .agent }
}
