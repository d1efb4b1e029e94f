import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Complaints forwarded by the consumer authority, with facts from the platform")
struct ComplaintAPITests {
    /// A consumer authority with an API key.
    func authority(_ app: Application, orgnr: String = "974761076", name: String = "Forbrukertilsynet") async throws -> (id: UUID, key: String) {
        let model = OrganisationModel(name: name, orgnr: try OrganisationNumber(orgnr), kind: .authority, createdAt: testNow)
        try await model.create(on: app.db)
        let key = try await APIKeyService.create(organisationID: try model.requireID(), name: "klager", on: app.db, tokens: app.tokens, now: testNow)
            .key
        return (try model.requireID(), key)
    }

    func body(
        orgnr: String? = "996030822", name: String? = nil, number: String, at: Date = testNow, reasons: [String] = ["reserved"], code: String? = nil
    ) -> String {
        var object: [String: Any] = [
            "number": number, "called_at": OsloTime.iso8601(at), "reasons": reasons, "text": "De ringte meg.",
            "contact": ["name": "Kari Nordmann", "email": "kari@example.no"],
        ]
        if let orgnr { object["business_orgnr"] = orgnr }
        if let name { object["business_name"] = name }
        if let code { object["offer_code"] = code }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func factsOf(_ response: TestingHTTPResponse, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: [String: Any]] {
        try #require(try response.json()["facts"] as? [String: [String: Any]], "\(response.status) \(response.text)", sourceLocation: sourceLocation)
    }

    @Test("a reserved number the centre never asked about: reserved, inside the hours, no decision logged, not in a valid wash")
    func reservedNotAsked() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            _ = try await MayCallTests().activeCampaign(app, world)
            let authority = try await authority(app)
            let response = try await app.api(.POST, "/api/v1/complaints", key: authority.key, json: body(number: "+47 912 34 567"))
            #expect(response.status == .created, "\(response.text)")
            let json = try response.json()
            #expect((json["reference"] as? String)?.hasPrefix("K-2026-") == true)
            #expect(json["state"] as? String == "awaiting_answer")
            let facts = try factsOf(response)
            #expect(facts["reserved_at_call"]?["value"] as? Bool == true)
            #expect((facts["reserved_at_call"]?["source"] as? String)?.hasPrefix("register:") == true)
            #expect(facts["within_calling_hours"]?["value"] as? Bool == true)
            #expect(facts["decision_logged"]?["value"] as? Bool == false)
            #expect(facts["in_valid_wash"]?["value"] as? Bool == false)
            #expect(facts["on_block_list"]?["value"] as? Bool == false)
            #expect(facts["caller_id_allowed"]?["value"] as? Bool == true)
            #expect(facts["written_acceptance"]?["value"] is NSNull)
            #expect(facts["written_acceptance"]?["reason"] as? String == "no_sale")
            // The consumer's contact details are not in the case the API shows.
            #expect(!response.text.contains("kari@example.no"))
            let id = try #require(json["id"] as? String)
            let shown = try await app.api(.GET, "/api/v1/complaints/\(id)", key: authority.key)
            #expect(shown.status == .ok)
            #expect(try shown.json()["reference"] as? String == json["reference"] as? String)
        }
    }

    @Test("a washed number the centre asked about and blocked later: decision logged (allowed), in a valid wash, not on a block list then")
    func askedAndWashed() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let asked = try await MayCallTests().mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000004")
            let decision = try #require(try asked.json()["decision_id"] as? String)
            let authority = try await authority(app)
            let response = try await app.api(
                .POST, "/api/v1/complaints", key: authority.key, json: body(number: "93000004", at: testNow, reasons: ["pressure"]))
            let facts = try factsOf(response)
            #expect(facts["decision_logged"]?["value"] as? Bool == true)
            #expect(facts["decision_logged"]?["source"] as? String == "decision:\(decision.lowercased()):allowed")
            #expect(facts["in_valid_wash"]?["value"] as? Bool == true)
            #expect(facts["reserved_at_call"]?["value"] as? Bool == false)
            // Blocked after the call: not on the list at the time.
            _ = try await app.api(.POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"phones": ["93000004"]}"#)
            let later = try await app.api(
                .POST, "/api/v1/complaints", key: authority.key, json: body(number: "93000004", at: testNow.addingTimeInterval(-60)))
            #expect(try factsOf(later)["on_block_list"]?["value"] as? Bool == false)
        }
    }

    @Test("a business not on the platform: its facts are unknown with the reason, the register and the hours still known")
    func unknownBusiness() async throws {
        try await withTestApp { app in
            _ = try await TestWorld.make(app)
            try await importTestRegister(app)
            let authority = try await authority(app)
            let response = try await app.api(
                .POST, "/api/v1/complaints", key: authority.key, json: body(orgnr: nil, name: "Ukjent Telesalg AS", number: "91234567"))
            #expect(response.status == .created)
            let facts = try factsOf(response)
            #expect(facts["reserved_at_call"]?["value"] as? Bool == true)
            #expect(facts["within_calling_hours"]?["value"] as? Bool == true)
            for key in ["decision_logged", "in_valid_wash", "on_block_list", "caller_id_allowed"] {
                #expect(facts[key]?["value"] is NSNull, "\(key)")
                #expect(facts[key]?["reason"] as? String == "business_not_registered", "\(key)")
            }
            #expect(try response.json()["business"] as? [String: Any] != nil)
        }
    }

    @Test("bad input is a 422 naming every field, nothing stored; only authority keys forward; others cannot read the case")
    func refusals() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let authority = try await authority(app)
            let bad = try await app.api(
                .POST, "/api/v1/complaints", key: authority.key,
                json: #"{"number": "+46 70 123 45 67", "called_at": "2099-01-01T10:00:00+01:00", "reasons": ["spam"]}"#)
            #expect(bad.status == .unprocessableEntity)
            let fields = Set(((try bad.json()["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["business_name", "number", "called_at", "reasons", "contact.email"])
            let badTime = try await app.api(
                .POST, "/api/v1/complaints", key: authority.key, json: #"{"number": "91234567", "called_at": "i går", "reasons": ["reserved"]}"#)
            #expect(badTime.status == .unprocessableEntity)
            #expect(try await ComplaintModel.query(on: app.db).count() == 0)
            #expect(try await app.api(.POST, "/api/v1/complaints", key: world.callCentreKey, json: body(number: "91234567")).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/complaints", key: world.associationKey, json: body(number: "91234567")).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/complaints", key: nil, json: body(number: "91234567")).status == .unauthorized)

            let created = try await app.api(.POST, "/api/v1/complaints", key: authority.key, json: body(number: "91234567"))
            let id = try #require(try created.json()["id"] as? String)
            let other = try await self.authority(app, orgnr: "889640782", name: "Annet tilsyn")
            #expect(try await app.api(.GET, "/api/v1/complaints/\(id)", key: other.key).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/complaints/\(id)", key: world.callCentreKey).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/complaints/\(id)", key: world.associationKey).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/complaints/not-an-id", key: authority.key).status == .notFound)
        }
    }
}
