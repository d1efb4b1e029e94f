import Fluent
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Invitations")
struct InvitationTests {
    private func link(in html: String) throws -> String {
        let range = try #require(html.range(of: "http://tmnorm.test/invite/"))
        return "/invite/" + html[range.upperBound...].prefix { $0 != "<" && $0 != "\"" }
    }

    @Test("an administrator invites a colleague, who sets a password once; the link cannot be used again")
    func inviteAndAccept() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let created = try await app.postForm(
                "/invitations", ["email": "ny@alfa.test", "role": "agent", "organisation_id": world.callCentre.id.uuidString],
                as: world.browser(.callCentreAdmin))
            #expect(created.status == .created)
            let path = try link(in: created.text)
            let token = String(path.dropFirst("/invite/".count))
            #expect(try await InvitationModel.query(on: app.db).all().allSatisfy { $0.tokenHash != token })

            let form = try await app.get(path, as: .anonymous)
            #expect(form.status == .ok)
            #expect(form.text.contains("ny@alfa.test"))
            let accepted = try await app.postForm(path, ["name": "Nina Ny", "password": "long enough secret"], as: .anonymous)
            #expect(accepted.status == .seeOther)
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "ny@alfa.test").first())
            #expect(user.role == .agent)
            #expect(user.$organisation.id == world.callCentre.id)

            let again = try await app.get(path, as: .anonymous)
            #expect(again.status == .gone)
        }
    }

    @Test("an expired invitation is refused with 410")
    func expired() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let created = try await app.postForm("/invitations", ["email": "sen@alfa.test", "role": "agent"], as: world.browser(.callCentreAdmin))
            let path = try link(in: created.text)
            app.clock = AppClock { testNow.addingTimeInterval(8 * 24 * 3600) }
            let response = try await app.postForm(path, ["name": "Sen", "password": "long enough secret"], as: .anonymous)
            #expect(response.status == .gone)
            #expect(try await UserModel.query(on: app.db).filter(\.$email == "sen@alfa.test").count() == 0)
        }
    }

    @Test("a call-centre administrator cannot invite into another organisation or hand out other roles")
    func inviteLimits() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let foreign = try await app.postForm(
                "/invitations", ["email": "x@beta.test", "role": "agent", "organisation_id": world.foreignCallCentre.id.uuidString],
                as: world.browser(.callCentreAdmin))
            #expect(foreign.status == .forbidden)
            let role = try await app.postForm(
                "/invitations", ["email": "x@alfa.test", "role": "association_admin"], as: world.browser(.callCentreAdmin))
            #expect(role.status == .unprocessableEntity)
            let email = try await app.postForm("/invitations", ["email": "not an address", "role": "agent"], as: world.browser(.callCentreAdmin))
            #expect(email.status == .unprocessableEntity)
            #expect(email.text.contains("e-postadresse"))
            let agent = try await app.postForm("/invitations", ["email": "y@alfa.test", "role": "agent"], as: world.browser(.agent))
            #expect(agent.status == .forbidden)
            #expect(try await InvitationModel.query(on: app.db).count() == 0)
        }
    }
}
