import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

/// The language link on a page that shows a form's result leads to a page, never to a 404: a POST's
/// result links to the nearest page that answers GET.
@Suite("Language links on form results")
struct LanguageLinkTests {
    /// The href of the page's language switch.
    static func languageLink(_ html: String) -> String? {
        guard let start = html.range(of: "<p class=\"lang-switch\">\n<a href=\"") ?? html.range(of: "<p class=\"lang-switch\"><a href=\""),
            let end = html[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(html[start.upperBound..<end])
    }

    @Test("the nearest page of a form target: itself when it answers GET, else the nearest parent that does")
    func nearestPage() {
        #expect(SiteRoute.Pattern.nearestPage(to: "/campaigns/abc/check") == "/campaigns/abc")
        #expect(SiteRoute.Pattern.nearestPage(to: "/block-list/import") == "/block-list")
        #expect(SiteRoute.Pattern.nearestPage(to: "/t/tok/accept") == "/t/tok/accept")
        #expect(SiteRoute.Pattern.nearestPage(to: "/campaigns/abc/sales/preview") == "/campaigns/abc/sales")
        #expect(SiteRoute.Pattern.nearestPage(to: "/norms/versions") == "/norms")
        #expect(SiteRoute.Pattern.nearestPage(to: "/login") == "/login")
        #expect(SiteRoute.Pattern.nearestPage(to: "/no/such/thing") == "/")
    }

    @Test("a page with a query keeps it in its language link (/sales?state=sent → /sales?state=sent&lang=en), without a second lang")
    func queryKept() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.callCentreAdmin)
            let page = try await app.get("/sales?state=sent", as: admin)
            #expect(Self.languageLink(page.text) == "/sales?state=sent&amp;lang=en", "escaped in the attribute")
            let english = try await app.get("/sales?lang=en&state=sent", as: admin)
            #expect(Self.languageLink(english.text) == "/sales?state=sent&amp;lang=nb")
        }
    }

    @Test("the agent's number check (POST /campaigns/ID/check) links to the campaign's page in the other language, which opens")
    func campaignCheck() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let campaign = try await MayCallTests().activeCampaign(app, world)
            let path = "/campaigns/\(campaign.uuidString.lowercased())"
            let result = try await app.postForm(path + "/check", ["number": "91234567"], as: world.browser(.agent))
            #expect(result.status == .ok)
            let link = try #require(Self.languageLink(result.text))
            #expect(link == path + "?lang=en")
            #expect(try await app.get(link, as: world.browser(.agent)).status == .ok)
            let english = try await app.postForm(path + "/check?lang=en", ["number": "91234567"], as: world.browser(.agent))
            let back = try #require(Self.languageLink(english.text))
            #expect(back == path + "?lang=nb")
            #expect(try await app.get(back, as: world.browser(.agent)).status == .ok)
        }
    }

    @Test("the block-list import's result (POST /block-list/import) links to /block-list in the other language, which opens")
    func blockListImport() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.callCentreAdmin)
            let result = try await app.postMultipart(
                "/block-list/import?lang=en", fields: [:], file: ("numbers.csv", Array("91234567\n".utf8)), as: admin)
            #expect(result.status == .ok, "\(result.text.prefix(300))")
            let link = try #require(Self.languageLink(result.text))
            #expect(link == "/block-list?lang=nb")
            #expect(try await app.get(link, as: admin).status == .ok)
        }
    }

    @Test("the norms page says mandag–fredag, not hverdager, for the weekday hours")
    func normsSayMondayToFriday() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.associationAdmin)
            let added = try await app.postForm(
                "/norms/versions", ["effective_from": "2026-12-01", "opens": "10:00", "closes": "20:00"], as: admin)
            #expect(added.status == .created)
            #expect(added.text.contains("Mandag–fredag 10:00–20:00"))
            #expect(!added.text.contains("Hverdager"))
            #expect(Self.languageLink(added.text) == "/norms?lang=en")
            let english = try await app.get("/norms?lang=en", as: admin)
            #expect(english.text.contains("Monday–Friday 10:00–20:00"))
        }
    }
}
