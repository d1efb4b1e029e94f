import Testing

@testable import TMNormCore

@Suite("Access policy")
struct AccessPolicyTests {
    private func person(_ role: Role, _ kind: OrganisationKind) -> Actor { Actor(organisationKind: kind, kind: .person(role)) }

    @Test("the association and the board see every organisation; others see their own and engaged ones")
    func scopes() {
        #expect(AccessPolicy.organisationScope(person(.associationAdmin, .association)) == .all)
        #expect(AccessPolicy.organisationScope(person(.boardMember, .board)) == .all)
        #expect(AccessPolicy.organisationScope(person(.callCentreAdmin, .callCentre)) == .ownAndEngaged)
        #expect(AccessPolicy.organisationScope(person(.agent, .callCentre)) == .ownAndEngaged)
        #expect(AccessPolicy.organisationScope(person(.clientUser, .client)) == .ownAndEngaged)
        #expect(AccessPolicy.organisationScope(Actor(organisationKind: .callCentre, kind: .apiKey)) == .ownAndEngaged)
        #expect(AccessPolicy.organisationScope(Actor(organisationKind: .association, kind: .apiKey)) == .all)
    }

    @Test("only association administrators manage the network")
    func network() {
        for role in Role.allCases {
            let kind = role.allowedOrganisationKinds.first ?? .client
            #expect(AccessPolicy.canManageNetwork(person(role, kind)) == (role == .associationAdmin))
        }
        #expect(AccessPolicy.canManageNetwork(Actor(organisationKind: .association, kind: .apiKey)))
        #expect(!AccessPolicy.canManageNetwork(Actor(organisationKind: .callCentre, kind: .apiKey)))
    }

    @Test("a call centre records its own engagements only")
    func engagements() {
        #expect(AccessPolicy.canRecordEngagement(person(.callCentreAdmin, .callCentre), callCentreIsOwn: true))
        #expect(!AccessPolicy.canRecordEngagement(person(.callCentreAdmin, .callCentre), callCentreIsOwn: false))
        #expect(!AccessPolicy.canRecordEngagement(person(.agent, .callCentre), callCentreIsOwn: true))
        #expect(AccessPolicy.canRecordEngagement(person(.associationAdmin, .association), callCentreIsOwn: false))
    }

    @Test("invitable roles fit the target organisation's kind")
    func invitable() {
        let association = person(.associationAdmin, .association)
        #expect(AccessPolicy.invitableRoles(by: association, into: .callCentre, ownOrganisation: false) == [.callCentreAdmin, .agent])
        #expect(AccessPolicy.invitableRoles(by: association, into: .client, ownOrganisation: false) == [.clientUser])
        #expect(
            AccessPolicy.invitableRoles(by: person(.callCentreAdmin, .callCentre), into: .callCentre, ownOrganisation: true) == [
                .callCentreAdmin, .agent,
            ])
        #expect(AccessPolicy.invitableRoles(by: person(.callCentreAdmin, .callCentre), into: .callCentre, ownOrganisation: false).isEmpty)
        #expect(AccessPolicy.invitableRoles(by: person(.agent, .callCentre), into: .callCentre, ownOrganisation: true).isEmpty)
    }

    @Test("each role belongs to organisations of fitting kinds")
    func roleKinds() {
        #expect(Role.agent.allowedOrganisationKinds == [.callCentre])
        #expect(Role.clientUser.allowedOrganisationKinds == [.client])
        #expect(Role.boardMember.allowedOrganisationKinds.contains(.authority))
    }
}
