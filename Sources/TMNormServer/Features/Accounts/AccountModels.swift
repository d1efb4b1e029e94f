import Fluent
import Foundation
import TMNormCore

/// A person who logs in; belongs to one organisation with one role.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    /// Lower-cased.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "role") public var roleRaw: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "disabled_at") public var disabledAt: Date?

    public init() {}

    public init(organisationID: UUID, email: String, name: String, role: Role, passwordHash: String, createdAt: Date) {
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.name = name
        self.roleRaw = role.rawValue
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }

    public var role: Role { Role(rawValue: roleRaw) ?? .agent }
}

/// A log-in session; the cookie holds the token, the database only its SHA-256.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}

    public init(tokenHash: String, userID: UUID, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// A single-use invitation link for a new user; stored hashed.
public final class InvitationModel: Model, @unchecked Sendable {
    public static let schema = "invitations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "email") public var email: String
    @Field(key: "role") public var roleRaw: String
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "invited_by_id") public var invitedBy: UserModel
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "accepted_at") public var acceptedAt: Date?

    public init() {}

    public init(organisationID: UUID, email: String, role: Role, tokenHash: String, invitedByID: UUID, createdAt: Date, expiresAt: Date) {
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.roleRaw = role.rawValue
        self.tokenHash = tokenHash
        self.$invitedBy.id = invitedByID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    public var role: Role { Role(rawValue: roleRaw) ?? .agent }
}
