import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Campaigns and real-time may-call decisions")
struct MayCallTests {
    /// A washed, active campaign of the own call centre for its client; returns its id.
    func activeCampaign(_ app: Application, _ world: TestWorld) async throws -> UUID {
        try await importTestRegister(app)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: world.callCentreKey)
        headers.contentType = HTTPMediaType(type: "text", subType: "csv")
        // The list the campaign calls: may-call allows only numbers that came out callable from it.
        let list = "telefon\n95555555\n91234567\n" + (0..<1200).map { "930\(String(format: "%05d", $0))\n" }.joined()
        let wash = try await app.testing().sendRequest(
            .POST, "/api/v1/washes?client=\(world.client.orgnr)", headers: headers, body: ByteBuffer(string: list))
        let washID = try #require(try wash.json()["id"] as? String)
        let admin = world.browser(.callCentreAdmin)
        let created = try await app.postForm(
            "/campaigns",
            [
                "client_id": world.client.id.uuidString, "name": "Strøm vinter", "product_category": "Strøm",
                "caller_id": "22334455", "caller_id_listed": "on", "starts_on": "2026-11-01", "ends_on": "2026-12-31",
            ], as: admin)
        #expect(created.status == .seeOther)
        let path = try #require(created.headers.first(name: .location))
        let draftRefused = try await app.postForm(path + "/status", ["status": "active"], as: admin)
        #expect(draftRefused.status == .unprocessableEntity)
        #expect(draftRefused.text.contains("washes"))
        #expect(try await app.postForm(path + "/washes", ["wash_id": washID], as: admin).status == .seeOther)
        #expect(try await app.postForm(path + "/status", ["status": "active"], as: admin).status == .seeOther)
        return try #require(UUID(uuidString: String(path.dropFirst("/campaigns/".count))))
    }

    func mayCall(_ app: Application, key: String, campaign: UUID, number: String, at: String? = nil) async throws -> TestingHTTPResponse {
        var path = "/api/v1/may-call?campaign=\(campaign)&number=\(formEncode(number))"
        if let at { path += "&at=\(formEncode(at))" }
        return try await app.api(.GET, path, key: key)
    }

    @Test("an unreserved number at Monday 10:00 in an active, washed campaign may be called, and the answer is logged")
    func allowed() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let response = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "+47 930 00 001")
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["allowed"] as? Bool == true)
            #expect(body["reasons"] as? [String] == ["ok"])
            let register = try #require(body["register"] as? [String: Any])
            #expect(register["id"] as? String != nil)
            let decisionID = try #require(body["decision_id"] as? String)
            let logged = try #require(try await DecisionModel.find(UUID(uuidString: decisionID), on: app.db))
            #expect(logged.allowed)
            #expect(!logged.numberHash.contains("93000001"))
            #expect(logged.ruleSet == "mfl-2009-06-01")
        }
    }

    @Test("reserved numbers, block-listed numbers and Saturdays are refused with reasons")
    func refused() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let reserved = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "91234567")
            #expect(try reserved.json()["allowed"] as? Bool == false)
            // Rejected by the wash as reserved, so no wash cleared it either.
            #expect(try reserved.json()["reasons"] as? [String] == ["reserved_phone", "not_in_valid_wash"])
            _ = try await app.api(
                .POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"phones":["93000002"],"client":"\#(world.client.orgnr)"}"#)
            let blocked = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000002")
            #expect(try blocked.json()["reasons"] as? [String] == ["client_block_list"])
            let saturday = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-12-05T12:00:00+01:00")
            let body = try saturday.json()
            #expect(body["allowed"] as? Bool == false)
            #expect((body["reasons"] as? [String])?.contains("saturday") == true)
            #expect(body["next_allowed"] as? String == "2026-12-07T09:00:00+01:00")
        }
    }

    @Test("a number is allowed only when a valid wash of the campaign cleared it: a reserved person's number and a number never washed are refused")
    func bindsToWash() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await importTestRegister(app)
            let list = """
                fornavn;etternavn;adresse;postnummer;telefon
                Ola;Hansen;Fjordveien 3;5003;41234567
                Anne;Berg;Torget 2;0150;95555555

                """
            let created = try await app.postForm(
                "/campaigns",
                [
                    "client_id": world.client.id.uuidString, "name": "Personvask", "product_category": "strøm",
                    "caller_id": "22334455", "caller_id_listed": "on", "starts_on": "2026-11-01", "ends_on": "2026-12-31",
                ], as: world.browser(.callCentreAdmin))
            let path = try #require(created.headers.first(name: .location))
            let campaign = try #require(UUID(uuidString: String(path.dropFirst("/campaigns/".count))))
            // Washed for the campaign through the API, which attaches the wash.
            let wash = try await app.api(
                .POST, "/api/v1/washes?campaign=\(campaign)", key: world.callCentreKey, json: list,
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(wash.status == .created)
            #expect(try wash.json()["campaign_id"] as? String == campaign.uuidString)
            #expect(try await app.postForm(path + "/status", ["status": "active"], as: world.browser(.callCentreAdmin)).status == .seeOther)
            // Ola Hansen is reserved by person only: the register holds no number for him.
            let ola = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "41234567")
            #expect(try ola.json()["allowed"] as? Bool == false)
            #expect(try ola.json()["reasons"] as? [String] == ["not_in_valid_wash"])
            let never = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93999999")
            #expect(try never.json()["reasons"] as? [String] == ["not_in_valid_wash"])
            let anne = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "95555555")
            #expect(try anne.json()["allowed"] as? Bool == true)
        }
    }

    @Test("questions about another moment are judged for that moment from the cached campaign, every answer logged, block lists current at once")
    func otherMoment() async throws {
        try await withTestApp { app in
            // given: an active campaign washed at the test clock's now, Monday 30.11.2026 10:00
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let logged = try await DecisionModel.query(on: app.db).count()
            // when: the same day while calls are allowed, after closing, and before the wash existed
            let afternoon = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-11-30T14:00:00+01:00")
            let evening = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-11-30T22:30:00+01:00")
            let early = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-11-30T09:30:00+01:00")
            let now = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001")
            // then
            #expect(try afternoon.json()["reasons"] as? [String] == ["ok"])
            #expect(try evening.json()["allowed"] as? Bool == false)
            #expect((try evening.json()["reasons"] as? [String])?.contains("after_closing") == true)
            #expect(try evening.json()["next_allowed"] as? String == "2026-12-01T09:00:00+01:00")
            let earlyReasons = try #require(try early.json()["reasons"] as? [String])
            #expect(earlyReasons.contains("no_valid_wash") && earlyReasons.contains("not_in_valid_wash"))
            #expect(try now.json()["reasons"] as? [String] == ["ok"], "the moment judged earlier does not leak into now")
            #expect(try await DecisionModel.query(on: app.db).count() == logged + 4)
            let eveningBody = try evening.json()
            let decisionID = try #require(eveningBody["decision_id"] as? String)
            let decision = try #require(try await DecisionModel.find(UUID(uuidString: decisionID), on: app.db))
            let eveningInstant = try OsloTime.parseTimestamp("2026-11-30T22:30:00+01:00")
            #expect(decision.askedAt == eveningInstant)
            // when: the client's block list changes, then the same moment is asked again
            _ = try await app.api(
                .POST, "/api/v1/block-list", key: world.callCentreKey, json: #"{"phones":["93000001"],"client":"\#(world.client.orgnr)"}"#)
            let blocked = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "2026-11-30T14:00:00+01:00")
            // then
            #expect(try blocked.json()["reasons"] as? [String] == ["client_block_list"])
        }
    }

    @Test("a question that carries the person needs no wash: a reserved person is refused, anyone else allowed; half a person is 422")
    func personInQuestion() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            func ask(_ number: String, _ person: String) async throws -> TestingHTTPResponse {
                try await app.api(.GET, "/api/v1/may-call?campaign=\(campaign)&number=\(number)&" + person, key: world.callCentreKey)
            }
            let ola = try await ask("41234567", "first_name=Ola&last_name=Hansen&street=Fjordveien&house_number=3&postcode=5003")
            #expect(try ola.json()["allowed"] as? Bool == false)
            #expect(try ola.json()["reasons"] as? [String] == ["reserved_person"])
            let per = try await ask("41234568", "first_name=Per&last_name=Olsen&street=Kirkegata&house_number=1&postcode=0150")
            #expect(try per.json()["allowed"] as? Bool == true)
            let half = try await ask("41234568", "first_name=Per&last_name=Olsen")
            #expect(half.status == .unprocessableEntity)
            #expect(half.text.contains("postcode"))
            let batch = try await app.api(
                .POST, "/api/v1/may-call", key: world.callCentreKey,
                json: """
                    {"campaign":"\(campaign)","items":[{"number":"41234567","first_name":"Ola","last_name":"Hansen","street":"Fjordveien","house_number":"3","postcode":"5003"},{"number":"93999999"}]}
                    """)
            let items = try #require(try batch.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["reasons"] as? [String] ?? [] } == [["reserved_person"], ["not_in_valid_wash"]])
        }
    }

    @Test("when the client ends the engagement, may-call refuses every number of its campaigns (no_engagement)")
    func engagementEnded() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            #expect(try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001").json()["allowed"] as? Bool == true)
            let engagement = try #require(try await EngagementModel.query(on: app.db).filter(\.$client.$id == world.client.id).first())
            engagement.status = EngagementStatus.declined.rawValue
            try await engagement.save(on: app.db)
            app.mayCallCache.invalidateAll()
            let after = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001")
            #expect(try after.json()["allowed"] as? Bool == false)
            #expect((try after.json()["reasons"] as? [String])?.contains("no_engagement") == true)
        }
    }

    @Test("a wash for a campaign follows the campaign's rules: another category is refused, and a wash without the client cannot be attached")
    func washRules() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let csv = HTTPMediaType(type: "text", subType: "csv")
            let other = try await app.api(
                .POST, "/api/v1/washes?campaign=\(campaign)&category=forsikring", key: world.callCentreKey, json: "telefon\n93000001\n",
                contentType: csv)
            #expect(other.status == .unprocessableEntity)
            #expect(other.text.contains("category"))
            let loose = try await app.api(.POST, "/api/v1/washes", key: world.callCentreKey, json: "telefon\n93000001\n", contentType: csv)
            let looseID = try #require(try loose.json()["id"] as? String)
            let attach = try await app.postForm(
                "/campaigns/\(campaign.uuidString.lowercased())/washes", ["wash_id": looseID], as: world.browser(.callCentreAdmin))
            #expect(attach.status == .unprocessableEntity)
        }
    }

    @Test("existing customers of the campaign's category and consenting consumers are exempt from the register")
    func exemptions() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            try await CustomerModel(clientID: world.client.id, phone: "91234567", personKey: nil, category: "strøm", createdAt: testNow).create(
                on: app.db)
            let response = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "91234567")
            #expect(try response.json()["reasons"] as? [String] == ["ok", "exempt_existing_customer"])
        }
    }

    @Test("without a register copy the answer is 'not allowed' (fail closed)")
    func failClosed() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let snapshot = try #require(try await RegisterSnapshotModel.query(on: app.db).first())
            try FileManager.default.removeItem(atPath: try #require(snapshot.storagePath))
            app.registerStore.forget(try snapshot.requireID())
            let response = try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001")
            #expect(response.status == .ok)
            #expect(try response.json()["allowed"] as? Bool == false)
            #expect((try response.json()["reasons"] as? [String])?.contains("register_unavailable") == true)
        }
    }

    @Test("bad input is a clear 4xx, never 'allowed'")
    func badInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            #expect(
                try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "93000001", at: "next tuesday").status
                    == .unprocessableEntity)
            #expect(try await mayCall(app, key: world.callCentreKey, campaign: UUID(), number: "93000001").status == .notFound)
            #expect(try await mayCall(app, key: world.foreignKey, campaign: campaign, number: "93000001").status == .notFound)
            #expect(try await mayCall(app, key: world.callCentreKey, campaign: campaign, number: "+46 70 123 45 67").status == .unprocessableEntity)
            #expect(try await app.api(.GET, "/api/v1/may-call?campaign=\(campaign)&number=93000001", key: nil).status == .unauthorized)
            #expect(
                try await app.api(.GET, "/api/v1/may-call?campaign=\(campaign)&number=93000001", key: "tmn_revoked_or_unknown").status
                    == .unauthorized)
        }
    }

    @Test("a batch of numbers gets one logged answer each")
    func batch() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let numbers = (0..<1200).map { "930\(String(format: "%05d", $0))" } + ["91234567", "not a number"]
            let json =
                String(decoding: try JSONEncoder().encode(["campaign": campaign.uuidString]), as: UTF8.self)
                .dropLast() + ",\"numbers\":" + String(decoding: try JSONEncoder().encode(numbers), as: UTF8.self) + "}"
            let response = try await app.api(.POST, "/api/v1/may-call", key: world.callCentreKey, json: String(json))
            #expect(response.status == .ok)
            let items = try #require(try response.json()["items"] as? [[String: Any]])
            #expect(items.count == 1202)
            #expect(items.filter { $0["allowed"] as? Bool == true }.count == 1200)
            #expect((items.last?["reasons"] as? [String]) == ["invalid_number"])
            #expect(try await DecisionModel.query(on: app.db).count() == 1202)
        }
    }

    @Test("a campaign with a mobile caller ID is refused from 2025")
    func mobileCallerID() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let response = try await app.postForm(
                "/campaigns",
                [
                    "client_id": world.client.id.uuidString, "name": "Mobil", "product_category": "strøm",
                    "caller_id": "91234567", "caller_id_listed": "on", "starts_on": "2026-11-01", "ends_on": "2026-12-31",
                ], as: world.browser(.callCentreAdmin))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("caller_id"))
        }
    }

    @Test("an agent checks a number in the web UI and sees green or red with reasons; the decision log finds it")
    func agentCheck() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await activeCampaign(app, world)
            let page = try await app.postForm(
                "/campaigns/\(campaign.uuidString.lowercased())/check", ["number": "91234567"], as: world.browser(.agent))
            #expect(page.status == .ok)
            #expect(page.text.contains("Skal ikke ringes"))
            #expect(page.text.contains("Reservert i Reservasjonsregisteret"))
            let log = try await app.get("/decisions?number=912%2034%20567", as: world.browser(.callCentreAdmin))
            #expect(log.status == .ok)
            #expect(log.text.contains("Ikke tillatt"))
            let campaigns = try await app.api(.GET, "/api/v1/campaigns", key: world.callCentreKey)
            #expect((try campaigns.json()["items"] as? [[String: Any]])?.count == 1)
            let foreignCampaigns = try await app.api(.GET, "/api/v1/campaigns", key: world.foreignKey)
            #expect((try foreignCampaigns.json()["items"] as? [[String: Any]])?.count == 0)
        }
    }
}
