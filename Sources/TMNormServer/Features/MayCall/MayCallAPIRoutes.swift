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
    private func loadContext(_ raw: String?, _ principal: RequestPrincipal, at instant: Date, on req: Request) async throws
        -> MayCallContextCache.Context
    {
        guard let raw, !raw.isEmpty else { throw AppError.invalid([.init(field: "campaign", Phrase(nb: "må fylles ut", en: "is required"))]) }
        guard let id = UUID(uuidString: raw) else { throw AppError.notFound() }
        let context = try await MayCallService.context(campaignID: id, at: instant, app: req.application, on: req.db)
        // Only the campaign's own call centre asks; anyone else learns nothing, not even that it exists.
        guard context.campaign.$callCentre.id == principal.organisationID else { throw AppError.notFound() }
        return context
    }

    func single(req: Request) async throws -> MayCallService.Answer {
        let principal = try req.requirePrincipal()
        let query = req.queryString
        let at = try TimestampInput.instant(query["at"], field: "at", now: req.now)
        let context = try await loadContext(query["campaign"], principal, at: at, on: req)
        guard let number = query["number"], !number.isEmpty else {
            throw AppError.invalid([.init(field: "number", Phrase(nb: "må fylles ut", en: "is required"))])
        }
        switch PhoneNumber.parse(number) {
        case .foreign(_, let reason): throw AppError.invalid([.init(field: "number", reason: "foreign number: \(reason)")])
        case .invalid(_, let reason): throw AppError.invalid([.init(field: "number", reason: reason)])
        case .valid: break
        }
        let person = try Self.person(
            firstName: query["first_name"], lastName: query["last_name"], street: query["street"],
            houseNumber: query["house_number"], postcode: query["postcode"], field: { $0 })
        let answers = try await MayCallService.decide(
            questions: [.init(number, person: person)], context: context, at: at, askedBy: req.actorLabel, app: req.application, on: req.db)
        guard let answer = answers.first else {
            throw AppError(.internalServerError, code: "internal", Phrase(nb: "Ingen avgjørelse.", en: "No decision."))
        }
        return answer
    }

    /// A number with its person (name and address as in the population register).
    struct Item: Content {
        var number: String?
        var first_name: String?
        var last_name: String?
        var street: String?
        var house_number: String?
        var postcode: String?
    }

    struct BatchInput: Content {
        var campaign: String?
        var numbers: [String]?
        /// Numbers with their persons; answered after `numbers`, in order.
        var items: [Item]?
        var at: String?
    }

    /// The person of a question: nil when no person field is given; all five or a 422 naming the missing ones.
    static func person(
        firstName: String?, lastName: String?, street: String?, houseNumber: String?, postcode: String?,
        field: (String) -> String
    ) throws -> PersonIdentity? {
        let values = [("first_name", firstName), ("last_name", lastName), ("street", street), ("house_number", houseNumber), ("postcode", postcode)]
            .map { ($0.0, ($0.1 ?? "").trimmingCharacters(in: .whitespaces)) }
        guard values.contains(where: { !$0.1.isEmpty }) else { return nil }
        // An address without a house number exists (it matches only another without one).
        let missing = values.filter { $0.1.isEmpty && $0.0 != "house_number" }.map(\.0)
        guard missing.isEmpty else {
            throw AppError.invalid(
                missing.map {
                    .init(
                        field: field($0),
                        reason:
                            "is required with the person's other fields: first_name, last_name, street and postcode (and house_number, if the address has one) together"
                    )
                })
        }
        guard values.allSatisfy({ $0.1.count <= 200 }),
            let person = PersonIdentity(
                firstName: values[0].1, lastName: values[1].1, street: values[2].1, houseNumber: values[3].1, postcode: values[4].1)
        else {
            throw AppError.invalid([
                .init(
                    field: field("first_name"),
                    reason: "the person's name and address could not be read (at most 200 characters each, a postcode of 4 digits)")
            ])
        }
        return person
    }

    func batch(req: Request) async throws -> ListDTO<MayCallService.Answer> {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(BatchInput.self)
        let at = try TimestampInput.instant(input.at, field: "at", now: req.now)
        let context = try await loadContext(input.campaign, principal, at: at, on: req)
        var questions = (input.numbers ?? []).map { MayCallService.Question($0) }
        for (index, item) in (input.items ?? []).enumerated() {
            guard let number = item.number, !number.isEmpty else {
                throw AppError.invalid([.init(field: "items[\(index)].number", Phrase(nb: "må fylles ut", en: "is required"))])
            }
            let person = try Self.person(
                firstName: item.first_name, lastName: item.last_name, street: item.street, houseNumber: item.house_number,
                postcode: item.postcode, field: { "items[\(index)].\($0)" })
            questions.append(.init(number, person: person))
        }
        guard !questions.isEmpty else {
            throw AppError.invalid([.init(field: "numbers", Phrase(nb: "må fylles ut: 1–10000 numre", en: "is required: 1–10000 numbers (or items)"))]
            )
        }
        guard questions.count <= Self.maxBatch else {
            throw AppError.invalid([.init(field: "numbers", reason: "at most \(Self.maxBatch) numbers per request")])
        }
        let answers = try await MayCallService.decide(
            questions: questions, context: context, at: at, askedBy: req.actorLabel, app: req.application, on: req.db)
        return ListDTO(items: answers)
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
            keys: req.application.serverKeys, on: req.db)
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
