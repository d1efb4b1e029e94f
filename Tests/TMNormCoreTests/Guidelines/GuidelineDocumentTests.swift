import Foundation
import Testing
@testable import TMNormCore

@Suite("Guidelines documents: versions, dates in force, acknowledgements")
struct GuidelineDocumentTests {
    @Test(
        "the industry norm in force on a day is the version that most recently came into force",
        arguments: [
            ("2009-08-18", nil), ("2009-08-19", "2009"), ("2015-06-01", "2009"),
            ("2024-02-12", "2009"), ("2024-02-13", "revidert 13.02.2024"), ("2030-01-01", "revidert 13.02.2024"),
        ] as [(String, String?)])
    func industryNormInForce(day: String, expected: String?) throws {
        let norm = try GuidelineDemo.industryNorm()
        #expect(norm.version(inForceOn: try glDate(day))?.versionLabel == expected)
    }

    @Test(
        "the ethical guidelines adopted 11 Oct 2007 bind NORDMA and HSH members from 1 April 2008",
        arguments: [("2007-10-11", false), ("2008-03-31", false), ("2008-04-01", true), ("2020-01-01", true)])
    func ethicsInForce(day: String, inForce: Bool) throws {
        let ethics = try GuidelineDemo.ethicalGuidelines()
        let version = ethics.version(inForceOn: try glDate(day))
        #expect((version != nil) == inForce)
        #expect(ethics.versions[0].adoptedOn == (try glDate("2007-10-11")))
        #expect(ethics.versions[0].binds(association: "nordma") && ethics.versions[0].binds(association: "HSH"))
        #expect(!ethics.versions[0].binds(association: "Virke"))
    }

    @Test("asking for the version in force before the first one is an error naming the document and day")
    func noVersionYet() throws {
        let norm = try GuidelineDemo.industryNorm()
        #expect(throws: GuidelineError.noVersionInForce(document: "bransjenorm-callcentre", on: try glDate("2009-01-01"))) {
            try norm.requireVersion(inForceOn: glDate("2009-01-01"))
        }
    }

    @Test("a version cannot come into force before it was adopted")
    func inForceBeforeAdoption() throws {
        #expect(
            throws: GuidelineError.inForceBeforeAdoption(
                version: "x", adopted: try glDate("2008-04-01"), inForce: try glDate("2007-10-11"))
        ) { try glVersion("x", adopted: "2008-04-01", inForce: "2007-10-11") }
        // The same day is allowed.
        #expect(throws: Never.self) { try glVersion("y", adopted: "2009-08-19", inForce: "2009-08-19") }
    }

    @Test(
        "empty required fields are refused with the field's name",
        arguments: [
            ("title", "version label", "body", ["NORDMA"], "title"),
            ("T", " ", "body", ["NORDMA"], "version label"),
            ("T", "1", "\n  \n", ["NORDMA"], "body"),
            ("T", "1", "body", [" "], "bound associations"),
        ] as [(String, String, String, [String], String)])
    func emptyFields(title: String, label: String, body: String, binds: [String], field: String) throws {
        let realTitle = title == "title" ? "" : title
        #expect(throws: GuidelineError.emptyField(field)) {
            try GuidelineVersion(
                id: "id", documentKey: "doc", title: realTitle, versionLabel: label, adoptedOn: glDate("2020-01-01"),
                inForceFrom: glDate("2020-01-01"), bindsMembersOf: binds, markdown: body)
        }
        #expect(GuidelineError.emptyField(field).norwegian.hasPrefix("feltet «"))
    }

    @Test("two versions coming into force on the same day are refused")
    func sameDay() throws {
        let a = try glVersion("a", adopted: "2020-01-01", inForce: "2020-03-01")
        let b = try glVersion("b", adopted: "2020-02-01", inForce: "2020-03-01")
        #expect(throws: GuidelineError.sameInForceDate(try glDate("2020-03-01"), versions: ["a", "b"])) {
            try GuidelineDocument(key: "doc", publisher: "NORDMA", versions: [b, a])
        }
    }

    @Test("duplicate labels and versions of another document are refused")
    func duplicatesAndStrangers() throws {
        let a = try glVersion("a", adopted: "2020-01-01", inForce: "2020-03-01")
        let a2 = try glVersion("a", adopted: "2021-01-01", inForce: "2021-03-01")
        #expect(throws: GuidelineError.duplicateVersionLabel("a")) {
            try GuidelineDocument(key: "doc", publisher: "NORDMA", versions: [a, a2])
        }
        #expect(throws: GuidelineError.wrongDocument(version: "a", expected: "other", found: "doc")) {
            try GuidelineDocument(key: "other", publisher: "NORDMA", versions: [a])
        }
    }

    @Test("versions are kept in order of coming into force, with predecessor and last day in force")
    func ordering() throws {
        let norm = try GuidelineDemo.industryNorm()
        let (old, new) = (norm.versions[0], norm.versions[1])
        #expect(old.versionLabel == "2009")
        #expect(norm.predecessor(of: new) == old)
        #expect(norm.predecessor(of: old) == nil)
        #expect(norm.lastDayInForce(of: old) == (try glDate("2024-02-12")))
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
            document: norm, on: glDate("2024-06-01"), users: users, acknowledgements: acks)
        #expect(overview.version.versionLabel == "revidert 13.02.2024")
        #expect(overview.acknowledged.map(\.userID) == ["u1"])
        #expect(overview.acknowledged.first?.acknowledgedAt == t0)
        #expect(overview.outstanding.map(\.userID) == ["u2", "u3"])
        #expect(overview.isOutstanding(userID: "u3") && !overview.isOutstanding(userID: "u4"))
    }
}
