import Fluent
import Foundation
import SQLKit
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// Raw records spread over three Oslo days, several of them within an hour of Oslo midnight (where UTC
/// and Oslo disagree on the day).
private enum RawFixture {
    /// 2026-11-24 … 2026-11-26, winter time (UTC+1).
    static let instants: [Date] = [
        "2026-11-24T08:00:00Z", "2026-11-24T22:59:59Z", "2026-11-24T23:00:00Z", "2026-11-25T12:00:00Z", "2026-11-25T23:30:00Z",
        "2026-11-26T00:10:00Z", "2026-11-26T15:00:00Z", "2026-11-26T22:45:00Z",
    ].compactMap { try? OsloTime.parseTimestamp($0) }

    static let reasonLists = [
        "ok", "reserved_phone", "saturday,client_block_list", "not_in_valid_wash", "exempt_consent", "reserved_person,after_closing",
    ]

    static func insert(_ app: Application, _ world: TestWorld) async throws {
        let db = app.db
        let centres = [world.callCentre.id, world.foreignCallCentre.id]
        let clients = [world.client.id, world.foreignClient.id]
        var campaigns: [UUID] = []
        for (centre, client) in zip(centres, clients) {
            let campaign = CampaignModel()
            campaign.$callCentre.id = centre
            campaign.$client.id = client
            campaign.name = "Evaluering"
            campaign.productCategory = "strøm"
            campaign.callerID = "22334455"
            campaign.callerIDListed = true
            campaign.voluntary = false
            campaign.newspaper = false
            campaign.startsOn = "2026-01-01"
            campaign.endsOn = "2026-12-31"
            campaign.statusRaw = "active"
            campaign.createdAt = testNow
            try await campaign.create(on: db)
            campaigns.append(try campaign.requireID())
        }
        for (n, instant) in instants.enumerated() {
            // Decisions: a few per instant with varied reasons.
            for k in 0..<(n % 3 + 2) {
                let decision = DecisionModel()
                decision.campaignID = campaigns[(n + k) % 2]
                decision.callCentreID = centres[(n + k) % 2]
                decision.clientID = clients[(n + k) % 2]
                decision.numberHash = "h\(n)-\(k)"
                let reasons = reasonLists[(n + k) % reasonLists.count]
                decision.allowed = reasons == "ok" || reasons == "exempt_consent"
                decision.reasons = reasons
                decision.ruleSet = "test"
                decision.askedAt = instant
                decision.decidedAt = instant
                decision.askedBy = "test"
                try await decision.create(on: db)
            }
            // A wash.
            let wash = WashRecordModel()
            wash.$organisation.id = centres[n % 2]
            wash.fileName = "liste-\(n).csv"
            wash.listSHA256 = String(repeating: "a", count: 64)
            wash.registerSnapshotID = UUID()
            wash.rows = 100 + n
            wash.callable = 70
            wash.rejected = 30 + n
            wash.certificateJSON = "{}"
            wash.washedAt = instant
            wash.washedBy = "test"
            wash.storageDirectory = "/nonexistent"
            try await wash.create(on: db)
            // A sale with evidence: sent at the instant, answered later (possibly the next Oslo day).
            let sale = SaleModel()
            sale.campaignID = campaigns[n % 2]
            sale.callCentreID = centres[n % 2]
            sale.clientID = clients[n % 2]
            sale.registeredBy = "test"
            sale.idempotencyKey = "k\(n)"
            sale.requestSHA256 = "x"
            sale.state = "sent"
            sale.lifecycleJSON = "{}"
            sale.draftJSON = "{}"
            sale.consumerName = "Test"
            sale.product = "Strøm"
            sale.reference = "R\(n)"
            sale.evidenceHead = "x"
            sale.createdAt = instant
            sale.updatedAt = instant
            try await sale.create(on: db)
            let saleID = try sale.requireID()
            let answer = ["accepted", "declined", "expired", "accepted"][n % 4]
            let events: [(String, Date)] =
                [("registered", instant), ("sent", instant), (answer, instant.addingTimeInterval(Double(n) * 5_000))]
                + (n % 4 == 3 ? [("withdrawn", instant.addingTimeInterval(200_000))] : [])
            for (sequence, (event, at)) in events.enumerated() {
                let entry = SaleEvidenceModel()
                entry.saleID = saleID
                entry.sequence = sequence
                entry.event = event
                entry.atMilliseconds = Int64(at.timeIntervalSince1970 * 1000)
                entry.previousHash = "p"
                entry.entryHash = "e\(n)-\(sequence)"
                try await entry.create(on: db)
            }
        }
    }
}

