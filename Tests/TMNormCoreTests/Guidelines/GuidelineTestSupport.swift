import Foundation
@testable import TMNormCore

/// A date from "YYYY-MM-DD" for guidelines and authorization tests.
func glDate(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

/// A version of the test document "doc" with the given label and dates.
func glVersion(
    _ label: String, adopted: String, inForce: String, binds: [String] = ["NORDMA"], body: String = "Tekst"
) throws -> GuidelineVersion {
    try GuidelineVersion(
        id: "doc-\(label)", documentKey: "doc", title: "Dokument", versionLabel: label,
        adoptedOn: glDate(adopted), inForceFrom: glDate(inForce), bindsMembersOf: binds, markdown: body)
}
