import Foundation
import TMNormCore

/// Each role's start page: what needs the person first (to-do lists), a few figures, and for people who
/// call, the "Kan jeg ringe?" box.
enum DashboardView {
    struct Card: Sendable {
        let label: Phrase
        let figure: Int
        let link: SiteRoute
    }

    /// One thing to do: what (a name), why (in the page's language), where to do it, and a badge.
    struct ToDoItem: Sendable {
        let title: String
        let href: String
        let detail: Phrase?
        let badge: (label: Phrase, tone: Badge.Tone)?
    }

    /// A titled list of things to do, with what it says when there is nothing.
    struct ToDoList: Sendable {
        let id: String
        let title: Phrase
        let empty: Phrase
        let items: [ToDoItem]
        let all: SiteRoute
    }

    /// A campaign the person can check numbers for.
    struct CampaignLink: Sendable {
        let id: UUID
        let name: String
        let client: String
        let startsOn: String
        let endsOn: String
    }

    /// The answer to "Kan jeg ringe?".
    struct MayCallAnswer: Sendable {
        /// National digits of the number asked about.
        let number: String
        let campaign: String
        let allowed: Bool
        let reasons: [String]
        let nextAllowed: Date?
    }

    struct Model: Sendable {
        let user: CurrentUser
        var cards: [Card] = []
        var todos: [ToDoList] = []
        /// Campaigns for the may-call box; empty for roles that do not call.
        var checkCampaigns: [CampaignLink] = []
        var typedNumber = ""
        var chosenCampaign: UUID?
        /// Field name → problem, for a refused check.
        var mayCallProblems: [String: Phrase] = [:]
        var mayCallAnswer: MayCallAnswer?

        init(user: CurrentUser) { self.user = user }
    }

    static func intro(_ role: Role) -> Phrase {
        switch role {
        case .associationAdmin:
            Phrase(
                nb: "Dette venter på deg i dag: søknader å kontrollere, forfalte oppfølginger og medlemmer som ikke har bekreftet retningslinjene.",
                en: "Waiting for you today: applications to check, overdue follow-ups and members who have not acknowledged the guidelines.")
        case .boardMember:
            Phrase(
                nb: "Dette venter på nemnda: søknader som trenger stemmen din, og frister som nærmer seg.",
                en: "Waiting for the board: applications that need your vote, and deadlines coming up.")
        case .callCentreAdmin:
            Phrase(
                nb: "Dette må ordnes for at selgerne kan ringe: kampanjer uten gyldig vasking, vaskinger som går ut og meldinger som ikke kom fram.",
                en: "What needs fixing so agents can call: campaigns without a valid wash, washes expiring and messages that did not get through.")
        case .agent:
            Phrase(
                nb: "Sjekk nummeret før du ringer. Svaret sier hvorfor, og når du tidligst kan ringe.",
                en: "Check the number before you call. The answer says why, and the earliest time you may call.")
        case .clientUser:
            Phrase(
                nb: "Her ser du callsentrene som ringer på vegne av dere, og kampanjene deres.",
                en: "Here you see the call centres calling on your behalf, and your campaigns.")
        }
    }

    static func render(_ model: Model, context: PageContext) -> String {
        let title = context.t(Phrase(nb: "Hei, \(firstName(model.user.name))", en: "Hello, \(firstName(model.user.name))"))
        return Layout.page(title: title, context: context) {
            el("p", .class("lead")) { context.t(intro(model.user.role)) }
            if !model.checkCampaigns.isEmpty || model.user.role == .agent {
                mayCallBox(model, context: context)
            }
            if !model.todos.isEmpty {
                el("div", .class("grid-2")) {
                    for list in model.todos { toDoList(list, context: context) }
                }
            }
            if !model.cards.isEmpty {
                el("h2") { context.t(Phrase(nb: "Nøkkeltall", en: "Key figures")) }
                el("div", .class("cards")) {
                    for card in model.cards {
                        el("a", .class("card"), .href(card.link.path)) {
                            el("div", .class("figure")) { String(card.figure) }
                            el("div", .class("figure-label")) { context.t(card.label) }
                        }
                    }
                }
            }
            if model.user.role == .agent || (model.user.role == .callCentreAdmin && !model.checkCampaigns.isEmpty) {
                campaignList(model, context: context)
            }
            el("p") {
                el("a", .href(SiteRoute.organisation(model.user.organisationID).path)) {
                    context.t(Phrase(nb: "Min organisasjon: ", en: "My organisation: ")) + model.user.organisationName
                }
            }
        }
    }

