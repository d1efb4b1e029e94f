import Fluent
import Foundation
import TMNormCore
import Vapor

/// `POST /campaigns/:id/check`: an agent asks may-call from the campaign page.
struct MayCallWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.campaignCheck, use: check)
    }

    struct CheckInput: Content { var number: String? }

    /// The agent's check before dialling: green or red with reasons, logged like every API answer.
    func check(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let campaign = try await CampaignService.find(try req.uuidParameter(), principal, on: req.db)
        guard campaign.$callCentre.id == principal.organisationID else { throw AppError.notFound() }
        let number = try req.content.decode(CheckInput.self).number ?? ""
        if case .valid = PhoneNumber.parse(number) {
        } else {
            throw AppError.invalid([FieldProblem.phone(field: "number", number) ?? .init(field: "number", Phrase(nb: "er ugyldig", en: "invalid"))])
        }
        let context = try await MayCallService.context(campaignID: try campaign.requireID(), at: req.now, app: req.application, on: req.db)
        let answers = try await MayCallService.decide(
            numbers: [number], context: context, at: req.now, askedBy: req.actorLabel, app: req.application, on: req.db)
        guard let answer = answers.first else { throw AppError.notFound() }
        let verdict = CampaignDetailView.Verdict(
            number: answer.number, allowed: answer.allowed, reasons: answer.reasons, decisionID: answer.decision_id)
        return try await CampaignWebRoutes().show(req: req, verdict: verdict)
    }
}
