import Crypto
import Fluent
import Foundation
import TMNormCore
import Vapor

/// Answers "may I call this number now?" for one or many numbers of a campaign, and logs every answer.
enum MayCallService {
    /// One question: a number, and optionally its person (name and address), which clears a number that no
    /// valid wash of the campaign cleared.
    struct Question: Sendable {
        let number: String
        let person: PersonIdentity?

        init(_ number: String, person: PersonIdentity? = nil) {
            self.number = number
            self.person = person
        }
    }

    /// One answer.
    struct Answer: Content {
        let number: String
        let allowed: Bool
        let reasons: [String]
        let decision_id: UUID
        let register: RegisterRef?
        let next_allowed: String?

        struct RegisterRef: Content {
            let id: String
            let obtained_at: String
        }

        /// `register` and `next_allowed` are always present, null when there is none: the API document
        /// makes them required (synthesised encoding leaves nil keys out).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(allowed, forKey: .allowed)
            try container.encode(reasons, forKey: .reasons)
            try container.encode(decision_id, forKey: .decision_id)
            try container.encode(register, forKey: .register)
            try container.encode(next_allowed, forKey: .next_allowed)
        }
    }

    /// The campaign with what every answer for it needs, from a second-long cache per campaign and Oslo
    /// day: a question about another moment than now is judged from the same cached rows (the attached
    /// washes' validity is decided for that moment in memory). Unknown campaign → 404.
    static func context(campaignID: UUID, at instant: Date, app: Application, on db: any Database) async throws -> MayCallContextCache.Context {
        let now = app.clock.now()
        let day = OsloTime.localDate(of: instant)
        let load: @Sendable () async throws -> MayCallContextCache.Context = {
            guard let campaign = try await CampaignModel.find(campaignID, on: db) else { throw AppError.notFound() }
            // Each lookup that fails leaves its fact unknown, and the decider refuses on an unknown fact
            // (fails closed); the failure is logged, since the answer alone only says "unavailable".
            func orNil<T>(_ what: String, _ body: () async throws -> T?) async -> T? {
                do { return try await body() } catch {
                    app.logger.error(
                        "may-call lookup failed",
                        metadata: [
                            "lookup": .string(what), "campaign_id": .string(campaignID.uuidString), "error": .string(String(describing: error)),
                        ])
                    return nil
                }
            }
            let washes = await orNil("campaign validity") { try await CampaignValidity.attachedWashes(campaign, on: db) }
            let validity = washes.map { CampaignValidity.judge(campaign, washes: $0, at: instant) }
            let index = app.washCallableIndex
            return MayCallContextCache.Context(
                campaign: campaign, validity: validity,
                register: await orNil("register copy") { try await RegisterSelection.activeModel(for: campaign.$callCentre.id, on: db) },
                norms: try await IndustryNormService.norms(bindingCallCentre: campaign.$callCentre.id, on: day, db: db),
                loadedAt: now,
                callable: (validity?.validWashes ?? []).compactMap { index.keys(washID: $0.id, directory: $0.directory) },
                engagementInForce: await orNil("engagement") {
                    try await Engagements.active(
                        callCentre: campaign.$callCentre.id, client: campaign.$client.id, on: Engagements.day(instant), db: db)
                } != nil, washes: washes, judgedAt: instant)
        }
        let context = try await app.mayCallCache.context(campaignID, day: day.iso8601, now: now, load: load)
        // Judged for this moment unless the entry already was (within the second "now" is cached for).
        if abs(instant.timeIntervalSince(context.judgedAt)) < MayCallContextCache.lifetime { return context }
        return context.judged(at: instant, index: app.washCallableIndex)
    }

    static func decide(
        numbers: [String], context: MayCallContextCache.Context, at instant: Date, askedBy: String, app: Application, on db: any Database
    ) async throws -> [Answer] {
        try await decide(questions: numbers.map { Question($0) }, context: context, at: instant, askedBy: askedBy, app: app, on: db)
    }

    static func decide(
        questions: [Question], context: MayCallContextCache.Context, at instant: Date, askedBy: String, app: Application, on db: any Database
    ) async throws -> [Answer] {
        let numbers = questions.map(\.number)
        let now = app.clock.now()
        let campaign = context.campaign
        let campaignID = try campaign.requireID()
        let validity = context.validity
        // The law, then every industry norm binding the call centre; the strictest answer wins.
        let calling: CallingDecision?
        do { calling = try IndustryNormService.decide(at: instant, norms: context.norms) } catch {
            // Fails closed: without the calling rules every answer is refused.
            app.logger.error(
                "calling rules unavailable", metadata: ["campaign_id": .string(campaignID.uuidString), "error": .string(String(describing: error))])
            calling = nil
        }
        let day = OsloTime.localDate(of: instant)
        let ruleSet = calling.map { ([$0.ruleSetID] + context.norms.compactMap { $0.version(on: day)?.id }).joined(separator: "+") } ?? "unavailable"
        let registerModel = context.register
        var snapshot: RegisterSnapshot?
        if let registerModel {
            do { snapshot = try app.registerStore.snapshot(for: registerModel) } catch {
                // Fails closed: without the snapshot every answer is "register_unavailable".
                app.logger.error(
                    "register snapshot unavailable",
                    metadata: [
                        "snapshot_id": .string(registerModel.snapshotID), "error": .string(String(describing: error)),
                    ])
            }
        }

        let parsed = numbers.map { PhoneNumber.parse($0) }
        let callable = context.callable
        func washed(_ key: UInt32?) -> Bool { key.map { key in callable.contains { $0.contains(key) } } ?? false }
        // Fails closed: without the lists every answer is "not allowed" (the decider treats nil as unknown).
        let lookups: MayCallLookups?
        do {
            lookups = try await MayCallLookups.load(for: campaign, blockLists: app.blockListLookup, exemptions: app.exemptionLookup, on: db)
        } catch {
            app.logger.error(
                "may-call lists unavailable", metadata: ["campaign_id": .string(campaignID.uuidString), "error": .string(String(describing: error))])
            lookups = nil
        }
        let category = campaign.productCategory

        var answers: [Answer] = []
        var decisions: [DecisionRecord] = []
        let hashKey = app.serverKeys.key(Self.numberHashPurpose)
        for (question, result) in zip(questions, parsed) {
            let raw = question.number
            let national = result.number?.national
            let key = result.number?.eightDigitKey
            let personCheck: MayCallPersonCheck
            if let person = question.person {
                // Without a register copy the person cannot be checked: the register check below refuses anyway.
                personCheck = .person(
                    reserved: snapshot?.containsPerson(person.key) ?? true,
                    coversVoluntary: snapshot?.containsVoluntaryPerson(person.key) ?? true)
            } else {
                personCheck = washed(key) ? .washed : .unchecked
            }
            var reserved: Bool?
            var coversVoluntary = false
            if let snapshot, let key {
                reserved = snapshot.containsNumber(key)
                coversVoluntary = snapshot.containsVoluntaryNumber(key)
            } else if snapshot != nil {
                reserved = false
            }
            var facts = MayCallFacts(
                number: result, callingTime: calling,
                campaignActive: campaign.status == .active, campaignWithinPeriod: validity?.withinPeriod ?? false,
                hasValidWash: validity?.hasValidWash ?? false, callerIDAllowed: validity?.callerIDAllowed ?? false,
                reservedInRegister: reserved, reservationCoversVoluntary: coversVoluntary, campaignIsVoluntary: campaign.voluntary,
                onClientBlockList: lookups.map { $0.clientBlockList.contains(number: key, person: question.person) },
                onCallCentreBlockList: lookups.map { $0.callCentreBlockList.contains(number: key, person: question.person) },
                existingCustomerSameCategory: lookups?.exemptions.isCustomer(number: key, person: question.person, category: category) ?? false,
                consentToThisBusiness: lookups?.exemptions.hasConsent(number: key) ?? false,
                personCheck: personCheck)
            facts.engagementInForce = context.engagementInForce
            let verdict = MayCallDecider.decide(facts)
            let decision = DecisionRecord(
                id: UUID(), campaignID: campaignID, callCentreID: campaign.$callCentre.id, clientID: campaign.$client.id,
                numberHash: numberHash(national ?? raw, key: hashKey), allowed: verdict.allowed,
                reasons: verdict.reasons.map(\.rawValue).joined(separator: ","), registerSnapshotID: registerModel?.snapshotID,
                ruleSet: ruleSet, askedAt: instant, decidedAt: now, askedBy: askedBy)
            decisions.append(decision)
            answers.append(
                Answer(
                    number: result.number?.e164 ?? raw, allowed: verdict.allowed, reasons: verdict.reasons.map(\.rawValue),
                    decision_id: decision.id,
                    register: registerModel.map { .init(id: $0.snapshotID, obtained_at: OsloTime.iso8601($0.obtainedAt)) },
                    next_allowed: calling?.nextAllowed.map(OsloTime.iso8601)))
        }
        // Logged before answering: an answer that is not on record is never given.
        try await app.decisionLogWriter.record(decisions, on: db)
        return answers
    }

    /// The `ServerKeys` purpose of the decision log's number hashes.
    static let numberHashPurpose = "may-call-number"

    /// A keyed hash of the national number: searchable, but the log holds no numbers.
    static func numberHash(_ national: String, keys: ServerKeys) -> String {
        numberHash(national, key: keys.key(numberHashPurpose))
    }

    /// The hash decisions were logged with before keys were derived with HKDF (HMAC under the raw secret).
    static func legacyNumberHash(_ national: String, secret: String) -> String {
        numberHash(national, key: SymmetricKey(data: Data(secret.utf8)))
    }

    static func numberHash(_ national: String, key: SymmetricKey) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(national.utf8), using: key)
        return Hex.encode(code)
    }
}
