import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/decisions`: the call centre, its clients, the association and the board search what the system answered.
struct DecisionWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.decisions, use: search)
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
            rows = try await DecisionSearch.search(
                principal: principal, number: number, campaign: campaign, keys: req.application.serverKeys, on: req.db)
        } catch let error as AppError where !error.fields.isEmpty {
            problems = error.fields
        }
        let names = Dictionary(
            uniqueKeysWithValues: try await CampaignModel.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.campaignID)))).all().map {
                (try $0.requireID(), $0.name)
            })
        let logIndexes = try await EvidenceLog.leafIndexes(subjects: rows.compactMap(\.id), on: req.db)
        let model = DecisionsView.Model(
            number: number, campaign: campaign, problems: problems,
            rows: rows.map {
                .init(
                    id: $0.id, campaign: names[$0.campaignID] ?? $0.campaignID.uuidString, allowed: $0.allowed,
                    reasons: $0.reasons.split(separator: ",").map(String.init), decidedAt: $0.decidedAt, register: $0.registerSnapshotID,
                    ruleSet: $0.ruleSet, logIndex: $0.id.flatMap { logIndexes[$0] })
            })
        return .html(DecisionsView.render(model, context: req.pageContext), status: problems.isEmpty ? .ok : .unprocessableEntity)
    }
}
