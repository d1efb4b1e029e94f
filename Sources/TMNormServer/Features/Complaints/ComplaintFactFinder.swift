import Fluent
import Foundation
import TMNormCore
import Vapor

/// Gathers what the platform's own records say about a complained-of call (`ComplaintFacts`). Each fact
/// names the record it comes from; when the records cannot say, the fact is unknown with a reason code:
/// - `business_not_registered`: the business is not on the platform, so it has no campaigns or lists here;
/// - `no_campaign`: the business had no campaign running that day;
/// - `no_register_copy`: no register copy had been imported by then;
/// - `register_copy_not_kept`: the copy in force then is no longer stored;
/// - `no_sale`: no sale to that number by the business near that time (and no offer code that finds one);
/// - `rules_unavailable`: the calling rules could not be evaluated for that moment.
enum ComplaintFactFinder {
    /// How far from the stated time a may-call decision counts as "near" (times are approximate).
    static let decisionWindow: TimeInterval = 2 * 3600
    /// How far from the stated time a sale to the number counts as the sale complained of.
    static let saleWindow: TimeInterval = 7 * 86_400

    static func find(
        _ intake: ComplaintIntake, business: OrganisationModel?, sale: SaleModel?, app: Application, on db: any Database
    ) async throws -> ComplaintFacts {
        let number = intake.number
        let key = number.eightDigitKey
        let day = OsloTime.localDate(of: intake.calledAt)
        let businessID = try business?.requireID()
        // The campaigns of the business running that day (as call centre or as client).
        var campaigns: [CampaignModel] = []
        if let business, let businessID {
            let query = CampaignModel.query(on: db).filter(\.$startsOn <= day.iso8601).filter(\.$endsOn >= day.iso8601)
            if business.kind == .callCentre { query.filter(\.$callCentre.$id == businessID) } else { query.filter(\.$client.$id == businessID) }
            campaigns = try await query.all()
        }
        let centreID: UUID? = business?.kind == .callCentre ? businessID : campaigns.first?.$callCentre.id
        let noCampaign = business == nil ? "business_not_registered" : "no_campaign"

        // Register copy in force for the centre then.
        let reserved: ComplaintFact
        if let copy = try await registerCopy(inForceAt: intake.calledAt, for: centreID, on: db) {
            if let snapshot = try? app.registerStore.snapshot(for: copy), let key {
                reserved = .known(snapshot.containsNumber(key), source: "register:\(copy.snapshotID)")
            } else {
                reserved = .unknown("register_copy_not_kept", source: "register:\(copy.snapshotID)")
            }
        } else {
            reserved = .unknown("no_register_copy")
        }

        // Calling hours: the law and the norms binding the centre that day.
        let hours: ComplaintFact
        do {
            var norms: [IndustryNorm] = []
            if let centreID { norms = try await IndustryNormService.norms(bindingCallCentre: centreID, on: day, db: db) }
            let decision = try IndustryNormService.decide(at: intake.calledAt, norms: norms)
            hours = .known(
                decision.allowed, source: "rules:" + ([decision.ruleSetID] + norms.compactMap { $0.version(on: day)?.id }).joined(separator: "+"))
        } catch {
            hours = .unknown("rules_unavailable")
        }

        // May-call decisions for the number near that time, by the business's campaigns.
        let decisionLogged: ComplaintFact
        if let businessID {
            let hashes = [
                MayCallService.numberHash(number.national, keys: app.serverKeys),
                MayCallService.legacyNumberHash(number.national, secret: app.config.secret),
            ]
            let near = try await DecisionModel.query(on: db)
                .filter(\.$numberHash ~~ hashes)
                .group(.or) { $0.filter(\.$callCentreID == businessID).filter(\.$clientID == businessID) }
                .filter(\.$askedAt >= intake.calledAt.addingTimeInterval(-decisionWindow))
                .filter(\.$askedAt <= intake.calledAt.addingTimeInterval(decisionWindow))
                .sort(\.$askedAt, .descending).first()
            if let near {
                decisionLogged = .known(
                    true, source: "decision:\(try near.requireID().uuidString.lowercased()):\(near.allowed ? "allowed" : "refused:" + near.reasons)")
            } else {
                decisionLogged = .known(false, source: "decisions")
            }
        } else {
            decisionLogged = .unknown("business_not_registered")
        }

        // Washes and caller ID of the running campaigns.
        let inWash: ComplaintFact
        let callerID: ComplaintFact
        if campaigns.isEmpty {
            inWash = .unknown(noCampaign)
            callerID = .unknown(noCampaign)
        } else {
            var washedIn: UUID?
            var callerIDs: [(UUID, Bool)] = []
            for campaign in campaigns {
                let validity = try await CampaignValidity.check(campaign, at: intake.calledAt, on: db)
                callerIDs.append((try campaign.requireID(), validity.callerIDAllowed))
                guard washedIn == nil, let key else { continue }
                for wash in validity.validWashes where app.washCallableIndex.keys(washID: wash.id, directory: wash.directory)?.contains(key) == true {
                    washedIn = wash.id
                    break
                }
            }
            inWash = washedIn.map { .known(true, source: "wash:\($0.uuidString.lowercased())") } ?? .known(false, source: "washes")
            let refused = callerIDs.first { !$0.1 }
            callerID = .known(refused == nil, source: "campaign:\((refused ?? callerIDs[0]).0.uuidString.lowercased())")
        }

        // Block lists of the business and, through its campaigns, of the other side.
        let blocked: ComplaintFact
        if business != nil {
            let owners = Set([businessID].compactMap { $0 } + campaigns.flatMap { [$0.$callCentre.id, $0.$client.id] })
            let entry = try await BlockListEntryModel.query(on: db).filter(\.$organisation.$id ~~ owners)
                .filter(\.$phone == number.national).filter(\.$createdAt <= intake.calledAt).sort(\.$createdAt).first()
            blocked =
                entry.map { .known(true, source: "block-list:\($0.$organisation.id.uuidString.lowercased())", since: $0.createdAt) }
                ?? .known(false, source: "block-lists")
        } else {
            blocked = .unknown("business_not_registered")
        }

        // Written acceptance, for a sale.
        let acceptance: ComplaintFact
        if let sale {
            let lifecycle = try sale.lifecycle()
            acceptance = .known(lifecycle.acceptedAt != nil, source: "sale:\(sale.reference)")
        } else {
            acceptance = .unknown("no_sale")
        }

        return ComplaintFacts(
            reservedAtCall: reserved, withinCallingHours: hours, decisionLogged: decisionLogged, inValidWash: inWash,
            onBlockList: blocked, writtenAcceptance: acceptance, callerIDAllowed: callerID)
    }

