import Fluent
import TMNormCore
import Vapor

/// `/login`, `/logout`, `/account/password`, `/invite/:token`.
struct AccountRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.login, use: loginForm)
        routes.post(.login, use: login)
        routes.post(.logout, use: logout)
        routes.get(.password, use: passwordForm)
        routes.post(.password, use: changePassword)
        routes.get(.invitation, use: invitationForm)
        routes.post(.invitation, use: acceptInvitation)
    }

    func loginForm(req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: .dashboard) }
        let next = Self.safeNext(req.query[String.self, at: "next"])
        return .html(LoginView.render(.init(next: next), context: req.pageContext))
    }

    struct LoginInput: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginInput.self)
        let email = input.email ?? ""
        let limiters = req.application.rateLimiters
        let accountKey = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let address = req.clientAddress
        // Checked before bcrypt: a limited attempt costs no hashing, and the right password does not help.
        let wait = [limiters.loginPerAccount.retryAfter(accountKey, now: req.now), limiters.loginPerAddress.retryAfter(address, now: req.now)]
            .compactMap { $0 }.max()
        if let wait {
            req.application.metricsRegistry.increment(#"tmnorm_logins_total{result="limited"}"#)
            let error = RateLimiter.tooMany(
                retryAfter: wait, nb: "For mange mislykkede innlogginger.", en: "Too many failed log-ins.")
            let model = LoginView.Model(email: String(email.prefix(254)), next: Self.safeNext(input.next), failed: true, limited: error.message)
            let response = Response.html(LoginView.render(model, context: req.pageContext), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(error.retryAfter ?? 60))
            return response
        }
        // Counted before bcrypt, so parallel attempts cannot all slip under the limit; a success forgets it.
        limiters.loginPerAccount.record(accountKey, now: req.now)
        limiters.loginPerAddress.record(address, now: req.now)
        guard email.count <= 254, (input.password ?? "").count <= 200,
            let user = try await AccountService.verify(email: email, password: input.password ?? "", on: req)
        else {
            req.application.metricsRegistry.increment(#"tmnorm_logins_total{result="failure"}"#)
            let model = LoginView.Model(email: String(email.prefix(254)), next: Self.safeNext(input.next), failed: true)
            return .html(LoginView.render(model, context: req.pageContext), status: .unauthorized)
        }
        limiters.loginPerAccount.reset(accountKey)
        req.application.metricsRegistry.increment(#"tmnorm_logins_total{result="success"}"#)
        let token = try await AccountService.startSession(for: user, on: req)
        let target = Self.safeNext(input.next)
        let response = req.redirect(to: target.isEmpty ? SiteRoute.dashboard.path : target, redirectType: .normal)
        response.cookies[SessionAuthenticator.cookieName] = AccountService.sessionCookie(
            token, secure: req.application.config.tlsTerminated, maxAge: Int(req.application.config.sessionLifetime))
        return response
    }

    /// Only local paths, so the log-in form cannot redirect elsewhere.
    static func safeNext(_ next: String?) -> String {
        LocalRedirect.safePath(next) ?? ""
    }

    func logout(req: Request) async throws -> Response {
        if let user = req.auth.get(CurrentUser.self) {
            try await SessionModel.query(on: req.db).filter(\.$id == user.sessionID).delete()
        }
        req.auth.logout(CurrentUser.self)
        let response = req.redirect(to: .login)
        response.cookies[SessionAuthenticator.cookieName] = AccountService.sessionCookie(
            "", secure: req.application.config.tlsTerminated, maxAge: 0)
        return response
    }

    func passwordForm(req: Request) async throws -> Response {
        _ = try req.requireUser()
        return .html(PasswordView.render(.init(changed: req.query[String.self, at: "changed"] == "1"), context: req.pageContext))
    }

    struct PasswordInput: Content {
        var current_password: String?
        var new_password: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(PasswordInput.self)
        guard let model = try await UserModel.find(user.id, on: req.db) else { throw AppError.unauthorized() }
        var problems = AccountService.passwordProblems(input.new_password ?? "", field: "new_password")
        let currentOK = await req.application.passwordHashing.verify(input.current_password ?? "", created: model.passwordHash)
        if !currentOK { problems.insert(.init(field: "current_password", Phrase(nb: "er feil", en: "is wrong")), at: 0) }
        guard problems.isEmpty, let newPassword = input.new_password else {
            return .html(PasswordView.render(.init(problems: problems), context: req.pageContext), status: .unprocessableEntity)
        }
        model.passwordHash = try await req.application.passwordHashing.hash(newPassword)
        try await model.save(on: req.db)
        // Other sessions of this user end: a changed password should lock out whoever knew the old one.
        try await SessionModel.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$id != user.sessionID).delete()
        return req.redirect(to: .password, query: ["changed": "1"])
    }

    func invitationForm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let invitation = try await AccountService.openInvitation(token: token, on: req)
        let model = InvitationAcceptView.Model(
            token: token, email: invitation.email, organisationName: invitation.organisation.name, role: invitation.role)
        return .html(InvitationAcceptView.render(model, context: req.pageContext))
    }

    struct AcceptInput: Content {
        var name: String?
        var password: String?
    }

    func acceptInvitation(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let invitation = try await AccountService.openInvitation(token: token, on: req)
        let input = try req.content.decode(AcceptInput.self)
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = AccountService.passwordProblems(input.password ?? "")
        if let problem = DisplayName.problem(name) { problems.insert(.displayName(field: "name", problem), at: 0) }
        if try await UserModel.query(on: req.db).filter(\.$email == invitation.email).first() != nil {
            // A second press that lost the race: the first created the account a moment ago.
            if try await InvitationModel.find(invitation.requireID(), on: req.db)?.acceptedAt != nil {
                throw AccountService.invitationGone
            }
            problems.append(
                .init(
                    field: "email",
                    Phrase(nb: "det finnes allerede en konto med denne e-postadressen", en: "an account with this e-mail already exists")))
        }
        guard problems.isEmpty, let password = input.password else {
            let model = InvitationAcceptView.Model(
                token: token, email: invitation.email, organisationName: invitation.organisation.name,
                role: invitation.role, problems: problems)
            return .html(InvitationAcceptView.render(model, context: req.pageContext), status: .unprocessableEntity)
        }
        let hash = try await req.application.passwordHashing.hash(password)
        let now = req.now
        let user = UserModel(
            organisationID: invitation.$organisation.id, email: invitation.email, name: name,
            role: invitation.role, passwordHash: hash, createdAt: now)
        do {
            try await req.db.writeTransaction { db in
                // Marking it used inside the transaction makes the link single-use even under a double submit.
                try await InvitationModel.query(on: db)
                    .filter(\.$id == invitation.requireID()).filter(\.$acceptedAt == nil)
                    .set(\.$acceptedAt, to: now).update()
                try await user.create(on: db)
            }
        } catch {
            // Two presses at once: the loser's account collides with the winner's e-mail. It gets the same
            // answer as a later press of a used link, not a 500.
            if let fresh = try await InvitationModel.find(invitation.requireID(), on: req.db), fresh.acceptedAt != nil {
                throw AccountService.invitationGone
            }
            throw error
        }
        let sessionToken = try await AccountService.startSession(for: user, on: req)
        let response = req.redirect(to: .dashboard)
        response.cookies[SessionAuthenticator.cookieName] = AccountService.sessionCookie(
            sessionToken, secure: req.application.config.tlsTerminated, maxAge: Int(req.application.config.sessionLifetime))
        return response
    }
}
