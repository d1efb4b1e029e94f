import Fluent
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Demo data")
struct DemoTests {
    @Test("the demo holds the network from the minutes, every demo log-in works, and the demo key answers may-call")
    func demo() async throws {
        try await withTestApp { app in
            let credentials = try await DemoSeeder.seed(app)
            let names = try await OrganisationModel.query(on: app.db).all().map(\.name)
            for name in ["NORDMA", "HSH", "UniCall AS", "ProffCom AS", "Aktiv Partner AS", "One2one AS", "Smart 1 AS", "Teleperformance Norge AS"] {
                #expect(names.contains(name))
            }
            for organisation in try await OrganisationModel.query(on: app.db).all() {
                #expect((try? OrganisationNumber(organisation.orgnr)) != nil, "\(organisation.name) has an invalid orgnr")
            }
            #expect(Set(credentials.logins.map(\.role)) == Set(Role.allCases))
            for login in credentials.logins {
                let response = try await app.postForm("/login", ["email": login.email, "password": login.password], as: .anonymous)
                #expect(response.status == .seeOther, "\(login.email) could not log in")
            }
            let campaigns = try await app.api(.GET, "/api/v1/campaigns", key: credentials.apiKey)
            let campaign = try #require((try campaigns.json()["items"] as? [[String: Any]])?.first?["id"] as? String)
            let answer = try await app.api(.GET, "/api/v1/may-call?campaign=\(campaign)&number=91200001", key: credentials.apiKey)
            #expect(try answer.json()["allowed"] as? Bool == false)
            #expect((try answer.json()["reasons"] as? [String])?.contains("reserved_phone") == true)
            // the public register shows the demo's approved and suspended centres
            let register = try await app.testing().sendRequest(.GET, "/api/v1/register")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(register.text.utf8)) as? [[String: Any]])
            let statuses = Dictionary(
                uniqueKeysWithValues: entries.compactMap { entry in (entry["name"] as? String).map { ($0, entry["status"] as? String ?? "") } })
            #expect(statuses["UniCall AS"] == "approved")
            #expect(statuses["Smart 1 AS"] == "suspended")
        }
    }
}