    private static func firstName(_ name: String) -> String {
        String(name.split(separator: " ").first ?? Substring(name))
    }

    private static func toDoList(_ list: ToDoList, context: PageContext) -> Node {
        el("section", .class("card"), .id("todo-" + list.id), .aria("labelledby", "todo-\(list.id)-title")) {
            el("h2", .id("todo-\(list.id)-title")) {
                context.t(list.title)
                el("span", .class(list.items.isEmpty ? "count" : "count attention")) { String(list.items.count) }
            }
            if list.items.isEmpty {
                el("p", .class("hint")) { context.t(list.empty) }
            } else {
                el("ul", .class("todo")) {
                    for item in list.items.prefix(DashboardToDos.limit) {
                        el("li") {
                            el("span") {
                                el("a", .href(item.href)) { item.title }
                                if let detail = item.detail { el("span", .class("when")) { context.t(detail) } }
                            }
                            if let badge = item.badge { Badge.make(context.t(badge.label), tone: badge.tone) }
                        }
                    }
                }
                if list.items.count > DashboardToDos.limit {
                    el("p") {
                        el("a", .href(list.all.path)) { context.t(Phrase(nb: "Se alle \(list.items.count)", en: "See all \(list.items.count)")) }
                    }
                }
            }
        }
    }

    private static func mayCallBox(_ model: Model, context: PageContext) -> Node {
        el("section", .class("card"), .id("may-call"), .aria("labelledby", "may-call-title")) {
            el("h2", .id("may-call-title")) { context.t(Phrase(nb: "Kan jeg ringe?", en: "May I call?")) }
            if model.checkCampaigns.isEmpty {
                el("p", .class("hint")) {
                    context.t(
                        Phrase(
                            nb: "Du er ikke med i noen aktiv kampanje ennå. Be administratoren om å legge deg til en kampanje.",
                            en: "You are not on an active campaign yet. Ask your administrator to add you to one."))
                }
            } else {
                Form.post(SiteRoute.dashboardMayCall.path, csrf: context.csrf, class: "inline-form") {
                    Form.field(
                        context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "number", type: "tel", value: model.typedNumber,
                        autocomplete: "off", hint: context.t(Phrase(nb: "For eksempel 412 34 567", en: "For example 412 34 567")),
                        error: model.mayCallProblems["number"].map(context.t))
                    if model.checkCampaigns.count > 1 {
                        Form.select(
                            context.t(Phrase(nb: "Kampanje", en: "Campaign")), name: "campaign_id",
                            options: model.checkCampaigns.map { ($0.id.uuidString.lowercased(), "\($0.name) · \($0.client)") },
                            selected: (model.chosenCampaign ?? model.checkCampaigns[0].id).uuidString.lowercased())
                        if let problem = model.mayCallProblems["campaign_id"] {
                            el("p", .class("field-error")) { context.t(problem) }
                        }
                    } else {
                        el("p", .class("hint")) {
                            context.t(Phrase(nb: "Kampanje: ", en: "Campaign: ")) + model.checkCampaigns[0].name
                        }
                    }
                    Form.submit(context.t(Phrase(nb: "Sjekk nummeret", en: "Check the number")))
                }
            }
            if let answer = model.mayCallAnswer { verdict(answer, context: context) }
        }
    }

