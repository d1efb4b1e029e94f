import Foundation
import Vapor

/// A campaign as the API returns it.
struct CampaignDTO: Content {
    let id: UUID
    let name: String
    let client_id: UUID
    let product_category: String
    let caller_id: String
    let voluntary: Bool
    let newspaper: Bool
    let starts_on: String
    let ends_on: String
    let status: String

    init(_ model: CampaignModel) throws {
        id = try model.requireID()
        name = model.name
        client_id = model.$client.id
        product_category = model.productCategory
        caller_id = model.callerID
        voluntary = model.voluntary
        newspaper = model.newspaper
        starts_on = model.startsOn
        ends_on = model.endsOn
        status = model.statusRaw
    }
}
