import Fluent
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Organisations through the JSON API")
struct OrganisationAPITests {
    @Test("a call centre's key lists only what it may see")
    func list() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.api(.GET, "/api/v1/organisations", key: world.callCentreKey)
            #expect(response.status == .ok)
            let items = try #require(try response.json()["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["orgnr"] as? String }) == [world.callCentre.orgnr, world.client.orgnr])
        }
    }

    @Test("a missing, unknown or revoked key gets 401 as a problem document")
    func unauthorized() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let missing = try await app.api(.GET, "/api/v1/organisations", key: nil)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers.contentType?.description.contains("problem+json") == true)
            let unknown = try await app.api(.GET, "/api/v1/organisations", key: "tmn_not_a_real_key")
            #expect(unknown.status == .unauthorized)
            let key = try #require(try await APIKeyModel.query(on: app.db).filter(\.$organisation.$id == world.callCentre.id).first())
            key.revokedAt = testNow
            try await key.save(on: app.db)
            let revoked = try await app.api(.GET, "/api/v1/organisations", key: world.callCentreKey)
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test("a foreign or malformed id is 404, never data")
    func foreignID() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let foreign = try await app.api(.GET, "/api/v1/organisations/\(world.foreignCallCentre.id)", key: world.callCentreKey)
            #expect(foreign.status == .notFound)
            #expect(!foreign.text.contains(world.foreignCallCentre.name))
            let malformed = try await app.api(.GET, "/api/v1/organisations/not-a-uuid", key: world.callCentreKey)
            #expect(malformed.status == .notFound)
        }
    }

    @Test("the association's key registers an organisation; bad input names each field")
    func create() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let created = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name":"Delta AS","orgnr":"955979710","kind":"client"}"#)
            #expect(created.status == .created)
            #expect(try created.json()["orgnr"] as? String == "955979710")

            let invalid = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name":"","orgnr":"12345","kind":"shop"}"#)
            #expect(invalid.status == .unprocessableEntity)
            let errors = try #require(try invalid.json()["errors"] as? [[String: String]])
            #expect(Set(errors.compactMap { $0["field"] }) == ["name", "orgnr", "kind"])
            #expect(errors.contains { $0["reason"]?.contains("has 5 digits") == true })

            let duplicate = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name":"Igjen","orgnr":"955979710","kind":"client"}"#)
            #expect(duplicate.status == .conflict)

            let forbidden = try await app.api(
                .POST, "/api/v1/organisations", key: world.callCentreKey, json: #"{"name":"X","orgnr":"918190937","kind":"client"}"#)
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("malformed JSON, wrong types and wrong content types are 4xx problem documents")
    func badInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let malformed = try await app.api(.POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name": "#)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.json()["status"] as? Int == 400)
            let wrongType = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: #"{"name": 12, "orgnr": "955979710", "kind": "client"}"#)
            #expect(wrongType.status == .unprocessableEntity)
            #expect(wrongType.text.contains("\"field\":\"name\""))
            let wrongContentType = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey, json: "name=x", contentType: .plainText)
            #expect(wrongContentType.status == .unsupportedMediaType)
            let oversize = try await app.api(
                .POST, "/api/v1/organisations", key: world.associationKey,
                json: "{\"name\":\"" + String(repeating: "x", count: 300) + "\",\"orgnr\":\"955979710\",\"kind\":\"client\"}")
            #expect(oversize.status == .unprocessableEntity)
            #expect(oversize.text.contains("at most 200 characters"))
        }
    }

    @Test("engagements are listed only for the key's own organisation")
    func engagements() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.api(.GET, "/api/v1/engagements", key: world.callCentreKey)
            let items = try #require(try response.json()["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["client_id"] as? String == world.client.id.uuidString)
        }
    }
}
