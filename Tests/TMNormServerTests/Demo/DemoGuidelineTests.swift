import Foundation
import Testing

@testable import TMNormCore
@testable import TMNormServer

@Suite("Demo guidelines: the documents the demo seeds")
struct DemoGuidelineTests {
    @Test(
        "the industry norm in force on a day is the version that most recently came into force",
        arguments: [
            ("2009-08-18", nil), ("2009-08-19", "2009"), ("2015-06-01", "2009"),
            ("2024-02-12", "2009"), ("2024-02-13", "revidert 13.02.2024"), ("2030-01-01", "revidert 13.02.2024"),
        ] as [(String, String?)])
    func industryNormInForce(day: String, expected: String?) throws {
        let norm = try GuidelineDemo.industryNorm()
        #expect(norm.version(inForceOn: try LocalDate(parsing: day))?.versionLabel == expected)
    }

    @Test(
        "the ethical guidelines adopted 11 Oct 2007 bind NORDMA and HSH members from 1 April 2008",
        arguments: [("2007-10-11", false), ("2008-03-31", false), ("2008-04-01", true), ("2020-01-01", true)])
    func ethicsInForce(day: String, inForce: Bool) throws {
        let ethics = try GuidelineDemo.ethicalGuidelines()
        let version = ethics.version(inForceOn: try LocalDate(parsing: day))
        #expect((version != nil) == inForce)
        #expect(ethics.versions[0].adoptedOn == (try LocalDate(parsing: "2007-10-11")))
        #expect(ethics.versions[0].binds(association: "nordma") && ethics.versions[0].binds(association: "HSH"))
        #expect(!ethics.versions[0].binds(association: "Virke"))
    }

    @Test("asking for the version in force before the first one is an error naming the document and day")
    func noVersionYet() throws {
        let norm = try GuidelineDemo.industryNorm()
        #expect(throws: GuidelineError.noVersionInForce(document: "bransjenorm-callcentre", on: try LocalDate(parsing: "2009-01-01"))) {
            try norm.requireVersion(inForceOn: LocalDate(parsing: "2009-01-01"))
        }
    }

    @Test("versions are kept in order of coming into force, with predecessor and last day in force")
    func ordering() throws {
        let norm = try GuidelineDemo.industryNorm()
        let (old, new) = (norm.versions[0], norm.versions[1])
        #expect(old.versionLabel == "2009")
        #expect(norm.predecessor(of: new) == old)
        #expect(norm.predecessor(of: old) == nil)
        #expect(norm.lastDayInForce(of: old) == (try LocalDate(parsing: "2024-02-12")))
        #expect(norm.lastDayInForce(of: new) == nil)
        #expect(norm.version(id: "bransjenorm-callcentre-2024") == new)
    }

    @Test("the association sees which bound users have not acknowledged the version in force")
    func acknowledgementOverview() throws {
        let norm = try GuidelineDemo.industryNorm()
        let users = [
            GuidelineBoundUser(userID: "u1", organisationName: "UniCall AS", memberOf: ["Virke"]),
            GuidelineBoundUser(userID: "u2", organisationName: "Aktiv Partner AS", memberOf: ["ANFO"]),
            GuidelineBoundUser(userID: "u3", organisationName: "ProffCom AS", memberOf: ["Virke"]),
            GuidelineBoundUser(userID: "u4", organisationName: "Utenfor AS", memberOf: []),
        ]
        let t0 = Date(timeIntervalSince1970: 1_710_000_000)
        let acks = [
            GuidelineAcknowledgement(userID: "u1", versionID: "bransjenorm-callcentre-2024", acknowledgedAt: t0 + 60),
            GuidelineAcknowledgement(userID: "u1", versionID: "bransjenorm-callcentre-2024", acknowledgedAt: t0),
            // An acknowledgement of the old version does not count for the new one.
            GuidelineAcknowledgement(userID: "u3", versionID: "bransjenorm-callcentre-2009", acknowledgedAt: t0),
        ]
        let overview = try GuidelineAcknowledgementOverview(
            document: norm, on: LocalDate(parsing: "2024-06-01"), users: users, acknowledgements: acks)
        #expect(overview.version.versionLabel == "revidert 13.02.2024")
        #expect(overview.acknowledged.map(\.userID) == ["u1"])
        #expect(overview.acknowledged.first?.acknowledgedAt == t0)
        #expect(overview.outstanding.map(\.userID) == ["u2", "u3"])
        #expect(overview.isOutstanding(userID: "u3") && !overview.isOutstanding(userID: "u4"))
    }

    @Test("comparing the 2009 and 2024 industry norms shows the new clause 2.5 as added and 2.1 as changed")
    func demoNorms() throws {
        let norm = try GuidelineDemo.industryNorm()
        let diff = try GuidelineDiff(from: norm.versions[0], to: norm.versions[1])
        #expect(diff.rows.contains { $0.kind == .added && $0.right?.text == "### 2.5 Nummervisning" })
        #expect(diff.rows.contains { $0.kind == .changed && $0.left?.text.contains("personopplysningsloven") == true })
        #expect(diff.rows.contains { $0.kind == .unchanged && $0.left?.text == "## 3. Opplæring" })
        // Every unit of both versions appears exactly once, in order.
        let lefts = diff.rows.compactMap { $0.left?.number }
        let rights = diff.rows.compactMap { $0.right?.number }
        #expect(lefts == Array(1...lefts.count) && rights == Array(1...rights.count))
    }

    @Test("the demo documents render with their clause headings and only allowed tags")
    func demoDocuments() throws {
        for document in try GuidelineDemo.documents() {
            for version in document.versions {
                let html = GuidelineMarkdown.render(version.markdown)
                #expect(GuidelineMarkdownTags.onlyAllowed(html))
                #expect(html.contains("<strong>Demo:</strong>"))
            }
        }
        let norm = try GuidelineDemo.industryNorm()
        let html = GuidelineMarkdown.render(norm.versions[0].markdown)
        #expect(html.contains("<h3>2.4 Statistikk</h3>"))
        #expect(html.contains("<li>antall klager per ringer.</li>"))
    }
}

/// The tag check of TMNormCoreTests' `GuidelineMarkdownTests`, for the demo documents.
enum GuidelineMarkdownTags {
    /// Every "<" in the output opens or closes one of the renderer's own tags.
    static func onlyAllowed(_ html: String) -> Bool {
        let allowed = [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote", "hr",
        ]
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            let name = after.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            guard allowed.contains(String(name)) else { return false }
            if name == "a", !after.hasPrefix("/") {
                guard after.hasPrefix(#"a href="http"#) || after.hasPrefix(#"a href="mailto:"#) else { return false }
            }
            rest = after
        }
        return true
    }
}
