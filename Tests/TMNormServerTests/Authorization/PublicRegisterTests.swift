import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// Stores authorization records directly, for register tests that need a given standing.
enum AuthorizationFixture {
    static let today = OsloTime.localDate(of: testNow)

    /// A record for an organisation, shaped by `build`, saved as the server stores it.
    @discardableResult
    static func record(
        _ app: Application, _ org: TestWorld.Org, build: (inout AuthorizationCentreRecord) throws -> Void = { _ in }
    ) async throws -> AuthorizationCentreRecord {
        var record = AuthorizationCentreRecord(centre: try OrganisationNumber(org.orgnr), name: org.name)
        try build(&record)
        try await AuthorizationRecordModel(organisationID: org.id, record: record, updatedAt: testNow).create(on: app.db)
        return record
    }

    /// An approval granted `daysAgo` days before the test day, for three years.
    static func approval(_ record: AuthorizationCentreRecord, daysAgo: Int, id: String = "AP-1") throws -> AuthorizationApproval {
        let from = today.adding(days: -daysAgo)
        return try AuthorizationApproval(
            id: id, centre: record.centre, applicationID: "APP-\(id)", kind: .firstApproval, grantedOn: from, validFrom: from,
            validUntil: AuthorizationPolicy.anniversary(of: from, years: 3).adding(days: -1))
    }

    static func org(_ name: String, _ orgnr: String, _ app: Application) async throws -> TestWorld.Org {
        let model = OrganisationModel(name: name, orgnr: try OrganisationNumber(orgnr), kind: .callCentre, createdAt: testNow)
        try await model.create(on: app.db)
        return TestWorld.Org(id: try model.requireID(), name: name, orgnr: orgnr)
    }
}

@Suite("Public register of approved call centres")
struct PublicRegisterTests {
    /// Approved Alfa, suspended Gamma, Delta under review, Epsilon revoked.
    func populate(_ app: Application, _ world: TestWorld) async throws -> (gamma: TestWorld.Org, delta: TestWorld.Org, epsilon: TestWorld.Org) {
        try await AuthorizationFixture.record(app, world.callCentre) { try $0.add(AuthorizationFixture.approval($0, daysAgo: 100)) }
        let gamma = try await AuthorizationFixture.org("Gamma Ørnen Callsenter", "974760673", app)
        try await AuthorizationFixture.record(app, gamma) { record in
            try record.add(AuthorizationFixture.approval(record, daysAgo: 300))
            try record.record(
                AuthorizationSanctionDecision(
                    id: "S-1", centre: record.centre, kind: .suspension(.untilCondition("ny opplæring")),
                    decidedOn: AuthorizationFixture.today.adding(days: -10), reasons: "Gjentatte brudd"))
        }
        let delta = try await AuthorizationFixture.org("Delta Salg", "981276957", app)
        try await AuthorizationFixture.record(app, delta) { $0.pendingApplicationSince = AuthorizationFixture.today.adding(days: -3) }
        let epsilon = try await AuthorizationFixture.org("Epsilon Telefon", "987582286", app)
        try await AuthorizationFixture.record(app, epsilon) { record in
            try record.add(AuthorizationFixture.approval(record, daysAgo: 500))
            try record.record(
                AuthorizationSanctionDecision(
                    id: "S-2", centre: record.centre, kind: .revocation, decidedOn: AuthorizationFixture.today.adding(days: -1),
                    reasons: "Alvorlige brudd"))
        }
        return (gamma, delta, epsilon)
    }