    private static func verdict(_ answer: MayCallAnswer, context: PageContext) -> Node {
        el("div", .class(answer.allowed ? "verdict ok" : "verdict refused"), .init("role", "status"), .id("may-call-answer")) {
            el("p", .class("verdict-title")) {
                context.t(
                    answer.allowed
                        ? Phrase(
                            nb: "Ja, du kan ringe \(PhoneGrouping.grouped(answer.number)) nå",
                            en: "Yes, you may call \(PhoneGrouping.grouped(answer.number)) now")
                        : Phrase(
                            nb: "Nei, ikke ring \(PhoneGrouping.grouped(answer.number))",
                            en: "No, do not call \(PhoneGrouping.grouped(answer.number))"))
            }
            el("p", .class("hint")) { context.t(Phrase(nb: "Kampanje: ", en: "Campaign: ")) + answer.campaign }
            if !answer.allowed || answer.reasons != ["ok"] {
                el("ul") { for reason in answer.reasons { el("li") { context.t(CampaignText.reason(reason)) } } }
            }
            if !answer.allowed {
                if let next = answer.nextAllowed {
                    el("p") {
                        context.t(Phrase(nb: "Tidligst lov å ringe: ", en: "Earliest allowed call: "))
                        el("strong") { NorwegianFormat.dateTime(next) }
                        context.t(
                            Phrase(nb: " (hvis nummeret ellers er i orden).", en: " (if the number is otherwise in order)."))
                    }
                } else {
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Tiden er ikke hindringen: nummeret skal ikke ringes i denne kampanjen.",
                                en: "Time is not the obstacle: the number must not be called in this campaign."))
                    }
                }
            }
        }
    }

    private static func campaignList(_ model: Model, context: PageContext) -> Node {
        el("section", .aria("labelledby", "campaigns-title")) {
            el("h2", .id("campaigns-title")) {
                context.t(
                    model.user.role == .agent
                        ? Phrase(nb: "Dine kampanjer", en: "Your campaigns") : Phrase(nb: "Aktive kampanjer", en: "Active campaigns"))
            }
            if model.checkCampaigns.isEmpty {
                EmptyState.make(
                    title: context.t(Phrase(nb: "Ingen aktive kampanjer", en: "No active campaigns")),
                    what: context.t(
                        Phrase(
                            nb: "Når du blir lagt til en kampanje, står den her.", en: "When you are added to a campaign, it is listed here.")))
            } else {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Kampanje", en: "Campaign")), context.t(Phrase(nb: "Oppdragsgiver", en: "Client")),
                        context.t(Phrase(nb: "Periode", en: "Period")),
                    ], scope: .column
                ) {
                    for campaign in model.checkCampaigns {
                        el("tr") {
                            el("td") { el("a", .href(SiteRoute.campaign(campaign.id).path)) { campaign.name } }
                            el("td") { campaign.client }
                            el("td") { NorwegianFormat.isoDay(campaign.startsOn) + "–" + NorwegianFormat.isoDay(campaign.endsOn) }
                        }
                    }
                }
            }
        }
    }
}

/// Norwegian numbers as people write them: mobile "412 34 567", landline "22 33 44 55".
enum PhoneGrouping {
    static func grouped(_ national: String) -> String {
        // Eight ASCII digit bytes, or the text as given (a digit with a combining mark is not a digit).
        guard national.utf8.count == 8, ASCII.isDigits(national) else { return national }
        let s = national
        func part(_ from: Int, _ length: Int) -> Substring {
            let start = s.index(s.startIndex, offsetBy: from)
            return s[start..<s.index(start, offsetBy: length)]
        }
        if s.hasPrefix("4") || s.hasPrefix("9") { return "\(part(0, 3)) \(part(3, 2)) \(part(5, 3))" }
        return "\(part(0, 2)) \(part(2, 2)) \(part(4, 2)) \(part(6, 2))"
    }
}
