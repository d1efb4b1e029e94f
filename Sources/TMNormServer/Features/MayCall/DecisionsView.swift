import Foundation
import TMNormCore

/// The decision log search page.
enum DecisionsView {
    struct Row: Sendable {
        let id: UUID?
        let campaign: String
        let allowed: Bool
        let reasons: [String]
        let decidedAt: Date
        let register: String?
        let ruleSet: String
        /// The decision's entry in the evidence log; nil while it is queued.
        var logIndex: UInt64? = nil
    }

    struct Model: Sendable {
        let number: String
        let campaign: String
        let problems: [FieldProblem]
        let rows: [Row]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Beslutningslogg", en: "Decision log")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Hvert svar på «kan jeg ringe nå?» lagres med registerkopi og regelsett. Numre lagres bare som nøkkelhash; søk med hele nummeret.",
                        en:
                            "Every answer to “may I call now?” is kept with the register copy and rule set. Numbers are stored only as keyed hashes; search with the full number."
                    ))
            }
            el("form", .method("get"), .action(SiteRoute.decisions.path), .class("form")) {
                Form.field(
                    context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "number", type: "tel", value: model.number, required: false,
                    error: model.problems.first { $0.field == "number" }?.text(context.language))
                Form.submit(context.t(Phrase(nb: "Søk", en: "Search")))
            }
            Table.scrolling(headings: [
                context.t(Phrase(nb: "Tid", en: "Time")),
                context.t(Phrase(nb: "Kampanje", en: "Campaign")),
                context.t(Phrase(nb: "Svar", en: "Answer")),
                context.t(Phrase(nb: "Årsaker", en: "Reasons")),
                context.t(Phrase(nb: "Register / regelsett", en: "Register / rule set")),
                context.t(Phrase(nb: "Bevisloggen", en: "Evidence log")),
            ]) {
                for row in model.rows {
                    el("tr") {
                        el("td") { NorwegianFormat.dateTime(row.decidedAt) }
                        el("td") { row.campaign }
                        el("td") { context.t(row.allowed ? Phrase(nb: "Tillatt", en: "Allowed") : Phrase(nb: "Ikke tillatt", en: "Refused")) }
                        el("td") { row.reasons.map { context.t(CampaignText.reason($0)) }.joined(separator: "; ") }
                        el("td") { (row.register ?? "—") + " / " + row.ruleSet }
                        el("td") { EvidenceLogLink.node(row.logIndex, context: context) }
                    }
                }
            }
        }
    }
}
