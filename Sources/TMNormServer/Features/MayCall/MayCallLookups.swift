import Fluent
import Foundation
import TMNormCore

/// The block lists and exemptions a campaign's answers read: the client's and the call centre's block
/// lists and the client's exemptions, each from the feature that owns it (held in memory there while
/// unchanged, so an answer reads no rows for them).
struct MayCallLookups: Sendable {
    let clientBlockList: BlockListSet
    let callCentreBlockList: BlockListSet
    let exemptions: ExemptionSet

    static let empty = MayCallLookups(clientBlockList: .empty, callCentreBlockList: .empty, exemptions: .empty)

    static func load(for campaign: CampaignModel, blockLists: BlockListLookup, exemptions: ExemptionLookup, on db: any Database) async throws
        -> MayCallLookups
    {
        MayCallLookups(
            clientBlockList: try await blockLists.list(of: campaign.$client.id, on: db),
            callCentreBlockList: try await blockLists.list(of: campaign.$callCentre.id, on: db),
            exemptions: try await exemptions.exemptions(of: campaign.$client.id, on: db))
    }
}
