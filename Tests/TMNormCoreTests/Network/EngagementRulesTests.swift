import Testing

@testable import TMNormCore

@Suite("Engagements: the client confirms, and access holds only inside the period")
struct EngagementRulesTests {
    let centreAdmin = Actor(organisationKind: .callCentre, kind: .person(.callCentreAdmin))
    let centreKey = Actor(organisationKind: .callCentre, kind: .apiKey)
    let clientUser = Actor(organisationKind: .client, kind: .person(.clientUser))
    let clientKey = Actor(organisationKind: .client, kind: .apiKey)
    let associationAdmin = Actor(organisationKind: .association, kind: .person(.associationAdmin))
    let agent = Actor(organisationKind: .callCentre, kind: .person(.agent))
    let ownCentre = EngagementParty(isCallCentre: true, isClient: false)
    let ownClient = EngagementParty(isCallCentre: false, isClient: true)
    let neither = EngagementParty(isCallCentre: false, isClient: false)

    @Test("a call centre's declaration waits for the client; the client and the association record confirmed ones")
    func initialStatus() {
        #expect(EngagementRules.initialStatus(recordedBy: centreAdmin, party: ownCentre) == .pending)
        #expect(EngagementRules.initialStatus(recordedBy: centreKey, party: ownCentre) == .pending)
        #expect(EngagementRules.initialStatus(recordedBy: clientUser, party: ownClient) == .confirmed)
        #expect(EngagementRules.initialStatus(recordedBy: clientKey, party: ownClient) == .confirmed)
        #expect(EngagementRules.initialStatus(recordedBy: associationAdmin, party: neither) == .confirmed)
    }

    @Test("nobody records an engagement for parties that are not theirs; agents record none")
    func refused() {
        #expect(EngagementRules.initialStatus(recordedBy: centreAdmin, party: neither) == nil)
        #expect(EngagementRules.initialStatus(recordedBy: centreKey, party: neither) == nil)
        #expect(EngagementRules.initialStatus(recordedBy: clientUser, party: neither) == nil)
        #expect(EngagementRules.initialStatus(recordedBy: agent, party: ownCentre) == nil)
    }

    @Test("only the client (or the association) confirms or declines; the call centre cannot confirm itself")
    func deciding() {
        #expect(EngagementRules.canDecide(clientUser, party: ownClient))
        #expect(EngagementRules.canDecide(clientKey, party: ownClient))
        #expect(EngagementRules.canDecide(associationAdmin, party: neither))
        #expect(!EngagementRules.canDecide(centreAdmin, party: ownCentre))
        #expect(!EngagementRules.canDecide(centreKey, party: ownCentre))
        #expect(!EngagementRules.canDecide(clientUser, party: neither))
    }

    @Test("access: confirmed and inside [from, until], both days included")
    func period() throws {
        let from = try LocalDate(parsing: "2026-01-01")
        let until = try LocalDate(parsing: "2026-06-30")
        func on(_ day: String) throws -> LocalDate { try LocalDate(parsing: day) }
        #expect(EngagementRules.grantsAccess(status: .confirmed, from: from, until: until, on: try on("2026-01-01")))
        #expect(EngagementRules.grantsAccess(status: .confirmed, from: from, until: until, on: try on("2026-06-30")))
        #expect(!EngagementRules.grantsAccess(status: .confirmed, from: from, until: until, on: try on("2025-12-31")))
        #expect(!EngagementRules.grantsAccess(status: .confirmed, from: from, until: until, on: try on("2026-07-01")))
        #expect(EngagementRules.grantsAccess(status: .confirmed, from: from, until: nil, on: try on("2030-01-01")))
        #expect(!EngagementRules.grantsAccess(status: .pending, from: from, until: nil, on: try on("2026-03-01")))
        #expect(!EngagementRules.grantsAccess(status: .declined, from: from, until: nil, on: try on("2026-03-01")))
    }

    @Test("recording customers and consents needs the client's permission on an engagement in force")
    func exemptions() throws {
        let from = try LocalDate(parsing: "2026-01-01")
        let day = try LocalDate(parsing: "2026-03-01")
        #expect(EngagementRules.mayRecordExemptions(status: .confirmed, from: from, until: nil, allowedByClient: true, on: day))
        #expect(!EngagementRules.mayRecordExemptions(status: .confirmed, from: from, until: nil, allowedByClient: false, on: day))
        #expect(!EngagementRules.mayRecordExemptions(status: .pending, from: from, until: nil, allowedByClient: true, on: day))
    }
}
