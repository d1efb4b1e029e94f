import Fluent
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Organisations in the browser")
struct OrganisationWebTests {
    @Test("the association registers an organisation with a valid number")
    func create() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.postForm(
                "/organisations", ["name": "Gamma Salg AS", "orgnr": "978 657 974", "kind": "call_centre"], as: world.browser(.associationAdmin))
            #expect(response.status == .seeOther)
            let created = try #require(try await OrganisationModel.query(on: app.db).filter(\.$orgnr == "978657974").first())
            #expect(created.name == "Gamma Salg AS")
            #expect(created.kind == .callCentre)
        }
    }

    @Test("a bad organisation number is refused with a message naming the problem")
    func badOrgnr() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.postForm(
                "/organisations", ["name": "Feil AS", "orgnr": "978657975", "kind": "client"], as: world.browser(.associationAdmin))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("kontrollsifferet er 5, modulus 11 krever 4"), "the reason in the page's language")
            #expect(response.text.contains("Feil AS"))  // the form keeps what was typed
            #expect(try await OrganisationModel.query(on: app.db).count() == 6)
        }
    }

    @Test("only the association registers organisations")
    func onlyAssociation() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for role in [Role.callCentreAdmin, .agent, .clientUser, .boardMember] {
                let response = try await app.postForm(
                    "/organisations", ["name": "X", "orgnr": "978657974", "kind": "client"], as: world.browser(role))
                #expect(response.status == .forbidden, "role \(role)")
            }
            #expect(try await OrganisationModel.query(on: app.db).count() == 6)
        }
    }

    @Test("a call centre sees itself and its clients, never another call centre's")
    func scopedList() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let page = try await app.get("/organisations", as: world.browser(.agent))
            #expect(page.status == .ok)
            #expect(page.text.contains("Alfa Callsenter"))
            #expect(page.text.contains("Kunde Alfa"))
            for secret in world.foreignSecrets { #expect(!page.text.contains(secret)) }
        }
    }

    @Test("membership dates out of order are refused")
    func membershipDates() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.postForm(
                "/organisations/\(world.client.id.uuidString.lowercased())/memberships",
                ["association_id": world.association.id.uuidString, "valid_from": "2026-05-01", "valid_until": "2026-01-01"],
                as: world.browser(.associationAdmin))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("valid_until"))
        }
    }

    @Test("a call-centre administrator records an engagement with a client")
    func engagement() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.postForm(
                "/organisations/\(world.callCentre.id.uuidString.lowercased())/engagements",
                ["client_id": world.foreignClient.id.uuidString, "valid_from": "2026-12-01"], as: world.browser(.callCentreAdmin))
            #expect(response.status == .seeOther)
            let foreign = try await app.postForm(
                "/organisations/\(world.foreignCallCentre.id.uuidString.lowercased())/engagements",
                ["client_id": world.client.id.uuidString, "valid_from": "2026-12-01"], as: world.browser(.callCentreAdmin))
            #expect(foreign.status == .forbidden)
        }
    }
}
