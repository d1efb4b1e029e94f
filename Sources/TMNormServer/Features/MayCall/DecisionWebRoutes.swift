import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/decisions`: the call centre, its clients, the association and the board search what the system answered.
struct DecisionWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("decisions", use: search)
    }

    func search(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role != .agent else { throw AppError.forbidden() }
        let principal = try req.requirePrincipal()
        let number = req.query[String.self, at: "number"] ?? ""
        let campaign = req.query[String.self, at: "campaign"] ?? ""
        var problems: [FieldProblem] = []
        var rows: [DecisionModel] = []
        do {
            rows = try await DecisionSearch.search(principal: principal, number: number, campaign: campaign, keys: req.application.serverKeys, on: req.db)
        } catch let error as AppError where !error.fields.isEmpty {
            problems = error.fields
        }
        let names = Dictionary(uniqueKeysWithValues: try await CampaignModel.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.campaignID)))).all().map { (try $0.requireID(), $0.name) })
        let model = DecisionsView.Model(
            number: number, campaign: campaign, problems: problems,
            rows: rows.map { .init(id: $0.id, campaign: names[$0.campaignID] ?? $0.campaignID.uuidString, allowed: $0.allowed, reasons: $0.reasons.split(separator: ",").map(String.init), decidedAt: $0.decidedAt, register: $0.registerSnapshotID, ruleSet: $0.ruleSet) })
        return .html(DecisionsView.render(model, context: req.pageContext), status: problems.isEmpty ? .ok : .unprocessableEntity)
    }
}

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
    }

    struct Model: Sendable {
        let number: String
        let campaign: String
        let problems: [FieldProblem]
        let rows: [Row]
    }

    static func render(_ model: Model, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Beslutningslogg", en: "Decision log")), context: context) {
            el("p") { context.t(Phrase(nb: "Hvert svar på «kan jeg ringe nå?» lagres med registerkopi og regelsett. Numre lagres bare som nøkkelhash; søk med hele nummeret.", en: "Every answer to “may I call now?” is kept with the register copy and rule set. Numbers are stored only as keyed hashes; search with the full number.")) }
            el("form", .method("get"), .action("/decisions"), .class("form")) {
                Form.field(context.t(Phrase(nb: "Telefonnummer", en: "Phone number")), name: "number", type: "tel", value: model.number, required: false, error: model.problems.first { $0.field == "number" }?.reason)
                Form.submit(context.t(Phrase(nb: "Søk", en: "Search")))
            }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") { el("tr") {
                        el("th") { context.t(Phrase(nb: "Tid", en: "Time")) }
                        el("th") { context.t(Phrase(nb: "Kampanje", en: "Campaign")) }
                        el("th") { context.t(Phrase(nb: "Svar", en: "Answer")) }
                        el("th") { context.t(Phrase(nb: "Årsaker", en: "Reasons")) }
                        el("th") { context.t(Phrase(nb: "Register / regelsett", en: "Register / rule set")) }
                    } }
                    el("tbody") {
                        for row in model.rows {
                            el("tr") {
                                el("td") { NorwegianFormat.dateTime(row.decidedAt) }
                                el("td") { row.campaign }
                                el("td") { context.t(row.allowed ? Phrase(nb: "Tillatt", en: "Allowed") : Phrase(nb: "Ikke tillatt", en: "Refused")) }
                                el("td") { row.reasons.map { context.t(CampaignText.reason($0)) }.joined(separator: "; ") }
                                el("td") { (row.register ?? "—") + " / " + row.ruleSet }
                            }
                        }
                    }
                }
            }
        }
    }
}
