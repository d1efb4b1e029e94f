import TMNormCore

/// The log-in page.
enum LoginView {
    struct Model: Sendable {
        var email = ""
        var next = ""
        var failed = false
        /// Too many failed attempts: the reason and when to try again.
        var limited: Phrase? = nil
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Logg inn", en: "Log in")), context: context) {
            if let limited = model.limited {
                el("p", .class("alert"), .init("role", "alert")) { context.t(limited) }
            } else if model.failed {
                el("p", .class("alert"), .init("role", "alert")) {
                    context.t(Phrase(nb: "Feil e-post eller passord.", en: "Wrong e-mail or password."))
                }
            }
            Form.post(SiteRoute.login.path, csrf: context.csrf) {
                void("input", .type("hidden"), .name("next"), .value(model.next))
                Form.field(context.t(Phrase(nb: "E-post", en: "E-mail")), name: "email", type: "email", value: model.email, autocomplete: "username")
                Form.field(context.t(Phrase(nb: "Passord", en: "Password")), name: "password", type: "password", autocomplete: "current-password")
                Form.submit(context.t(Phrase(nb: "Logg inn", en: "Log in")))
            }
            el("p", .class("hint")) {
                context.t(
                    Phrase(
                        nb: "Forbruker? Du trenger ikke logge inn for å se registeret over godkjente callsentre.",
                        en: "Consumer? You do not need to log in to see the register of approved call centres."))
            }
        }
    }
}

/// The change-password page.
enum PasswordView {
    struct Model: Sendable {
        var problems: [FieldProblem] = []
        var changed = false
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.text(context.language) }
        return Layout.page(title: context.t(Phrase(nb: "Bytt passord", en: "Change password")), context: context) {
            if model.changed {
                el("p", .class("notice"), .init("role", "status")) {
                    context.t(Phrase(nb: "Passordet er endret.", en: "Your password has been changed."))
                }
            }
            Form.post(SiteRoute.password.path, csrf: context.csrf) {
                Form.field(
                    context.t(Phrase(nb: "Nåværende passord", en: "Current password")), name: "current_password", type: "password",
                    autocomplete: "current-password", error: error("current_password"))
                Form.field(
                    context.t(Phrase(nb: "Nytt passord", en: "New password")), name: "new_password", type: "password", autocomplete: "new-password",
                    hint: context.t(Phrase(nb: "Minst 10 tegn.", en: "At least 10 characters.")), error: error("new_password"))
                Form.submit(context.t(Phrase(nb: "Bytt passord", en: "Change password")))
            }
        }
    }
}

/// The page where an invited person sets name and password.
enum InvitationAcceptView {
    struct Model: Sendable {
        let token: String
        let email: String
        let organisationName: String
        let role: Role
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.text(context.language) }
        return Layout.page(title: context.t(Phrase(nb: "Velkommen til TMNorm", en: "Welcome to TMNorm")), context: context) {
            el("p") {
                context.t(Phrase(nb: "Du er invitert til", en: "You have been invited to")) + " " + model.organisationName
                    + " (" + context.t(RoleLabel.phrase(model.role)) + ") — " + model.email
            }
            Form.post(SiteRoute.invitation(token: model.token).path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Fullt navn", en: "Full name")), name: "name", autocomplete: "name", error: error("name"))
                Form.field(
                    context.t(Phrase(nb: "Velg passord", en: "Choose a password")), name: "password", type: "password", autocomplete: "new-password",
                    hint: context.t(Phrase(nb: "Minst 10 tegn.", en: "At least 10 characters.")), error: error("password"))
                Form.submit(context.t(Phrase(nb: "Opprett konto", en: "Create account")))
            }
        }
    }
}

/// Role names in both languages.
enum RoleLabel {
    static func phrase(_ role: Role) -> Phrase {
        switch role {
        case .associationAdmin: Phrase(nb: "Administrator i forening", en: "Association administrator")
        case .boardMember: Phrase(nb: "Nemndsmedlem", en: "Board member")
        case .callCentreAdmin: Phrase(nb: "Administrator i callsenter", en: "Call-centre administrator")
        case .agent: Phrase(nb: "Telefonselger", en: "Agent")
        case .clientUser: Phrase(nb: "Bruker hos oppdragsgiver", en: "Client user")
        }
    }
}
