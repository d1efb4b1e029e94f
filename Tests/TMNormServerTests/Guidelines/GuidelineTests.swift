import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// A document of the test association with two versions: 2020 (superseded) and 2026 (in force on the test day).
struct GuidelineFixture {
    let old: UUID
    let current: UUID
    let other: UUID

    static let oldText = "# Norm\n\nVi ringer mellom 09 og 21.\n\nVi oppgir navn.\n"
    static let currentText = "# Norm\n\nVi ringer mellom 09 og 20.\n\nVi oppgir navn.\n\n**Nytt:** skriftlig bekreftelse. <script>alert(1)</script>\n"

    static func make(_ app: Application, _ world: TestWorld) async throws -> GuidelineFixture {
        func add(_ key: String, _ label: String, _ adopted: String, _ inForce: String, _ text: String) async throws -> UUID {
            let version = try GuidelineVersion(
                id: "\(key)-\(label)", documentKey: key, title: "Testnorm \(key)", versionLabel: label,
                adoptedOn: try LocalDate(parsing: adopted), inForceFrom: try LocalDate(parsing: inForce),
                bindsMembersOf: [world.association.name], markdown: text)
            let row = GuidelineVersionModel(
                associationID: world.association.id, publisher: world.association.name, version: version, createdAt: testNow)
            try await row.create(on: app.db)
            return try row.requireID()
        }
        let old = try await add("norm", "2020", "2020-01-01", "2020-02-01", oldText)
        let current = try await add("norm", "2026", "2026-01-10", "2026-03-01", currentText)
        let other = try await add("annet", "2021", "2021-01-01", "2021-01-01", "Annet dokument.")
        return GuidelineFixture(old: old, current: current, other: other)
    }
}

private func path(_ id: UUID, _ suffix: String = "") -> String { "/guidelines/\(id.uuidString.lowercased())\(suffix)" }