    @Test("the register page opens without logging in and lists approved and suspended centres, the suspended one as suspended")
    func registerPage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (gamma, delta, epsilon) = try await populate(app, world)
            let page = try await app.get("/register", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("Alfa Callsenter"))
            #expect(page.text.contains("996 030 822"))
            #expect(page.text.contains(gamma.name))
            #expect(page.text.contains("Suspendert"))
            #expect(!page.text.contains(delta.name))
            #expect(!page.text.contains(epsilon.name))
            let until = AuthorizationPolicy.anniversary(of: AuthorizationFixture.today.adding(days: -100), years: 3).adding(days: -1)
            #expect(page.text.contains(until.norwegianFormatted))
            // The page works under the site's CSP: no inline script or style.
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(!page.text.contains("<script>"))  // only the external /static/app.js
            #expect(!page.text.contains("style="))
        }
    }

    @Test("search matches words of the name or digits of the organisation number")
    func search() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (gamma, _, _) = try await populate(app, world)
            let byName = try await app.get("/register?q=%C3%B8rnen", as: .anonymous)
            #expect(byName.text.contains(gamma.name))
            #expect(!byName.text.contains("Alfa Callsenter"))
            let byNumber = try await app.get("/register?q=996%20030", as: .anonymous)
            #expect(byNumber.text.contains("Alfa Callsenter"))
            #expect(!byNumber.text.contains(gamma.name))
            let api = try await app.api(.GET, "/api/v1/register?q=gamma", key: nil)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["orgnr"] as? String } == [gamma.orgnr])
        }
    }

    @Test("GET /api/v1/register needs no key and returns orgnr, name, status and valid_until only")
    func apiList() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (gamma, _, _) = try await populate(app, world)
            let response = try await app.api(.GET, "/api/v1/register", key: nil)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "json")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(rows.count == 2)
            for row in rows { #expect(Set(row.keys) == ["orgnr", "name", "status", "valid_until"]) }
            let alfa = try #require(rows.first { $0["orgnr"] as? String == world.callCentre.orgnr })
            #expect(alfa["status"] as? String == "approved")
            #expect(alfa["name"] as? String == "Alfa Callsenter")
            #expect((alfa["valid_until"] as? String)?.count == 10)
            let suspended = try #require(rows.first { $0["orgnr"] as? String == gamma.orgnr })
            #expect(suspended["status"] as? String == "suspended")
            // A key is ignored, not required.
            #expect(try await app.api(.GET, "/api/v1/register", key: world.callCentreKey).status == .ok)
        }
    }

    @Test("GET /api/v1/register/{orgnr} gives the live status of any centre on record; unknown and malformed numbers are 404")
    func apiEntry() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (_, delta, epsilon) = try await populate(app, world)
            let review = try await app.api(.GET, "/api/v1/register/\(delta.orgnr)", key: nil)
            #expect(review.status == .ok)
            let body = try review.json()
            #expect(body["status"] as? String == "under_review")
            #expect(body["valid_until"] is NSNull)
            #expect(try await app.api(.GET, "/api/v1/register/\(epsilon.orgnr)", key: nil).json()["status"] as? String == "revoked")
            // Known organisation without a record, bad check digit, letters.
            for bad in [world.foreignCallCentre.orgnr, "996030823", "abc", "9960308221"] {
                let response = try await app.api(.GET, "/api/v1/register/\(bad)", key: nil)
                #expect(response.status == .notFound, "\(bad)")
                #expect(response.headers.contentType?.description.contains("problem+json") == true)
                #expect(try await app.get("/register/\(bad)", as: .anonymous).status == .notFound)
                #expect(try await app.get("/register/\(bad)/badge.svg", as: .anonymous).status == .notFound)
            }
        }
    }

    @Test("the verification page shows the live status and embeds the badge")
    func verificationPage() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (gamma, _, _) = try await populate(app, world)
            let page = try await app.get("/register/\(gamma.orgnr)", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains(gamma.name))
            #expect(page.text.contains("974 760 673"))
            #expect(page.text.contains("data-status=\"suspended\""))
            #expect(page.text.contains("/register/\(gamma.orgnr)/badge.svg"))
            // Only the public fields: the board's reasons and conditions stay on the record.
            #expect(!page.text.contains("Gjentatte brudd"))
            #expect(!page.text.contains("ny opplæring"))
            #expect(!page.text.contains("<script>"))  // only the external /static/app.js
            let english = try await app.get("/register/\(world.callCentre.orgnr)?lang=en", as: .anonymous)
            #expect(english.text.contains("Approved"))
        }
    }

    @Test("a suspended centre's page, register row and badge never say approved nor show a valid-until date as if valid")
    func suspendedNeverLooksApproved() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (gamma, _, _) = try await populate(app, world)
            let record = try #require(try await AuthorizationRecordModel.query(on: app.db).filter(\.$orgnr == gamma.orgnr).first()).record()
            let until = try #require(record.publicStanding(on: AuthorizationFixture.today).validUntil).norwegianFormatted
            let page = try await app.get("/register/\(gamma.orgnr)", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("Suspendert"))
            #expect(!page.text.contains(until), "the approval's end date is not shown while suspended")
            #expect(!page.text.contains("Gyldig til"))
            #expect(!page.text.contains(">Godkjent<"))
            #expect(!page.text.contains("alt=\"Godkjent"))
            let badge = try await app.get("/register/\(gamma.orgnr)/badge.svg", as: .anonymous)
            #expect(!badge.text.contains("Godkjent"))
            #expect(!badge.text.contains(until))
            let list = try await app.get("/register", as: .anonymous)
            let row = try #require(list.text.components(separatedBy: "<tr").first { $0.contains(gamma.name) })
            #expect(row.contains("ikke gyldig nå"))
            #expect(!row.contains(until))
            // The approved centre keeps its date.
            let alfa = try #require(list.text.components(separatedBy: "<tr").first { $0.contains(world.callCentre.name) })
            #expect(alfa.contains("Godkjent"))
        }
    }

    @Test("the badge is an SVG with a short cache lifetime showing the current status")
    func badge() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let (gamma, _, _) = try await populate(app, world)
            let badge = try await app.get("/register/\(world.callCentre.orgnr)/badge.svg", as: .anonymous)
            #expect(badge.status == .ok)
            #expect(badge.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true)
            let cache = try #require(badge.headers.first(name: .cacheControl))
            #expect(cache.contains("max-age=300"))
            #expect(badge.text.hasPrefix("<svg"))
            #expect(badge.text.contains("Godkjent"))
            #expect(badge.text.contains(AuthorizationBadge.colour(.approved)))
            let suspended = try await app.get("/register/\(gamma.orgnr)/badge.svg", as: .anonymous)
            #expect(suspended.text.contains("Suspendert"))
            #expect(suspended.text.contains(AuthorizationBadge.colour(.suspended)))
        }
    }

    @Test("the public register routes are documented in OpenAPI as needing no key")
    func openAPI() async throws {
        try await withTestApp { app in
            let document = try await app.get("/api/openapi.json", as: .anonymous).json()
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/api/v1/register", "/api/v1/register/{orgnr}"] {
                let get = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any], "\(path)")
                #expect((get["security"] as? [Any])?.isEmpty == true, "\(path)")
                let responses = try #require(get["responses"] as? [String: Any])
                #expect(responses["401"] == nil)
            }
        }
    }
}
