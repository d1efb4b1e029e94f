import Foundation
import TMNormCore

/// The API key page; a new key is shown once.
enum APIKeysView {
    struct Row: Sendable {
        let id: UUID
        let name: String
        let prefix: String
        let createdAt: Date
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    struct Model: Sendable {
        var rows: [Row]
        var newKey: String? = nil
        var problems: [FieldProblem] = []
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "API-nøkler", en: "API keys")), context: context) {
            if let key = model.newKey {
                el("div", .class("notice"), .init("role", "status")) {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Ny nøkkel. Kopier den nå — den vises ikke igjen. Send den som «Authorization: Bearer NØKKEL».",
                                en: "New key. Copy it now — it will not be shown again. Send it as “Authorization: Bearer KEY”."))
                    }
                    el("p", .class("secret")) { key }
                }
            }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Navn", en: "Name")),
                context.t(Phrase(nb: "Begynner med", en: "Starts with")),
                context.t(Phrase(nb: "Opprettet", en: "Created")),
                context.t(Phrase(nb: "Sist brukt", en: "Last used")),
                context.t(Phrase(nb: "Status", en: "Status")),
            ]) {
                for row in model.rows {
                    el("tr") {
                        el("td") { row.name }
                        el("td") { el("code") { row.prefix + "…" } }
                        el("td") { NorwegianFormat.dateTime(row.createdAt) }
                        el("td") { row.lastUsedAt.map(NorwegianFormat.dateTime) ?? "—" }
                        el("td") {
                            if let revoked = row.revokedAt {
                                context.t(Phrase(nb: "Tilbakekalt", en: "Revoked")) + " " + NorwegianFormat.dateTime(revoked)
                            } else {
                                Form.post(SiteRoute.revokeAPIKey(row.id).path, csrf: context.csrf, class: "inline") {
                                    Form.submit(context.t(Phrase(nb: "Tilbakekall", en: "Revoke")), class: "button secondary")
                                }
                            }
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Ny nøkkel", en: "New key")) }
            Form.post(SiteRoute.apiKeys.path, csrf: context.csrf) {
                Form.field(
                    context.t(Phrase(nb: "Navn (f.eks. «Dialer produksjon»)", en: "Name (e.g. “Production dialer”)")), name: "name",
                    error: model.problems.first { $0.field == "name" }?.text(context.language))
                Form.submit(context.t(Phrase(nb: "Lag nøkkel", en: "Create key")))
            }
        }
    }
}
