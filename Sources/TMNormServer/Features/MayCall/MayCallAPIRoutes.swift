import Fluent
import Foundation
import TMNormCore
import Vapor

/// `GET|POST /api/v1/may-call`, `GET /api/v1/campaigns`, `GET /api/v1/decisions`.
struct MayCallAPIRoutes: RouteCollection {
    static let maxBatch = 10_000

    func boot(routes: any RoutesBuilder) throws {
        routes.get("may-call", use: single)
        routes.on(.POST, "may-call", body: .collect(maxSize: "2mb"), use: batch)
        routes.get("campaigns", use: campaigns)
        routes.get("decisions", use: decisions)
    }

    /// The campaign named by `campaign`, the key's own (404 otherwise, never "allowed").
    private func loadContext(_ raw: String?, _ principal: RequestPrincipal, at instant: Date, on req: Request) async throws -> MayCallContextCache.Context {
        guard let raw, !raw.isEmpty else { throw AppError.invalid([.init(field: "campaign", reason: "is required")]) }
        guard let id = UUID(uuidString: raw) else { throw AppError.notFound() }
        let context = try await MayCallService.context(campaignID: id, at: instant, app: req.application, on: req.db)
        // Only the campaign's own call centre asks; anyone else learns nothing, not even that it exists.
        guard context.campaign.$callCentre.id == principal.organisationID else { throw AppError.notFound() }
        return context
    }

    static func instant(_ raw: String?, now: Date) throws -> Date {
        guard let raw, !raw.isEmpty else { return now }
        do { return try OsloTime.parseTimestamp(raw) } catch {
            throw AppError.invalid([.init(field: "at", reason: "must be an ISO 8601 time such as 2026-12-01T10:00:00+01:00 (\(error.description))")])
        }
    }

    func single(req: Request) async throws -> MayCallService.Answer {
        let principal = try req.requirePrincipal()
        let query = req.queryString
        let at = try Self.instant(query["at"], now: req.now)
        let context = try await loadContext(query["campaign"], principal, at: at, on: req)
        guard let number = query["number"], !number.isEmpty else {
            throw AppError.invalid([.init(field: "number", reason: "is required")])
        }
        switch PhoneNumber.parse(number) {
        case .foreign(_, let reason): throw AppError.invalid([.init(field: "number", reason: "foreign number: \(reason)")])
        case .invalid(_, let reason): throw AppError.invalid([.init(field: "number", reason: reason)])
        case .valid: break
        }
        let answers = try await MayCallService.decide(
            numbers: [number], context: context, at: at, askedBy: Self.askedBy(req), app: req.application, on: req.db)
        guard let answer = answers.first else { throw AppError(.internalServerError, code: "internal", Phrase(nb: "Ingen avgjørelse.", en: "No decision.")) }
        return answer
    }

    struct BatchInput: Content {
        var campaign: String?
        var numbers: [String]?
        var at: String?
    }

    func batch(req: Request) async throws -> ListDTO<MayCallService.Answer> {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(BatchInput.self)
        let at = try Self.instant(input.at, now: req.now)
        let context = try await loadContext(input.campaign, principal, at: at, on: req)
        guard let numbers = input.numbers, !numbers.isEmpty else { throw AppError.invalid([.init(field: "numbers", reason: "is required: 1–10000 numbers")]) }
        guard numbers.count <= Self.maxBatch else { throw AppError.invalid([.init(field: "numbers", reason: "at most \(Self.maxBatch) numbers per request")]) }
        let answers = try await MayCallService.decide(
            numbers: numbers, context: context, at: at, askedBy: Self.askedBy(req), app: req.application, on: req.db)
        return ListDTO(items: answers)
    }

    static func askedBy(_ req: Request) -> String {
        if let client = req.auth.get(APIClient.self) { return "api-key:\(client.keyID.uuidString.lowercased())" }
        if let user = req.auth.get(CurrentUser.self) { return "user:\(user.id.uuidString.lowercased())" }
        return "unknown"
    }

    func campaigns(req: Request) async throws -> ListDTO<CampaignDTO> {
        let principal = try req.requirePrincipal()
        let query = CampaignModel.query(on: req.db).sort(\.$startsOn, .descending)
        if AccessPolicy.organisationScope(principal.actor) != .all {
            let own = principal.organisationID
            query.group(.or) { $0.filter(\.$callCentre.$id == own).filter(\.$client.$id == own) }
        }
        return ListDTO(items: try await query.all().map(CampaignDTO.init))
    }

    func decisions(req: Request) async throws -> ListDTO<DecisionDTO> {
        let principal = try req.requirePrincipal()
        let rows = try await DecisionSearch.search(
            principal: principal, number: req.query[String.self, at: "number"], campaign: req.query[String.self, at: "campaign"],
            secret: req.application.config.secret, on: req.db)
        return ListDTO(items: rows.map(DecisionDTO.init))
    }
}

/// A logged decision as the API returns it.
struct DecisionDTO: Content {
    let decision_id: UUID?
    let campaign_id: UUID
    let allowed: Bool
    let reasons: [String]
    let register_snapshot_id: String?
    let rule_set: String
    let asked_at: Date
    let decided_at: Date

    init(_ model: DecisionModel) {
        decision_id = model.id
        campaign_id = model.campaignID
        allowed = model.allowed
        reasons = model.reasons.split(separator: ",").map(String.init)
        register_snapshot_id = model.registerSnapshotID
        rule_set = model.ruleSet
        asked_at = model.askedAt
        decided_at = model.decidedAt
    }
}

/// Searches the decision log within what the principal may see.
enum DecisionSearch {
    static func search(principal: RequestPrincipal, number: String?, campaign: String?, secret: String, on db: any Database) async throws -> [DecisionModel] {
        let query = DecisionModel.query(on: db).sort(\.$decidedAt, .descending).range(..<500)
        if AccessPolicy.organisationScope(principal.actor) != .all {
            let own = principal.organisationID
            query.group(.or) { $0.filter(\.$callCentreID == own).filter(\.$clientID == own) }
        }
        if let number = number?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            guard let national = PhoneNumber.parse(number).number?.national else {
                throw AppError.invalid([.init(field: "number", reason: "is not a valid Norwegian number")])
            }
            query.filter(\.$numberHash == MayCallService.numberHash(national, secret: secret))
        }
        if let campaign, let id = UUID(uuidString: campaign) {
            query.filter(\.$campaignID == id)
        }
        return try await query.all()
    }
}
