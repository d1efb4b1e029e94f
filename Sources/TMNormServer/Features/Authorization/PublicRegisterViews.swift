import Foundation
import TMNormCore

/// Status words shared by the register, the badge page and the authorization pages.
enum AuthorizationText {
    static func status(_ status: AuthorizationPublicStatus) -> Phrase {
        Phrase(nb: status.norwegian, en: status.english)
    }

    static func date(_ day: LocalDate?) -> String { day?.norwegianFormatted ?? "—" }

    /// The "valid until" cell: a date only while the approval is in force. A suspended centre shows none
    /// (its approval is not valid now), an expired one says when it ended.
    static func validUntil(_ status: AuthorizationPublicStatus, _ day: LocalDate?) -> Phrase {
        switch (status, day) {
        case (.approved, let day?): Phrase(nb: day.norwegianFormatted, en: day.norwegianFormatted)
        case (.expired, let day?): Phrase(nb: "utløpt \(day.norwegianFormatted)", en: "ended \(day.norwegianFormatted)")
        case (.suspended, _): Phrase(nb: "ikke gyldig nå", en: "not valid now")
        default: Phrase(nb: "—", en: "—")
        }
    }

    /// The badge's tone for a status.
    static func tone(_ status: AuthorizationPublicStatus) -> Badge.Tone {
        switch status {
        case .approved: .ok
        case .suspended, .revoked: .bad
        case .underReview: .warn
        case .expired, .notApproved: .neutral
        }
    }
}

/// `/register`: approved and suspended centres with search; readable without logging in.
enum PublicRegisterView {
    struct Model: Sendable {
        let query: String
        let today: LocalDate
        let rows: [AuthorizationRegisterEntry]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Register over godkjente callsentre", en: "Register of approved call centres")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Callsentre godkjent av Callcenternemnda etter ordningen Godkjent Callcenter. Et suspendert callsenter står som suspendert. Status gjelder \(model.today.norwegianFormatted).",
                        en:
                            "Call centres approved by the board (Callcenternemnda) under the Godkjent Callcenter scheme. A suspended centre is shown as suspended. Status as of \(model.today.norwegianFormatted)."
                    ))
            }
            el("form", .method("get"), .action(SiteRoute.publicRegister.path), .class("form"), .init("role", "search")) {
                Form.field(
                    context.t(Phrase(nb: "Søk på navn eller organisasjonsnummer", en: "Search by name or organisation number")),
                    name: "q", type: "search", value: model.query, required: false)
                Form.submit(context.t(Phrase(nb: "Søk", en: "Search")))
            }
            if model.rows.isEmpty {
                el("p", .class("notice")) {
                    context.t(
                        model.query.isEmpty
                            ? Phrase(nb: "Ingen callsentre er godkjent ennå.", en: "No call centres are approved yet.")
                            : Phrase(nb: "Ingen treff for «\(model.query)».", en: "No matches for “\(model.query)”."))
                }
            } else {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Navn", en: "Name")),
                        context.t(Phrase(nb: "Org.nr.", en: "Org. no.")),
                        context.t(Phrase(nb: "Status", en: "Status")),
                        context.t(Phrase(nb: "Gyldig til", en: "Valid until")),
                    ], scope: .column, caption: context.t(Phrase(nb: "\(model.rows.count) callsentre", en: "\(model.rows.count) call centres"))
                ) {
                    for row in model.rows {
                        el("tr", .data("status", row.status.rawValue)) {
                            el("td") { el("a", .href(SiteRoute.registerEntry(row.orgnr.digits).path)) { row.name } }
                            el("td", .class("nowrap")) { row.orgnr.formatted }
                            el("td") { Badge.make(context.t(AuthorizationText.status(row.status)), tone: AuthorizationText.tone(row.status)) }
                            el("td") { context.t(AuthorizationText.validUntil(row.status, row.validUntil)) }
                        }
                    }
                }
            }
            el("p") {
                context.t(Phrase(nb: "Maskinlesbart: ", en: "Machine-readable: "))
                el("a", .href(SiteRoute.registerAPI.path)) { SiteRoute.registerAPI.path }
            }
        }
    }
}

