import Foundation
import TMNormCore

/// One campaign: its terms, validity, lists, agents, and the agent's number check.
enum CampaignDetailView {
    struct Model: Sendable {
        let id: UUID
        let name: String
        let client: String
        let category: String
        let callerID: String
        let voluntary: Bool
        let newspaper: Bool
        let startsOn: String
        let endsOn: String
        let status: CampaignModel.Status
        let validity: CampaignValidity
        let washes: [(String, Date, Date?)]
        let agents: [String]
        let canManage: Bool
        let canCheck: Bool
        let availableWashes: [(UUID, String)]
        let availableAgents: [(UUID, String)]
        let verdict: Verdict?
    }

    /// A may-call answer shown on the page (the agent's check before dialling).
    struct Verdict: Sendable {
        let number: String
        let allowed: Bool
        let reasons: [String]
        let decisionID: UUID
    }

    private static func yesNo(_ value: Bool, _ context: PageContext) -> String {
        context.t(value ? Phrase(nb: "Ja", en: "Yes") : Phrase(nb: "Nei", en: "No"))
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: model.name, context: context) {
            if model.canCheck {
                el("section", .class("card"), .aria("labelledby", "check-title")) {
                    el("h2", .id("check-title")) { context.t(Phrase(nb: "Kan jeg ringe dette nummeret nå?", en: "May I call this number now?")) }
                    Form.post(SiteRoute.campaignCheck(model.id).path, csrf: context.csrf, class: "inline-form") {
                        Form.field(context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "number", type: "tel", autocomplete: "off")
                        Form.submit(context.t(Phrase(nb: "Sjekk", en: "Check")))
                    }
                    if let verdict = model.verdict {
                        el("div", .class(verdict.allowed ? "verdict ok" : "verdict refused"), .init("role", "status")) {
                            el("p", .class("verdict-title")) {
                                verdict.number + ": "
                                    + context.t(
                                        verdict.allowed
                                            ? Phrase(nb: "Kan ringes", en: "May be called") : Phrase(nb: "Skal ikke ringes", en: "Do not call"))
                            }
                            el("ul") { for reason in verdict.reasons { el("li") { context.t(CampaignText.reason(reason)) } } }
                            el("p", .class("hint")) {
                                context.t(Phrase(nb: "Avgjørelse", en: "Decision")) + " " + verdict.decisionID.uuidString.lowercased()
                            }
                        }
                    }
                }
            }
            if model.canCheck {
                el("p", .class("actions")) {
                    el("a", .class("button"), .href(SiteRoute.campaignSales(model.id).path)) {
                        context.t(Phrase(nb: "Registrer salg og send tilbud", en: "Register a sale and send the offer"))
                    }
                }
            }
            el("dl", .class("card")) {
                el("dt") { context.t(Phrase(nb: "Oppdragsgiver", en: "Client")) }; el("dd") { model.client }
                el("dt") { context.t(Phrase(nb: "Status", en: "Status")) }; el("dd") { context.t(CampaignText.status(model.status)) }
                el("dt") { context.t(Phrase(nb: "Periode", en: "Period")) };
                el("dd") { NorwegianFormat.isoDay(model.startsOn) + "–" + NorwegianFormat.isoDay(model.endsOn) }
                el("dt") { context.t(Phrase(nb: "Produktkategori", en: "Product category")) }; el("dd") { model.category }
                el("dt") { context.t(Phrase(nb: "Nummervisning", en: "Caller ID")) }; el("dd") { model.callerID.isEmpty ? "—" : model.callerID }
                el("dt") { context.t(Phrase(nb: "Frivillig organisasjon", en: "Voluntary organisation")) };
                el("dd") { yesNo(model.voluntary, context) }
                el("dt") { context.t(Phrase(nb: "Avisabonnement", en: "Newspaper subscription")) }; el("dd") { yesNo(model.newspaper, context) }
                el("dt") { context.t(Phrase(nb: "Gyldig vasking nå", en: "Valid wash now")) };
                el("dd") { yesNo(model.validity.hasValidWash, context) }
                el("dt") { context.t(Phrase(nb: "Nummervisning tillatt nå", en: "Caller ID allowed now")) };
                el("dd") { yesNo(model.validity.callerIDAllowed, context) }
            }
            el("h2") { context.t(Phrase(nb: "Vaskede lister", en: "Washed lists")) }
            el("ul") {
                for (name, washedAt, until) in model.washes {
                    el("li") {
                        name + " · " + NorwegianFormat.dateTime(washedAt) + " · " + context.t(Phrase(nb: "gyldig til", en: "valid until")) + " "
                            + (until.map(NorwegianFormat.dateTime) ?? "—")
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Selgere", en: "Agents")) }
            el("ul") { for agent in model.agents { el("li") { agent } } }
            if model.canManage {
                if !model.availableWashes.isEmpty {
                    Form.post(SiteRoute.campaignWashes(model.id).path, csrf: context.csrf) {
                        Form.select(
                            context.t(Phrase(nb: "Legg til vasket liste", en: "Attach a washed list")), name: "wash_id",
                            options: model.availableWashes.map { ($0.0.uuidString, $0.1) })
                        Form.submit(context.t(Phrase(nb: "Legg til", en: "Attach")), class: "button secondary")
                    }
                }
                if !model.availableAgents.isEmpty {
                    Form.post(SiteRoute.campaignAgents(model.id).path, csrf: context.csrf) {
                        Form.select(
                            context.t(Phrase(nb: "Legg til selger", en: "Add an agent")), name: "user_id",
                            options: model.availableAgents.map { ($0.0.uuidString, $0.1) })
                        Form.submit(context.t(Phrase(nb: "Legg til", en: "Add")), class: "button secondary")
                    }
                }
                Form.post(SiteRoute.campaignStatus(model.id).path, csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Endre status", en: "Change status")), name: "status",
                        options: CampaignModel.Status.allCases.map { ($0.rawValue, context.t(CampaignText.status($0))) },
                        selected: model.status.rawValue)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                }
            }
        }
    }
}