    /// The sale complained of: the one the offer code finds for this number, else the latest sale to the
    /// number by the business near the stated time.
    static func sale(for intake: ComplaintIntake, business: OrganisationModel?, app: Application, on db: any Database) async throws -> SaleModel? {
        if let code = intake.offerCode {
            for codeKey in [SaleService.codeKey(app), SaleService.legacyCodeKey(app)] {
                if let sale = try await SaleModel.query(on: db).filter(\.$consumerPhone == intake.number.e164)
                    .filter(\.$codeHash == OfferSecretGenerator.hashCode(code, key: codeKey)).first()
                {
                    return sale
                }
            }
        }
        guard let business, let businessID = business.id else { return nil }
        return try await SaleModel.query(on: db).filter(\.$consumerPhone == intake.number.e164)
            .group(.or) { $0.filter(\.$callCentreID == businessID).filter(\.$clientID == businessID) }
            .filter(\.$createdAt >= intake.calledAt.addingTimeInterval(-saleWindow))
            .filter(\.$createdAt <= intake.calledAt.addingTimeInterval(saleWindow))
            .sort(\.$createdAt, .descending).first()
    }

    /// The copy a centre's answers used at `instant`: its own latest import by then, else the installation's.
    static func registerCopy(inForceAt instant: Date, for centreID: UUID?, on db: any Database) async throws -> RegisterSnapshotModel? {
        let usable = [RegisterSnapshotModel.Status.active.rawValue, RegisterSnapshotModel.Status.superseded.rawValue]
        if let centreID,
            let own = try await RegisterSnapshotModel.query(on: db).filter(\.$organisation.$id == centreID)
                .filter(\.$statusRaw ~~ usable).filter(\.$importedAt <= instant).sort(\.$importedAt, .descending).first()
        {
            return own
        }
        return try await RegisterSnapshotModel.query(on: db).filter(\.$organisation.$id == nil)
            .filter(\.$statusRaw ~~ usable).filter(\.$importedAt <= instant).sort(\.$importedAt, .descending).first()
    }
}
