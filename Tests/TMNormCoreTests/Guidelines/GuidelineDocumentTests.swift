import Foundation
import Testing
@testable import TMNormCore

@Suite("Guidelines documents: versions, dates in force, acknowledgements")
struct GuidelineDocumentTests {
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

}
