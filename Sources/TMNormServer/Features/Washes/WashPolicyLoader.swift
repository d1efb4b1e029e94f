import Fluent
import Foundation
import TMNormCore

/// Builds the core `WashPolicy` from the database: the call centre's and the client's block lists and
/// the client's exemptions for a product category.
enum WashPolicyLoader {
    static func blockList(of organisation: OrganisationModel, on db: any Database) async throws -> InternalBlockList {
        let entries = try await BlockListEntryModel.query(on: db)
            .filter(\.$organisation.$id == organisation.requireID()).all()
        let latest = entries.map(\.createdAt).max().map { OsloTime.iso8601($0) } ?? "empty"
        return InternalBlockList(
            owner: "\(organisation.kind == .client ? "client" : "call centre") \(organisation.orgnr)",
            version: "\(entries.count)@\(latest)",
            numberKeys: entries.compactMap { $0.phone.flatMap { UInt32($0) } },
            personKeys: entries.compactMap { $0.personKey.flatMap { UInt64($0, radix: 16) } })
    }

    static func policy(
        callCentre: OrganisationModel, client: OrganisationModel?, category: String?, voluntary: Bool,
        phoneColumn: String?, on db: any Database
    ) async throws -> WashPolicy {
        var lists = [try await blockList(of: callCentre, on: db)]
        var exemptions = WashExemptions.none
        if let client {
            lists.append(try await blockList(of: client, on: db))
            exemptions = try await ExemptionLookup.washExemptions(client: client, category: category, on: db)
        }
        return WashPolicy(
            blockLists: lists, exemptions: exemptions, isVoluntaryOrganisation: voluntary,
            phoneColumn: phoneColumn.map(WashColumnSelector.init(parsing:)))
    }
}