/// `/register/ORGNR`: one centre's live status, its badge and how to embed it.
enum RegisterEntryView {
    struct Model: Sendable {
        let entry: AuthorizationRegisterEntry
        /// The board's warnings in force (since the running approval began), newest first.
        var warnings: [AuthorizationSanctionDecision] = []
        let checkedAt: Date
        let badgeURL: String
        let pageURL: String
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let entry = model.entry
        return Layout.page(title: entry.name, context: context) {
            el("dl", .class("card")) {
                el("dt") { context.t(Phrase(nb: "Organisasjonsnummer", en: "Organisation number")) }
                el("dd") { entry.orgnr.formatted }
                el("dt") { context.t(Phrase(nb: "Status", en: "Status")) }
                el("dd", .data("status", entry.status.rawValue)) {
                    Badge.make(context.t(AuthorizationText.status(entry.status)), tone: AuthorizationText.tone(entry.status))
                }
                if entry.status == .approved {
                    el("dt") { context.t(Phrase(nb: "Gyldig til", en: "Valid until")) }
                    el("dd") { AuthorizationText.date(entry.validUntil) }
                }
                el("dt") { context.t(Phrase(nb: "Kontrollert", en: "Checked")) }
                el("dd") { NorwegianFormat.dateTime(model.checkedAt) }
            }
            el("p", .class(entry.status == .approved ? "notice" : "alert")) { context.t(explanation(entry.status)) }
            if !model.warnings.isEmpty {
                el("h2") { context.t(Phrase(nb: "Advarsler fra nemnda", en: "Warnings from the board")) }
                el("ul", .id("warnings")) {
                    for warning in model.warnings {
                        el("li") {
                            context.t(Phrase(nb: "Advarsel ", en: "Warning ")) + warning.decidedOn.norwegianFormatted + ": " + warning.reasons
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Merke", en: "Badge")) }
            el("p") {
                void(
                    "img", .init("src", SiteRoute.registerBadge(entry.orgnr.digits).path), .init("width", "\(AuthorizationBadge.width)"),
                    .init("height", "\(AuthorizationBadge.height)"),
                    .init("alt", "\(AuthorizationBadge.heading(entry.status)): \(AuthorizationBadge.statusLine(entry))"))
            }
            // The embedding code is for an approved centre; a suspended one's page offers no "Godkjent" markup.
            if entry.status == .approved {
                el("p") {
                    context.t(
                        Phrase(
                            nb: "Callsenteret kan vise merket på sine nettsider. Det viser alltid gjeldende status:",
                            en: "The centre can show the badge on its website. It always shows the current status:"))
                }
                el("pre", .class("secret")) {
                    el("code") {
                        "<a href=\"\(model.pageURL)\"><img src=\"\(model.badgeURL)\" width=\"\(AuthorizationBadge.width)\" height=\"\(AuthorizationBadge.height)\" alt=\"\(AuthorizationBadge.heading(.approved))\"></a>"
                    }
                }
            }
            el("p") { el("a", .href(SiteRoute.publicRegister.path)) { context.t(Phrase(nb: "Til registeret", en: "Back to the register")) } }
        }
    }

    static func explanation(_ status: AuthorizationPublicStatus) -> Phrase {
        switch status {
        case .approved:
            Phrase(
                nb: "Callsenteret er godkjent og følger opp ordningens krav.",
                en: "The call centre is approved and follows the scheme's requirements.")
        case .suspended:
            Phrase(
                nb: "Godkjenningen er suspendert av Callcenternemnda. Callsenteret er ikke godkjent så lenge suspensjonen varer.",
                en: "The approval is suspended by the board. The centre is not approved while the suspension lasts.")
        case .revoked: Phrase(nb: "Godkjenningen er tilbakekalt av Callcenternemnda.", en: "The approval has been revoked by the board.")
        case .expired: Phrase(nb: "Godkjenningen er utløpt.", en: "The approval has expired.")
        case .underReview:
            Phrase(
                nb: "En søknad om godkjenning er under behandling. Callsenteret er ikke godkjent ennå.",
                en: "An application for approval is under review. The centre is not approved yet.")
        case .notApproved: Phrase(nb: "Callsenteret er ikke godkjent.", en: "The call centre is not approved.")
        }
    }
}
