import Foundation
import TMNormCore

/// The users page with the invitation form.
enum UsersView {
    struct Row: Sendable {
        let name: String
        let email: String
        let role: Role
        let disabled: Bool
    }

    struct Target: Sendable {
        let id: UUID
        let name: String
        let roles: [Role]
    }

    struct Model: Sendable {
        /// The users that match the search and filter (all pages).
        let users: [Row]
        let targets: [Target]
        let invitationLink: String?
        let problems: [FieldProblem]
        var query = ListQuery()
    }

    static let filterNames = ["role"]

    static func csv(_ rows: [Row], context: PageContext) -> (headings: [String], rows: [[String]]) {
        (
            [
                context.t(Phrase(nb: "Navn", en: "Name")), context.t(Phrase(nb: "E-post", en: "E-mail")), context.t(Phrase(nb: "Rolle", en: "Role")),
                context.t(Phrase(nb: "Status", en: "Status")),
            ],
            rows.map {
                [
                    $0.name, $0.email, context.t(RoleLabel.phrase($0.role)),
                    context.t($0.disabled ? Phrase(nb: "Deaktivert", en: "Disabled") : Phrase(nb: "Aktiv", en: "Active")),
                ]
            }
        )
    }

    static func render(_ model: Model, context: PageContext) -> String {
        func error(_ field: String) -> String? { model.problems.first { $0.field == field }?.text(context.language) }
        return Layout.page(title: context.t(Phrase(nb: "Brukere", en: "Users")), context: context) {
            if let link = model.invitationLink {
                el("div", .class("notice"), .init("role", "status")) {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Invitasjonen er laget. Send lenken til personen; den kan brukes én gang og vises bare nå:",
                                en: "The invitation has been created. Send this link to the person; it works once and is shown only now:"))
                    }
                    el("p", .class("secret")) { link }
                }
            }
            ListControls.toolbar(
                path: SiteRoute.users.path, query: model.query,
                searchLabel: context.t(Phrase(nb: "Søk på navn eller e-post", en: "Search by name or e-mail")),
                filters: [
                    .init(
                        name: "role", label: context.t(Phrase(nb: "Rolle", en: "Role")),
                        options: Role.allCases.map { ($0.rawValue, context.t(RoleLabel.phrase($0))) })
                ], context: context)
            let page = model.query.page(model.users)
            Table.scrolling(
                headings: [
                    context.t(Phrase(nb: "Navn", en: "Name")),
                    context.t(Phrase(nb: "E-post", en: "E-mail")),
                    context.t(Phrase(nb: "Rolle", en: "Role")),
                    context.t(Phrase(nb: "Status", en: "Status")),
                ], scope: .column
            ) {
                for row in page.rows {
                    el("tr") {
                        el("td") { row.name }
                        el("td") { row.email }
                        el("td") { context.t(RoleLabel.phrase(row.role)) }
                        el("td") {
                            row.disabled
                                ? Badge.make(context.t(Phrase(nb: "Deaktivert", en: "Disabled")), tone: .neutral)
                                : Badge.make(context.t(Phrase(nb: "Aktiv", en: "Active")), tone: .ok)
                        }
                    }
                }
            }
            ListControls.pager(path: SiteRoute.users.path, query: model.query, page: page, context: context)
            el("h2") { context.t(Phrase(nb: "Inviter en bruker", en: "Invite a user")) }
            Form.post(SiteRoute.invitations.path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "E-post", en: "E-mail")), name: "email", type: "email", error: error("email"))
                Form.select(
                    context.t(Phrase(nb: "Organisasjon", en: "Organisation")), name: "organisation_id",
                    options: model.targets.map { ($0.id.uuidString, $0.name) })
                Form.select(
                    context.t(Phrase(nb: "Rolle", en: "Role")), name: "role",
                    options: Role.allCases.filter { role in model.targets.contains { $0.roles.contains(role) } }
                        .map { ($0.rawValue, context.t(RoleLabel.phrase($0))) })
                if let roleError = error("role") { el("p", .class("field-error")) { roleError } }
                Form.submit(context.t(Phrase(nb: "Lag invitasjon", en: "Create invitation")))
            }
        }
    }
}
