import Fluent
import Foundation
import TMNormCore
import Vapor

/// Log-in, sessions, passwords and invitations.
enum AccountService {
    static let minimumPasswordLength = 10
    static let maximumPasswordLength = 128

    /// Checks a new password; bcrypt reads at most 72 bytes, so longer ones are refused rather than truncated.
    static func passwordProblems(_ password: String, field: String = "password") -> [FieldProblem] {
        if password.count < minimumPasswordLength {
            return [
                .init(
                    field: field,
                    Phrase(nb: "må være minst \(minimumPasswordLength) tegn", en: "must be at least \(minimumPasswordLength) characters"))
            ]
        }
        if password.utf8.count > 72 || password.count > maximumPasswordLength {
            return [.init(field: field, Phrase(nb: "kan være høyst 72 byte", en: "must be at most 72 bytes"))]
        }
        return []
    }

    /// The user for an e-mail and password, or nil. Always runs bcrypt so timing does not reveal accounts.
    static func verify(email: String, password: String, on req: Request) async throws -> UserModel? {
        let normalised = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let user = try await UserModel.query(on: req.db).filter(\.$email == normalised).first()
        let hash = user?.passwordHash ?? req.application.dummyPasswordHash
        let matches = await req.application.passwordHashing.verify(password, created: hash)
        guard let user, matches, user.disabledAt == nil else { return nil }
        return user
    }

    /// Starts a session and returns the cookie token (only its hash is stored).
    static func startSession(for user: UserModel, on req: Request) async throws -> String {
        let token = req.application.tokens.urlSafe(bytes: 32)
        let now = req.now
        let session = SessionModel(
            tokenHash: TokenGenerator.hash(token), userID: try user.requireID(), createdAt: now,
            expiresAt: now.addingTimeInterval(req.application.config.sessionLifetime))
        try await session.create(on: req.db)
        return token
    }

    /// The session cookie.
    static func sessionCookie(_ token: String, secure: Bool, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: maxAge, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    /// Creates an invitation and returns the single-use token for the link.
    static func invite(
        email: String, role: Role, organisationID: UUID, by user: CurrentUser, on req: Request
    ) async throws -> String {
        let token = req.application.tokens.urlSafe(bytes: 32)
        let now = req.now
        let invitation = InvitationModel(
            organisationID: organisationID, email: email, role: role, tokenHash: TokenGenerator.hash(token),
            invitedByID: user.id, createdAt: now, expiresAt: now.addingTimeInterval(req.application.config.invitationLifetime))
        try await invitation.create(on: req.db)
        return token
    }

    /// The open invitation for a token, or a 410/404 explaining why it cannot be used.
    static func openInvitation(token: String, on req: Request) async throws -> InvitationModel {
        guard token.count <= 100,
            let invitation = try await InvitationModel.query(on: req.db)
                .filter(\.$tokenHash == TokenGenerator.hash(token)).with(\.$organisation).first()
        else { throw AppError.notFound() }
        if invitation.acceptedAt != nil || invitation.expiresAt <= req.now { throw invitationGone }
        return invitation
    }

    /// 410: the invitation was used (perhaps a moment ago, by a second press of the button) or has expired.
    static let invitationGone = AppError(
        .gone, code: "invitation-used-or-expired",
        Phrase(
            nb: "Invitasjonen er allerede brukt eller har utløpt. Be om en ny.",
            en: "The invitation has been used or has expired. Ask for a new one."))

    /// Basic e-mail shape check: one @, a dot in the domain, no spaces, at most 254 characters.
    static func emailProblem(_ email: String, field: String = "email") -> FieldProblem? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            email.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !email.contains(where: \.isWhitespace)
        return valid
            ? nil
            : FieldProblem(field: field, Phrase(nb: "må være en e-postadresse som navn@firma.no", en: "must be an e-mail address like navn@firma.no"))
    }
}

extension Application {
    private struct DummyHashKey: StorageKey { typealias Value = String }

    /// A bcrypt hash of a random string at the configured cost, so unknown e-mails cost as much as wrong passwords.
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}
