import Fluent
import Foundation

/// A call centre's campaign for a client.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class CampaignModel: Model, @unchecked Sendable {
    static let schema = "campaigns"

    /// Where a campaign stands.
    enum Status: String, Sendable, Codable, CaseIterable {
        case draft, active, paused, ended
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "call_centre_id") var callCentre: OrganisationModel
    @Parent(key: "client_id") var client: OrganisationModel
    @Field(key: "name") var name: String
    @Field(key: "product_category") var productCategory: String
    /// The number shown to consumers; empty means hidden.
    @Field(key: "caller_id") var callerID: String
    @Field(key: "caller_id_listed") var callerIDListed: Bool
    @Field(key: "voluntary") var voluntary: Bool
    @Field(key: "newspaper") var newspaper: Bool
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "status") var statusRaw: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var status: Status { Status(rawValue: statusRaw) ?? .draft }
}

/// A washed list attached to a campaign.
final class CampaignWashModel: Model, @unchecked Sendable {
    static let schema = "campaign_washes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: CampaignModel
    @Parent(key: "wash_id") var wash: WashRecordModel
    @Field(key: "attached_at") var attachedAt: Date

    init() {}

    init(campaignID: UUID, washID: UUID, attachedAt: Date) {
        self.$campaign.id = campaignID
        self.$wash.id = washID
        self.attachedAt = attachedAt
    }
}

/// An agent working on a campaign.
final class CampaignAgentModel: Model, @unchecked Sendable {
    static let schema = "campaign_agents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "campaign_id") var campaign: CampaignModel
    @Parent(key: "user_id") var user: UserModel

    init() {}

    init(campaignID: UUID, userID: UUID) {
        self.$campaign.id = campaignID
        self.$user.id = userID
    }
}

/// Creates `campaigns`, `campaign_washes`, `campaign_agents`.
struct CreateCampaigns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CampaignModel.schema)
            .id()
            .field("call_centre_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("client_id", .uuid, .required, .references(OrganisationModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("product_category", .string, .required)
            .field("caller_id", .string, .required)
            .field("caller_id_listed", .bool, .required)
            .field("voluntary", .bool, .required)
            .field("newspaper", .bool, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CampaignWashModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id", onDelete: .cascade))
            .field("wash_id", .uuid, .required, .references(WashRecordModel.schema, "id", onDelete: .cascade))
            .field("attached_at", .datetime, .required)
            .unique(on: "campaign_id", "wash_id")
            .create()
        try await database.schema(CampaignAgentModel.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(CampaignModel.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .unique(on: "campaign_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CampaignAgentModel.schema).delete()
        try await database.schema(CampaignWashModel.schema).delete()
        try await database.schema(CampaignModel.schema).delete()
    }
}
