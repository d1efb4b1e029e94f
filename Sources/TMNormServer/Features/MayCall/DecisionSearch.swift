import Fluent
import Foundation
import TMNormCore
import Vapor

/// Searches the decision log within what the principal may see.
enum DecisionSearch {
    static func search(principal: RequestPrincipal, number: String?, campaign: String?, keys: ServerKeys, on db: any Database) async throws
        -> [DecisionModel]
    {
        let query = DecisionModel.query(on: db).sort(\.$decidedAt, .descending).range(..<500)
        if AccessPolicy.organisationScope(principal.actor) != .all {
            let own = principal.organisationID
            query.group(.or) { $0.filter(\.$callCentreID == own).filter(\.$clientID == own) }
        }
        if let number = number?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            guard let national = PhoneNumber.parse(number).number?.national else {
                throw AppError.invalid([
                    .init(field: "number", Phrase(nb: "er ikke et gyldig norsk telefonnummer", en: "is not a valid Norwegian number"))
                ])
            }
            // Decisions logged before keys were derived with HKDF carry the older hash.
            query.filter(
                \.$numberHash ~~ [
                    MayCallService.numberHash(national, keys: keys), MayCallService.legacyNumberHash(national, secret: keys.secretForLegacyHashes),
                ])
        }
        if let campaign, let id = UUID(uuidString: campaign) {
            query.filter(\.$campaignID == id)
        }
        return try await query.all()
    }
}