@Suite("Evaluation: rollups, API, charts and pages")
struct EvaluationServerTests {
    private func day(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    /// The rollup's sums per (Oslo day, metric).
    private func rolledUp(_ app: Application) async throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for row in try await EvaluationDailyModel.query(on: app.db).all() { out[row.day + " " + row.metric, default: 0] += row.value }
        return out
    }

    @Test("rolled-up figures equal a direct count over the raw records, per Oslo day and counter")
    func rollupEqualsDirectCount() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await RawFixture.insert(app, world)
            // when: the rollup is built, twice (it must be idempotent)
            try await EvaluationRollup.rebuild(from: try day("2026-11-20"), to: try day("2026-11-30"), on: app.db)
            try await EvaluationRollup.rebuild(from: try day("2026-11-20"), to: try day("2026-11-30"), on: app.db)
            // then: a direct count over the raw rows, by Oslo day, gives the same figures
            var direct: [String: Int64] = [:]
            func add(_ date: Date, _ metric: String, _ value: Int64 = 1) {
                guard value != 0 else { return }
                direct[OsloTime.localDate(of: date).iso8601 + " " + metric, default: 0] += value
            }
            for decision in try await DecisionModel.query(on: app.db).all() {
                add(decision.decidedAt, EvaluationMetric.decisions)
                if !decision.allowed {
                    add(decision.decidedAt, EvaluationMetric.decisionsRefused)
                    for group in RefusalGroup.groups(ofReasonList: decision.reasons) {
                        add(decision.decidedAt, EvaluationMetric.decisionsRefused(group))
                    }
                }
            }
            for wash in try await WashRecordModel.query(on: app.db).all() {
                add(wash.washedAt, EvaluationMetric.washLists)
                add(wash.washedAt, EvaluationMetric.washRows, Int64(wash.rows))
                add(wash.washedAt, EvaluationMetric.washRejected, Int64(wash.rejected))
            }
            for sale in try await SaleModel.query(on: app.db).all() { add(sale.createdAt, EvaluationMetric.salesRegistered) }
            let names = [
                "sent": EvaluationMetric.offersSent, "accepted": EvaluationMetric.offersAccepted, "declined": EvaluationMetric.offersDeclined,
                "expired": EvaluationMetric.offersExpired, "withdrawn": EvaluationMetric.withdrawals,
            ]
            let evidence = try await SaleEvidenceModel.query(on: app.db).all()
            for entry in evidence {
                let at = Date(timeIntervalSince1970: Double(entry.atMilliseconds) / 1000)
                if let metric = names[entry.event] { add(at, metric) }
                if entry.event == "accepted", let sent = evidence.first(where: { $0.saleID == entry.saleID && $0.event == "sent" }) {
                    let hours = Double(entry.atMilliseconds - sent.atMilliseconds) / 3_600_000
                    add(at, EvaluationMetric.acceptTimeBucket(AcceptTimeHistogram.bucket(hours: hours)))
                }
            }
            let rolled = try await rolledUp(app)
            #expect(!direct.isEmpty)
            #expect(rolled == direct, "rollup and direct count differ: \(Set(rolled.keys).symmetricDifference(direct.keys).sorted())")
            // and the day is Oslo's: 23:00 UTC on 24 November is 25 November, 23:30 UTC on 25 November is the 26th
            #expect(rolled["2026-11-25 " + EvaluationMetric.washLists] == 2)
            #expect(rolled["2026-11-24 " + EvaluationMetric.washLists] == 2)
        }
    }

    @Test("generated demo rows survive a rebuild; real rows of the day are replaced")
    func generatedRowsKept() async throws {
        try await withTestApp { app in
            try await EvaluationDailyModel(
                day: "2026-11-25", metric: EvaluationMetric.decisions, centreID: nil, clientID: nil, value: 7, generated: true
            )
            .create(on: app.db)
            try await EvaluationDailyModel(day: "2026-11-25", metric: EvaluationMetric.decisions, centreID: nil, clientID: nil, value: 99).create(
                on: app.db)
            try await EvaluationRollup.rebuild(from: try day("2026-11-25"), to: try day("2026-11-25"), on: app.db)
            let rows = try await EvaluationDailyModel.query(on: app.db).all()
            #expect(rows.map(\.value) == [7])
        }
    }

    @Test("the API lists indicators and serves a series as JSON and CSV; the association sees every centre")
    func api() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await RawFixture.insert(app, world)
            try await EvaluationRollup.rebuild(from: try day("2026-11-20"), to: try day("2026-11-30"), on: app.db)
            let list = try await app.api(.GET, "/api/v1/evaluation/indicators", key: world.associationKey)
            #expect(list.status == .ok)
            let items = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(items.count == EvaluationIndicator.all.count)
            #expect(Set(items[0].keys) == ["name", "unit", "definition"])

            let series = try await app.api(
                .GET, "/api/v1/evaluation/series?indicator=decisions&granularity=month&from=2026-11-01&to=2026-11-30", key: world.associationKey)
            #expect(series.status == .ok, "\(series.text)")
            let body = try series.json()
            #expect(Set(body.keys) == ["indicator", "unit", "points"])
            #expect(body["indicator"] as? String == "decisions")
            let points = try #require(body["points"] as? [[String: Any]])
            #expect(points.count == 1)
            #expect(points[0]["period"] as? String == "2026-11")
            let total = try await DecisionModel.query(on: app.db).count()
            #expect((points[0]["value"] as? Double).map { Int($0) } == total)

            let quarters = try await app.api(
                .GET,
                "/api/v1/evaluation/series?indicator=acceptance_rate&granularity=quarter&from=2026-01-01&to=2026-12-31&centre=\(world.foreignCallCentre.orgnr)",
                key: world.associationKey)
            #expect(quarters.status == .ok)
            #expect(
                (try quarters.json()["points"] as? [[String: Any]])?.map { $0["period"] as? String } == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])

            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: world.associationKey)
            let csv = try await app.testing().sendRequest(
                .GET, "/api/v1/evaluation/series?indicator=rows_rejected_share&granularity=year&from=2026-01-01&to=2026-12-31&format=csv",
                headers: headers)
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("\u{FEFF}periode;rows_rejected_share;enhet\r\n2026;"))
        }
    }

    @Test("a centre's key sees its own figures in full, the industry's small figures suppressed, and not another centre's")
    func centreAccess() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            // given: 3 complaints in the whole industry, all about the own centre
            try await EvaluationDailyModel(
                day: "2026-11-02", metric: EvaluationMetric.complaints, centreID: world.callCentre.id, clientID: nil, value: 3
            ).create(on: app.db)
            let path = "/api/v1/evaluation/series?indicator=complaints&granularity=month&from=2026-11-01&to=2026-11-30"
            let own = try await app.api(.GET, path + "&centre=\(world.callCentre.orgnr)", key: world.callCentreKey)
            #expect((try own.json()["points"] as? [[String: Any]])?.first?["value"] as? Double == 3)
            let industry = try await app.api(.GET, path, key: world.callCentreKey)
            #expect(industry.status == .ok)
            #expect((try industry.json()["points"] as? [[String: Any]])?.first?["value"] is NSNull, "3 < 5: suppressed")
            let overseer = try await app.api(.GET, path, key: world.associationKey)
            #expect((try overseer.json()["points"] as? [[String: Any]])?.first?["value"] as? Double == 3)
            let foreign = try await app.api(.GET, path + "&centre=\(world.foreignCallCentre.orgnr)", key: world.callCentreKey)
            #expect(foreign.status == .forbidden)
        }
    }

    @Test("bad parameters are 422 problem documents naming the field")
    func badInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            for (query, field) in [
                ("indicator=nope", "indicator"), ("indicator=decisions&granularity=week", "granularity"),
                ("indicator=decisions&from=01.06.2009", "from"), ("indicator=decisions&from=2020-01-01&to=2019-01-01", "to"),
                ("indicator=decisions&centre=123", "centre"),
            ] {
                let response = try await app.api(.GET, "/api/v1/evaluation/series?" + query, key: world.associationKey)
                #expect(response.status == .unprocessableEntity, "\(query)")
                #expect(response.headers.contentType?.description.contains("problem+json") == true)
                #expect(response.body.string.contains("\"\(field)\""), "\(query): \(response.body.string)")
            }
            let noKey = try await app.api(.GET, "/api/v1/evaluation/indicators", key: nil)
            #expect(noKey.status == .unauthorized)
        }
    }

    @Test("the chart is SVG with title and description; the public sees the industry, not a centre")
    func chart() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await EvaluationDailyModel(
                day: "2018-03-01", metric: EvaluationMetric.decisions, centreID: world.callCentre.id, clientID: nil, value: 40
            )
            .create(on: app.db)
            let response = try await app.get("/evaluering/charts/decisions.svg?granularity=year&from=2009-06-01&to=2026-11-30", as: .anonymous)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            let svg = response.body.string
            #expect(svg.contains("<title id=\"chart-title\">") && svg.contains("<desc id=\"chart-desc\">") && svg.contains("role=\"img\""))
            #expect(svg.components(separatedBy: "class=\"milestone\"").count - 1 == 3)
            let centre = try await app.get("/evaluering/charts/decisions.svg?centre=\(world.callCentre.orgnr)", as: .anonymous)
            #expect(centre.status == .forbidden)
            let unknown = try await app.get("/evaluering/charts/nope.svg", as: .anonymous)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("the dashboard, scorecards and report render with charts and tables; the association sets a target")
    func pages() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            try await RawFixture.insert(app, world)
            try await EvaluationRollup.rebuild(from: try day("2026-11-20"), to: try day("2026-11-30"), on: app.db)
            let admin = world.browser(.associationAdmin)
            let dashboard = try await app.get("/evaluering", as: admin)
            #expect(dashboard.status == .ok)
            let html = dashboard.body.string
            #expect(html.contains("<svg") && html.contains("<table") && html.contains("Avslag per grunn"))
            for indicator in EvaluationIndicator.all where !EvaluationIndicator.refusalShares.contains(indicator) {
                #expect(html.contains("data-indicator=\"\(indicator.name)\""), "\(indicator.name) missing")
            }
            let english = try await app.get("/evaluering?lang=en&granularity=quarter&from=2026-01-01&to=2026-12-31", as: admin)
            #expect(english.body.string.contains("Refusals by reason"))
            let csv = try await app.get("/evaluering?indicator=decisions&format=csv&granularity=year&from=2026-01-01&to=2026-12-31", as: admin)
            #expect(csv.body.string.hasPrefix("\u{FEFF}periode;decisions;enhet"))

            let saved = try await app.postForm(
                "/evaluering/targets", ["indicator": "complaints_per_1000_sales", "direction": "at_most", "threshold": "1,5"], as: admin)
            #expect(saved.status == .seeOther)
            let target = try #require(try await EvaluationTargetModel.query(on: app.db).first())
            #expect(target.threshold == 1.5)
            let refused = try await app.postForm("/evaluering/targets", ["indicator": "x", "direction": "y", "threshold": "z"], as: admin)
            #expect(refused.status == .unprocessableEntity)
            let notAdmin = try await app.postForm(
                "/evaluering/targets", ["indicator": "complaints", "direction": "at_most", "threshold": "1"], as: world.browser(.callCentreAdmin))
            #expect(notAdmin.status == .forbidden)

            let cards = try await app.get("/evaluering/scorecards", as: admin)
            #expect(cards.status == .ok)
            #expect(cards.body.string.contains(world.callCentre.name) && cards.body.string.contains(world.foreignCallCentre.name))
            let ownCards = try await app.get("/evaluering/scorecards", as: world.browser(.callCentreAdmin))
            #expect(!ownCards.body.string.contains(world.foreignCallCentre.name))

            let report = try await app.get("/evaluering/rapport?from=2026-01-01&to=2026-11-30", as: admin)
            #expect(report.status == .ok)
            #expect(report.body.string.contains("Datakilder og dekning") && report.body.string.contains("Definisjoner"))
        }
    }
}