@Suite("Ethical guidelines and industry norm")
struct GuidelineTests {
    @Test("the list is public and shows the version in force today for each document")
    func list() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let fixture = try await GuidelineFixture.make(app, world)
            let response = try await app.get("/guidelines", as: .anonymous)
            #expect(response.status == .ok)
            #expect(response.text.contains("Testnorm norm"))
            #expect(response.text.contains("01.03.2026"))
            #expect(response.text.contains(path(fixture.current)))
            for secret in world.foreignSecrets { #expect(!response.text.contains(secret)) }
        }
    }

    @Test("a version renders its Markdown through the core's safe renderer; source HTML is escaped")
    func showSafe() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let fixture = try await GuidelineFixture.make(app, world)
            let response = try await app.get(path(fixture.current), as: .anonymous)
            #expect(response.status == .ok)
            #expect(response.text.contains("<strong>Nytt:</strong>"))
            #expect(!response.text.contains("<script>alert(1)</script>"))
            #expect(response.text.contains("&lt;script&gt;"))
            #expect(response.text.contains("data-in-force=\"yes\""))
            let old = try await app.get(path(fixture.old), as: .anonymous)
            #expect(old.text.contains("data-in-force=\"no\""))
            #expect(old.text.contains("28.02.2026"))
        }
    }

    @Test("unknown, foreign or malformed version ids are 404")
    func notFound() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            _ = try await GuidelineFixture.make(app, world)
            #expect(try await app.get(path(UUID()), as: .anonymous).status == .notFound)
            #expect(try await app.get("/guidelines/not-a-uuid", as: .anonymous).status == .notFound)
            #expect(try await app.postForm(path(UUID(), "/acknowledge"), [:], as: world.browser(.callCentreAdmin)).status == .notFound)
            #expect(
                try await app.postForm(path(UUID(), "/versions"), ["version_label": "x"], as: world.browser(.associationAdmin)).status == .notFound)
        }
    }

    @Test("two versions of one document compare side by side; other documents, unknown and missing ids are 404")
    func compare() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let f = try await GuidelineFixture.make(app, world)
            let q = { (a: UUID, b: UUID) in "/guidelines/compare?from=\(a.uuidString.lowercased())&to=\(b.uuidString.lowercased())" }
            let response = try await app.get(q(f.old, f.current), as: .anonymous)
            #expect(response.status == .ok)
            #expect(response.text.contains("data-kind=\"changed\""))
            #expect(response.text.contains("Vi ringer mellom 09 og 21."))
            #expect(response.text.contains("Vi ringer mellom 09 og 20."))
            #expect(!response.text.contains("<script>alert(1)</script>"))
            #expect(try await app.get(q(f.old, f.other), as: .anonymous).status == .notFound)
            #expect(try await app.get(q(f.old, UUID()), as: .anonymous).status == .notFound)
            #expect(try await app.get("/guidelines/compare?from=x&to=y", as: .anonymous).status == .notFound)
            #expect(try await app.get("/guidelines/compare", as: .anonymous).status == .notFound)
            // The detail page links to the comparison with the previous version.
            #expect(
                try await app.get(path(f.current), as: .anonymous).text.contains(q(f.old, f.current).replacingOccurrences(of: "&", with: "&amp;")))
        }
    }

    @Test("a user of a bound member organisation acknowledges the version in force once; the association sees who has not")
    func acknowledge() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let f = try await GuidelineFixture.make(app, world)
            let admin = world.browser(.callCentreAdmin)
            let before = try await app.get(path(f.current), as: admin)
            #expect(before.text.contains(path(f.current, "/acknowledge")))
            #expect(!before.text.contains("id=\"acknowledgements\""))
            let overviewBefore = try await app.get(path(f.current), as: world.browser(.associationAdmin))
            #expect(overviewBefore.text.contains("id=\"outstanding\""))
            #expect(overviewBefore.text.contains("data-outstanding=\"3\""))
            #expect(overviewBefore.text.contains(world.foreignCallCentre.name))

            let post = try await app.postForm(path(f.current, "/acknowledge"), [:], as: admin)
            #expect(post.status == .seeOther)
            #expect(try await app.postForm(path(f.current, "/acknowledge"), [:], as: admin).status == .seeOther)
            #expect(try await GuidelineAcknowledgementModel.query(on: app.db).count() == 1)
            let after = try await app.get(path(f.current), as: admin)
            #expect(after.text.contains("data-acknowledged=\"yes\""))
            #expect(!after.text.contains(path(f.current, "/acknowledge")))

            let overview = try await app.get(path(f.current), as: world.browser(.associationAdmin))
            #expect(overview.text.contains("data-acknowledged=\"1\""))
            #expect(overview.text.contains("data-outstanding=\"2\""))
            #expect(overview.text.contains("Test agent"))
            #expect(overview.text.contains(world.foreignCallCentre.name))
        }
    }

    @Test("users outside bound member organisations, old versions and forged forms cannot acknowledge")
    func acknowledgeRefused() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let f = try await GuidelineFixture.make(app, world)
            #expect(try await app.postForm(path(f.current, "/acknowledge"), [:], as: world.browser(.clientUser)).status == .forbidden)
            #expect(try await app.postForm(path(f.old, "/acknowledge"), [:], as: world.browser(.callCentreAdmin)).status == .conflict)
            #expect(try await app.postForm(path(f.current, "/acknowledge"), [:], as: world.browser(.callCentreAdmin), csrf: false).status.code >= 400)
            #expect([401, 303].contains(try await app.postForm(path(f.current, "/acknowledge"), [:], as: .anonymous).status.code))
            #expect(try await GuidelineAcknowledgementModel.query(on: app.db).count() == 0)
            #expect(!(try await app.get(path(f.current), as: world.browser(.clientUser))).text.contains(path(f.current, "/acknowledge")))
        }
    }

    @Test("the association's administrator adds a version; it comes into force on its date")
    func addVersion() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let f = try await GuidelineFixture.make(app, world)
            let response = try await app.postForm(
                path(f.current, "/versions"),
                [
                    "title": "Testnorm norm", "version_label": "2026-11", "adopted_on": "2026-11-01", "in_force_from": "2026-11-15",
                    "markdown": "# Norm\n\nVi ringer mellom 10 og 20.",
                ], as: world.browser(.associationAdmin))
            #expect(response.status == .seeOther)
            let stored = try #require(try await GuidelineVersionModel.query(on: app.db).filter(\.$versionLabel == "2026-11").first())
            #expect(stored.$association.id == world.association.id)
            #expect(stored.binds == world.association.name)
            let page = try await app.get(path(try stored.requireID()), as: .anonymous)
            #expect(page.text.contains("data-in-force=\"yes\""))
            #expect(try await app.get(path(f.current), as: .anonymous).text.contains("data-in-force=\"no\""))
            // The acknowledgement is now due for the new version.
            #expect(try await app.get(path(try stored.requireID()), as: world.browser(.agent)).text.contains("/acknowledge"))
        }
    }

    @Test("bad new versions are refused with 422 naming the field, and nothing is stored")
    func addVersionBadInput() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let f = try await GuidelineFixture.make(app, world)
            let good = ["version_label": "ny", "adopted_on": "2026-11-01", "in_force_from": "2026-12-01", "markdown": "Tekst."]
            let cases: [([String: String], String)] = [
                (good.merging(["in_force_from": "2026-10-31"]) { $1 }, "in_force_from"),
                (good.merging(["markdown": "   \n "]) { $1 }, "markdown"),
                (good.merging(["markdown": String(repeating: "a", count: GuidelineService.maximumMarkdownLength + 1)]) { $1 }, "markdown"),
                (good.merging(["adopted_on": "31.10.2026"]) { $1 }, "adopted_on"),
                (good.merging(["version_label": ""]) { $1 }, "version_label"),
                (good.merging(["version_label": "2026"]) { $1 }, "version_label"),
                (good.merging(["adopted_on": "2026-01-01", "in_force_from": "2026-03-01"]) { $1 }, "in_force_from"),
            ]
            for (fields, field) in cases {
                // As a browser sends it: the form carries the page it is on.
                let fields = fields.merging(["_page": path(f.current, "")]) { $1 }
                let response = try await app.postForm(path(f.current, "/versions"), fields, as: world.browser(.associationAdmin))
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.text.contains(field), "\(field)")
                // The version page comes back with the message by the field and the text as typed.
                #expect(response.text.contains("id=\"e-\(field)\""), "\(field)")
                if field != "markdown" { #expect(response.text.contains(">\(fields["markdown"] ?? "∅")</textarea>"), "\(field)") }
            }
            for role in [Role.callCentreAdmin, .agent, .clientUser, .boardMember] {
                #expect(try await app.postForm(path(f.current, "/versions"), good, as: world.browser(role)).status == .forbidden)
            }
            #expect(try await app.postForm(path(f.current, "/versions"), good, as: world.foreignAdmin).status == .forbidden)
            #expect(try await GuidelineVersionModel.query(on: app.db).count() == 3)
        }
    }

    @Test("the demo holds the 2007 ethical guidelines and the industry norm of 2009 with its 2024 revision")
    func demo() async throws {
        try await withTestApp { app in
            _ = try await DemoSeeder.seed(app)
            let rows = try await GuidelineVersionModel.query(on: app.db).all()
            #expect(Set(rows.map(\.versionKey)) == ["etiske-retningslinjer-2007", "bransjenorm-callcentre-2009", "bransjenorm-callcentre-2024"])
            let ethics = try #require(rows.first { $0.versionKey == "etiske-retningslinjer-2007" })
            #expect(ethics.adoptedOn == "2007-10-11" && ethics.inForceFrom == "2008-04-01")
            let list = try await app.get("/guidelines", as: .anonymous)
            #expect(list.status == .ok)
            #expect(list.text.contains("revidert 13.02.2024"))
            #expect(list.text.contains("01.04.2008"))
        }
    }

    @Test("navigation links to the guidelines for every role")
    func navigation() async throws {
        for role in Role.allCases {
            let user = CurrentUser(
                id: UUID(), name: "x", email: "x@x", role: role, organisationID: UUID(), organisationName: "x",
                organisationKind: role.allowedOrganisationKinds.first ?? .callCentre, sessionID: UUID())
            #expect(Navigation.items(for: user).contains { $0.route == .guidelines })
        }
    }
}
