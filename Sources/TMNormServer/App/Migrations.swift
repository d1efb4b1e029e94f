import Fluent

/// Every migration, in order. Released migrations are never edited; add new ones at the end.
enum Migrations {
    static let all: [any Migration] = [
        CreateOrganisations(),
        CreateMemberships(),
        CreateEngagements(),
        CreateUsers(),
        CreateSessions(),
        CreateInvitations(),
        CreateAPIKeys(),
        CreateRegisterSnapshots(),
        CreateBlockListEntries(),
        CreateExemptions(),
        CreateWashes(),
        CreateCampaigns(),
        CreateDecisions(),
        CreateBlockRequests(),
        CreateAuthorizationRecords(),
        CreateAuthorizationApplications(),
        CreateOutboxMessages(),
        CreateConfirmations(),
        CreateGuidelines(),
        CreateIndustryNorms(),
        CreateAuthorizationReminders(),
        AddOutboxDeliveryReceipts(),
        AddEngagementConfirmation(),
        CreateChangeGenerations(),
        CreateJobs(),
        AddSaleExpiry(),
        AddSessionExpiryIndex(),
        AddBlockRequestExpiryIndex(),
        AddExemptionIndexes(),
        CreateComplaints(),
        AddRegisterSnapshotNorwegianError(),
        AddComplaintHandling(),
    ]
}
