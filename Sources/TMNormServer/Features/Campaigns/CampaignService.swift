import Fluent
import Foundation
import TMNormCore
import Vapor

/// Creates campaigns, attaches washed lists and agents, and activates them only when they may run.
enum CampaignService {
    static func create(_ input: CampaignInput, by principal: RequestPrincipal, on db: any Database, now: Date) async throws -> CampaignModel {
        guard principal.actor.organisationKind == .callCentre, principal.actor.role != .agent else { throw AppError.forbidden() }
        var problems: [FieldProblem] = []
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = DisplayName.problem(name) { problems.append(.displayName(field: "name", problem)) }
        let category = (input.product_category ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if category.isEmpty || category.count > 100 {
            problems.append(.init(field: "product_category", Phrase(nb: "må være 1–100 tegn", en: "must be 1–100 characters")))
        }
        let callerID = (input.caller_id ?? "").trimmingCharacters(in: .whitespaces)
        var clientID: UUID?
        if let raw = input.client_id, let id = UUID(uuidString: raw),
            try await Engagements.active(callCentre: principal.organisationID, client: id, on: Engagements.day(now), db: db) != nil
        {
            clientID = id
        } else {
            problems.append(
                .init(
                    field: "client_id",
                    Phrase(nb: "må være en oppdragsgiver dette callsenteret jobber for", en: "must be a client this call centre works for")))
        }
        var period: PeriodInput?
        if let parsed = PeriodInput.parse(from: input.starts_on, until: input.ends_on, problems: &problems) {
            if parsed.until == nil {
                problems.append(.init(field: "ends_on", Phrase(nb: "må fylles ut", en: "is required")))
            } else {
                period = parsed
            }
        }
        if let period {
            let start = (try? OsloTime.parseTimestamp(period.from.iso8601 + "T12:00:00")) ?? now
            let judged = CallingRules.judgeCallerID(
                callerID.isEmpty ? .hidden : .number(callerID, listedInDirectory: CampaignInput.flag(input.caller_id_listed)), at: max(start, now))
            if !judged.allowed { problems.append(.init(field: "caller_id", Phrase(nb: judged.textNorwegian, en: judged.textEnglish))) }
        }
        guard problems.isEmpty, let clientID, let period, let end = period.until else { throw AppError.invalid(problems) }
        let campaign = CampaignModel()
        campaign.$callCentre.id = principal.organisationID
        campaign.$client.id = clientID
        campaign.name = name
        campaign.productCategory = category
        campaign.callerID = callerID
        campaign.callerIDListed = CampaignInput.flag(input.caller_id_listed)
        campaign.voluntary = CampaignInput.flag(input.voluntary)
        campaign.newspaper = CampaignInput.flag(input.newspaper)
        campaign.startsOn = period.from.iso8601
        campaign.endsOn = end.iso8601
        campaign.statusRaw = CampaignModel.Status.draft.rawValue
        campaign.createdAt = now
        try await campaign.create(on: db)
        return campaign
    }

    /// The campaign if it belongs to the principal's call centre (or, read-only, its client); else 404.
    static func find(_ id: UUID, _ principal: RequestPrincipal, on db: any Database, forWriting: Bool = false) async throws -> CampaignModel {
        guard let campaign = try await CampaignModel.find(id, on: db) else { throw AppError.notFound() }
        let own = campaign.$callCentre.id == principal.organisationID
        let asClient = !forWriting && campaign.$client.id == principal.organisationID
        let overseer = !forWriting && AccessPolicy.organisationScope(principal.actor) == .all
        guard own || asClient || overseer else { throw AppError.notFound() }
        if forWriting && principal.actor.role == .agent { throw AppError.forbidden() }
        return campaign
    }

    static func attachWash(_ campaign: CampaignModel, washID: UUID, on db: any Database, now: Date) async throws {
        guard let wash = try await WashRecordModel.find(washID, on: db), wash.$organisation.id == campaign.$callCentre.id else {
            throw AppError.invalid([
                .init(field: "wash_id", Phrase(nb: "er ikke en vask fra dette callsenteret", en: "is not a wash of this call centre"))
            ])
        }
        // A wash clears numbers for may-call only if it applied this client's block list.
        guard wash.$client.id == campaign.$client.id else {
            throw AppError.invalid([
                .init(
                    field: "wash_id",
                    reason: wash.$client.id == nil
                        ? "was washed without the campaign's client, so its block list was not applied"
                        : "was washed for another client")
            ])
        }
        let campaignID = try campaign.requireID()
        if try await CampaignWashModel.query(on: db).filter(\.$campaign.$id == campaignID).filter(\.$wash.$id == washID).first() == nil {
            try await CampaignWashModel(campaignID: campaignID, washID: washID, attachedAt: now).create(on: db)
        }
    }

    static func addAgent(_ campaign: CampaignModel, userID: UUID, on db: any Database) async throws {
        guard let user = try await UserModel.find(userID, on: db), user.$organisation.id == campaign.$callCentre.id,
            user.role == .agent || user.role == .callCentreAdmin
        else {
            throw AppError.invalid([
                .init(field: "user_id", Phrase(nb: "er ikke en selger i dette callsenteret", en: "is not an agent of this call centre"))
            ])
        }
        let campaignID = try campaign.requireID()
        if try await CampaignAgentModel.query(on: db).filter(\.$campaign.$id == campaignID).filter(\.$user.$id == userID).first() == nil {
            try await CampaignAgentModel(campaignID: campaignID, userID: userID).create(on: db)
        }
    }

    /// Activates, or refuses naming every reason (no valid wash this month, caller ID, outside period).
    static func setStatus(_ campaign: CampaignModel, to status: CampaignModel.Status, on db: any Database, now: Date) async throws {
        if status == .active {
            let validity = try await CampaignValidity.check(campaign, at: now, on: db)
            var problems: [FieldProblem] = []
            if !validity.hasValidWash {
                problems.append(
                    .init(
                        field: "washes",
                        Phrase(
                            nb: "ingen tilknyttet liste er vasket mot en registerkopi som gjelder nå (vask denne måneden)",
                            en: "no attached list is washed against a register copy valid now (wash this month)")))
            }
            if !validity.callerIDAllowed {
                problems.append(.init(field: "caller_id", Phrase(nb: "nummervisningen er ikke tillatt nå", en: "the caller ID is not allowed now")))
            }
            if !validity.withinPeriod {
                problems.append(.init(field: "period", Phrase(nb: "i dag er utenfor kampanjeperioden", en: "today is outside the campaign's period")))
            }
            guard problems.isEmpty else { throw AppError.invalid(problems) }
        }
        campaign.statusRaw = status.rawValue
        try await campaign.save(on: db)
    }
}

/// Whether a campaign may run at an instant.
struct CampaignValidity: Sendable {
    let hasValidWash: Bool
    let callerIDAllowed: Bool
    let withinPeriod: Bool
    /// The attached washes valid at the moment asked (month rule): id and storage folder.
    var validWashes: [(id: UUID, directory: String)] = []

