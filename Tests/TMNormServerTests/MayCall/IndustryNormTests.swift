import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Industry norms edited by the association and applied to may-call")
struct IndustryNormTests {
    @Test("the association adds a stricter version; a looser one or one dated today is refused and nothing changes")
    func versions() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.associationAdmin)
            let looser = try await app.postForm("/norms/versions", ["effective_from": "2027-01-01", "opens": "08:00", "closes": "21:00"], as: admin)
            #expect(looser.status == .unprocessableEntity)
            let today = try await app.postForm("/norms/versions", ["effective_from": "2026-11-30", "opens": "09:00", "closes": "20:00"], as: admin)
            #expect(today.status == .unprocessableEntity)
            #expect(try await IndustryNormModel.query(on: app.db).count() == 0)
            let ok = try await app.postForm(
                "/norms/versions", ["effective_from": "2026-12-01", "opens": "10:00", "closes": "20:00", "christmas_eve": "on"], as: admin)
            #expect(ok.status == .created)
            #expect(ok.text.contains("10:00–20:00"))
            let other = try await app.postForm(
                "/norms/versions", ["effective_from": "2027-01-01", "opens": "09:00", "closes": "20:00"], as: world.browser(.callCentreAdmin))
            #expect(other.status == .forbidden)
        }
    }

    @Test("a member call centre's may-call answers follow its association's norm: 09:30 is refused when the norm opens at 10:00")
    func appliedToMayCall() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            _ = try await app.postForm(
                "/norms/versions", ["effective_from": "2026-12-01", "opens": "10:00", "closes": "20:00"], as: world.browser(.associationAdmin))
            let early = try await MayCallTests().mayCall(
                app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-12-01T09:30:00+01:00")
            #expect(try early.json()["allowed"] as? Bool == false)
            // (the November wash has also expired by December; the norm's reason is listed with it)
            #expect((try early.json()["reasons"] as? [String])?.contains("norm_closed") == true)
            #expect(try early.json()["next_allowed"] as? String == "2026-12-01T10:00:00+01:00")
            let before = try await MayCallTests().mayCall(
                app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-11-30T10:30:00+01:00")
            #expect(try before.json()["allowed"] as? Bool == true)  // judged by the rules in force then
            let logged = try #require(try await DecisionModel.query(on: app.db).filter(\.$allowed == false).first())
            #expect(logged.ruleSet.contains("bransjenorm-"))
        }
    }
}
