import Foundation
import TMNormCore

/// The dashboard page.
enum DashboardView {
    struct Card: Sendable {
        let label: Phrase
        let figure: Int
        let link: SiteRoute
    }

    struct Model: Sendable {
        let userName: String
        let role: Role
        let organisationName: String
        let organisationID: UUID
        let cards: [Card]
    }

    static func intro(_ role: Role) -> Phrase {
        switch role {
        case .associationAdmin:
            Phrase(
                nb: "Du administrerer nettverket: organisasjoner, medlemskap og brukere.",
                en: "You run the network: organisations, memberships and users.")
        case .boardMember:
            Phrase(
                nb: "Som nemndsmedlem følger du opp godkjenningsordningen for callsentre.",
                en: "As a board member you follow up the authorization scheme for call centres.")
        case .callCentreAdmin:
            Phrase(
                nb: "Du administrerer callsenteret: oppdragsgivere, brukere og API-nøkler.",
                en: "You run the call centre: clients, users and API keys.")
        case .agent:
            Phrase(
                nb: "Her ser du oppdragsgiverne du ringer for.",
                en: "Here you see the clients you call for.")
        case .clientUser:
            Phrase(
                nb: "Her ser du callsentrene som ringer på vegne av dere.",
                en: "Here you see the call centres calling on your behalf.")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Oversikt", en: "Dashboard")), context: context) {
            el("p", .class("lead")) {
                "\(model.userName) — " + context.t(RoleLabel.phrase(model.role)) + ", " + model.organisationName
            }
            el("p") { context.t(intro(model.role)) }
            el("div", .class("cards")) {
                for card in model.cards {
                    el("a", .class("card"), .href(card.link.path)) {
                        el("div", .class("figure")) { String(card.figure) }
                        el("div") { context.t(card.label) }
                    }
                }
            }
            el("p") {
                el("a", .href(SiteRoute.organisation(model.organisationID).path)) { context.t(Phrase(nb: "Min organisasjon", en: "My organisation")) }
            }
        }
    }
}