    /// An attached wash: where its files are and when it clears numbers.
    struct AttachedWash: Sendable {
        let id: UUID
        let directory: String
        let washedAt: Date
        let validUntil: Date?
    }

    static func check(_ campaign: CampaignModel, at instant: Date, on db: any Database) async throws -> CampaignValidity {
        judge(campaign, washes: try await attachedWashes(campaign, on: db), at: instant)
    }

    /// The campaign's attached washes (read once; `judge` decides for any moment without the database).
    static func attachedWashes(_ campaign: CampaignModel, on db: any Database) async throws -> [AttachedWash] {
        let links = try await CampaignWashModel.query(on: db).filter(\.$campaign.$id == campaign.requireID()).with(\.$wash).all()
        return try links.map { link in
            AttachedWash(
                id: try link.wash.requireID(), directory: link.wash.storageDirectory, washedAt: link.wash.washedAt,
                validUntil: link.wash.validUntil)
        }
    }

    /// Whether the campaign may run at `instant`, given its attached washes.
    static func judge(_ campaign: CampaignModel, washes: [AttachedWash], at instant: Date) -> CampaignValidity {
        let valid = washes.filter { wash in
            guard let until = wash.validUntil else { return false }
            return wash.washedAt <= instant && instant < until
        }
        let hasValidWash = !valid.isEmpty
        let callerID: CallerID = campaign.callerID.isEmpty ? .hidden : .number(campaign.callerID, listedInDirectory: campaign.callerIDListed)
        let today = OsloTime.localDate(of: instant).iso8601
        return CampaignValidity(
            hasValidWash: hasValidWash,
            callerIDAllowed: CallingRules.judgeCallerID(callerID, at: instant).allowed,
            withinPeriod: campaign.startsOn <= today && today <= campaign.endsOn,
            validWashes: valid.map { ($0.id, $0.directory) })
    }
}
