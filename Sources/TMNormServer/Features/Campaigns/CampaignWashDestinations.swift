import Fluent
import Foundation
import Vapor

/// Campaigns as destinations of API washes (`POST /api/v1/washes?campaign=ID`).
struct CampaignWashDestinations: WashDestinations {
    func destination(_ id: UUID, callCentre: UUID, on db: any Database) async throws -> WashDestination? {
        guard let campaign = try await CampaignModel.find(id, on: db), campaign.$callCentre.id == callCentre else { return nil }
        return WashDestination(id: id, clientID: campaign.$client.id, category: campaign.productCategory, voluntary: campaign.voluntary)
    }

    func attach(washID: UUID, to destination: WashDestination, app: Application, on db: any Database, now: Date) async throws {
        guard let campaign = try await CampaignModel.find(destination.id, on: db) else { throw AppError.notFound() }
        try await CampaignService.attachWash(campaign, washID: washID, on: db, now: now)
        app.mayCallCache.invalidate(destination.id)
    }
}
