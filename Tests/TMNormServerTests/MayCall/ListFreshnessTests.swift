import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// May-call reads block lists and exemptions from memory; these tests pin down when a change is seen.
@Suite("May-call sees block-list and exemption changes")
struct ListFreshnessTests {
    @Test("a number blocked through the API is refused by the very next question, though the list was already in memory")
    func ownWriteSeenAtOnce() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let before = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001")
            #expect(try before.json()["allowed"] as? Bool == true)
            let added = try await app.api(.POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"phones": ["93000001"]}"#)
            #expect(added.status.code < 300)
            let after = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001")
            #expect(try after.json()["allowed"] as? Bool == false)
            #expect(try after.json()["reasons"] as? [String] == ["call_centre_block_list"])
        }
    }

    @Test("a block-list entry another process wrote (counter bumped, this process not told) is seen within half a second")
    func otherProcessWriteSeen() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let before = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000002")
            #expect(try before.json()["allowed"] as? Bool == true)
            // What another process does: insert the row and bump the counter in one transaction.
            try await app.db.writeTransaction { db in
                try await BlockListEntryModel(
                    organisationID: world.client.id, phone: "93000002", personKey: nil, source: .api, addedByID: nil, createdAt: testNow
                ).create(on: db)
                try await ChangeGenerations.bump([BlockListLookup.scope(world.client.id)], on: db)
            }
            try await Task.sleep(nanoseconds: 2 * GenerationCache<BlockListSet>.recheckAfter)
            let after = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000002")
            #expect(try after.json()["reasons"] as? [String] == ["client_block_list"])
        }
    }

    @Test("a consent recorded by another process lifts the register within half a second")
    func otherProcessConsentSeen() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let before = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "91234567")
            #expect(try before.json()["allowed"] as? Bool == false, "91234567 is reserved in the test register")
            try await app.db.writeTransaction { db in
                try await ConsentModel(businessID: world.client.id, phone: "91234567", givenAt: testNow, source: "test", createdAt: testNow).create(
                    on: db)
                try await ChangeGenerations.bump([ExemptionLookup.scope(world.client.id)], on: db)
            }
            try await Task.sleep(nanoseconds: 2 * GenerationCache<ExemptionSet>.recheckAfter)
            let after = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "91234567")
            #expect(try after.json()["allowed"] as? Bool == true)
            #expect((try after.json()["reasons"] as? [String])?.contains("exempt_consent") == true)
        }
    }

    @Test("a person on the client's block list is refused when asked with the person, whatever the number")
    func personOnBlockList() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let person = try #require(
                PersonIdentity(firstName: "Ola", lastName: "Testesen", street: "Sperreveien", houseNumber: "3", postcode: "0150"))
            let client = try #require(try await OrganisationModel.find(world.client.id, on: app.db))
            #expect(
                try await BlockListService.add(
                    person: person, to: client, source: .administrator, by: nil, now: testNow, lookup: app.blockListLookup, on: app.db))
            let path =
                "/api/v1/may-call?campaign=\(campaign)&number=93000003&first_name=Ola&last_name=Testesen&street=Sperreveien&house_number=3&postcode=0150"
            let response = try await app.api(.GET, path, key: world.callCentreKey)
            #expect(try response.json()["allowed"] as? Bool == false)
            #expect(try response.json()["reasons"] as? [String] == ["client_block_list"])
        }
    }
}
