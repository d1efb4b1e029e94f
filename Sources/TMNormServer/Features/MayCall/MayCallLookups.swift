import Fluent
import Foundation
import SQLKit
import TMNormCore

/// Block lists and exemptions for a set of numbers. One statement per chunk of numbers answers all four
/// questions, so a single may-call costs one round trip to the database instead of four.
struct MayCallLookups: Sendable {
    let clientBlocked: Set<String>
    let callCentreBlocked: Set<String>
    let customers: Set<String>
    let consents: Set<String>

    static let empty = MayCallLookups(clientBlocked: [], callCentreBlocked: [], customers: [], consents: [])

    /// Numbers per statement: well below SQLite's and PostgreSQL's bind limits with four lists in one query.
    static let chunkSize = 500

    /// Exemptions (existing customers, consent) are only looked up for `exemptionCandidates`: they only
    /// matter for numbers the register reserves.
    static func load(nationals: [String], exemptionCandidates: Set<String>, campaign: CampaignModel, on db: any Database) async throws -> MayCallLookups {
        guard !nationals.isEmpty else { return .empty }
        guard let sql = db as? any SQLDatabase else { throw MayCallLookupError.noSQLDatabase }
        let clientID = campaign.$client.id
        let callCentreID = campaign.$callCentre.id
        let category = campaign.productCategory.lowercased()
        var clientBlocked = Set<String>(), callCentreBlocked = Set<String>(), customers = Set<String>(), consents = Set<String>()
        for start in stride(from: 0, to: nationals.count, by: chunkSize) {
            let chunk = Array(nationals[start..<min(start + chunkSize, nationals.count)])
            let candidates = chunk.filter(exemptionCandidates.contains)
            var query: SQLQueryString = """
                SELECT 'client' AS kind, phone, '' AS category FROM block_list_entries
                WHERE organisation_id = \(bind: clientID) AND phone IN (\(binds: chunk))
                UNION ALL
                SELECT 'centre' AS kind, phone, '' AS category FROM block_list_entries
                WHERE organisation_id = \(bind: callCentreID) AND phone IN (\(binds: chunk))
                """
            if !candidates.isEmpty {
                query += """

                    UNION ALL
                    SELECT 'customer' AS kind, phone, category FROM existing_customers
                    WHERE client_id = \(bind: clientID) AND phone IN (\(binds: candidates))
                    UNION ALL
                    SELECT 'consent' AS kind, phone, '' AS category FROM call_consents
                    WHERE business_id = \(bind: clientID) AND phone IN (\(binds: candidates))
                    """
            }
            for row in try await sql.raw(query).all() {
                let kind = try row.decode(column: "kind", as: String.self)
                guard let phone = try row.decode(column: "phone", as: String?.self) else { continue }
                switch kind {
                case "client": clientBlocked.insert(phone)
                case "centre": callCentreBlocked.insert(phone)
                // Categories are compared in Swift: SQLite's lower() folds only ASCII, and categories are Norwegian words.
                case "customer" where try row.decode(column: "category", as: String.self).lowercased() == category: customers.insert(phone)
                case "consent": consents.insert(phone)
                default: break
                }
            }
        }
        return MayCallLookups(clientBlocked: clientBlocked, callCentreBlocked: callCentreBlocked, customers: customers, consents: consents)
    }
}

/// A lookup that could not be made; may-call answers "not allowed" for it (fail closed).
enum MayCallLookupError: Error {
    case noSQLDatabase
}
