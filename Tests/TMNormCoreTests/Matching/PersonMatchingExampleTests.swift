import Foundation
import Testing
@testable import TMNormCore

/// The example table of docs/matching.md, row for row.
@Suite("Person matching examples (docs/matching.md)")
struct PersonMatchingExampleTests {
    /// One side of an example: the four fields as a list or the register gives them.
    struct Side: Sendable, CustomStringConvertible {
        let first, last, address, postcode: String
        init(_ first: String, _ last: String, _ address: String, _ postcode: String) {
            (self.first, self.last, self.address, self.postcode) = (first, last, address, postcode)
        }
        var identity: PersonIdentity? {
            let (street, number) = PersonIdentity.splitStreetAndNumber(address)
            return PersonIdentity(firstName: first, lastName: last, street: street, houseNumber: number, postcode: postcode)
        }
        var cells: [String] { [first, last, address, postcode] }
        var description: String { cells.joined(separator: " | ") }
    }

    static let examples: [(list: Side, register: Side, match: Bool, why: String)] = [
        (Side("Kari", "Nordmann", "Storgata 12 B", "0150"), Side("Kari", "Nordmann", "Storgata 12b", "0150"), true, "house-number letter spacing"),
        (Side("KARI", "NORDMANN", "storgata 12-b", "0150"), Side("Kari", "Nordmann", "Storgata 12 B", "0150"), true, "case; dash in house number"),
        (Side("Kari", "Nordmann", "Storgt. 12 B", "0150"), Side("Kari", "Nordmann", "Storgata 12 B", "0150"), true, "gt. = gata"),
        (Side("Kari", "Nordmann", "Storgaten 12 B", "0150"), Side("Kari", "Nordmann", "Storgate 12 B", "0150"), true, "gaten = gate"),
        (Side("Kari", "Nordmann", "Storgata 12", "0150"), Side("Kari", "Nordmann", "Storgata 12 B", "0150"), false, "house-number letter differs"),
        (Side("Kari", "Nordmann", "Storgata 12", "0150"), Side("Kari", "Nordmann", "Storgata 12", "0151"), false, "postcode differs"),
        (Side("Kari", "Nordmann", "Storgata 5", "0150"), Side("Kari", "Nordmann", "Stortorget 5", "0150"), false, "different street"),
        (Side("Kari", "Nordmann", "Storgata 012", "0150"), Side("Kari", "Nordmann", "Storgata 12", "0150"), true, "leading zero in number"),
        (Side("Ola", "Nordmann", "Kongens gate 5", "0153"), Side("Ola", "Nordmann", "Kongensgate 5", "0153"), true, "spaces in street ignored"),
        (Side("Ola", "Nordmann", "Kongens gt 5", "0153"), Side("Ola", "Nordmann", "Kongens gate 5", "0153"), true, "gt without dot"),
        (Side("Bjørn", "Sæther", "Åsveien 3", "1430"), Side("Bjoern", "Saether", "Aasveien 3", "1430"), true, "æ/ø/å = ae/oe/aa"),
        (Side("Bjørn", "Sæther", "Åsvn. 3", "1430"), Side("Bjørn", "Sæther", "Åsvegen 3", "1430"), true, "vn. = vegen = vei"),
        (Side("Björn", "Säther", "Åsvei 3", "1430"), Side("Bjørn", "Sæther", "Åsveien 3", "1430"), true, "ö = ø, ä = æ; vei = veien"),
        (Side("José", "Müller", "Parkv. 7", "5003"), Side("Jose", "Muller", "Parkveien 7", "5003"), true, "accents dropped (ü = u); v. = veien"),
        (Side("Ola", "Nordmann", "Park v 7", "5003"), Side("Ola", "Nordmann", "Parkveg 7", "5003"), true, "v as its own word; veg = vei"),
        (Side("Ola", "Nordmann", "Bekkev 3", "5003"), Side("Ola", "Nordmann", "Bekkeveien 3", "5003"), false, "v without dot is not expanded"),
        (Side("Kari Anne", "Nordmann", "Storgata 1", "0150"), Side("Kari", "Nordmann", "Storgata 1", "0150"), true, "first given name only"),
        (Side("Kari-Anne", "Nordmann", "Storgata 1", "0150"), Side("Kari", "Nordmann", "Storgata 1", "0150"), true, "hyphen is a word break"),
        (Side("Anne Kari", "Nordmann", "Storgata 1", "0150"), Side("Kari", "Nordmann", "Storgata 1", "0150"), false, "first given names differ"),
        (Side("Kari", "Hansen-Berg", "Storgata 1", "0150"), Side("Kari", "Hansen Berg", "Storgata 1", "0150"), true, "hyphen in last name"),
        (Side("Kari", "Berg", "Storgata 1", "0150"), Side("Kari", "Hansen Berg", "Storgata 1", "0150"), false, "whole last name must match"),
        (
            Side("Per", "O'Neill", "Torggata 1, H0201", "0181"), Side("Per", "ONeill", "Torggata 1", "0181"), true,
            "apostrophe dropped; apartment ignored"
        ),
        (Side("Per", "Nordmann", "Torgpl. 1", "0181"), Side("Per", "Nordmann", "Torgplassen 1", "0181"), true, "pl. = plassen"),
        (Side("Per", "Nordmann", "Frognerallé 2", "0263"), Side("Per", "Nordmann", "Frogneralleen 2", "0263"), true, "allé = alleen"),
        (
            Side("  Ola  ", "nordmann ", " Storgata   5 ", " 0150"), Side("Ola", "Nordmann", "Storgata 5", "0150"), true,
            "whitespace trimmed and collapsed"
        ),
        (Side("Ola", "Nordman", "Storgata 5", "0150"), Side("Ola", "Nordmann", "Storgata 5", "0150"), false, "no fuzzy matching of typos"),
        (Side("Ola", "Sorensen", "Storgata 5", "0150"), Side("Ola", "Sørensen", "Storgata 5", "0150"), false, "o is not ø (ø = oe)"),
        (Side("Ola", "Nordmann", "Storgata 5", "150"), Side("Ola", "Nordmann", "Storgata 5", "0150"), false, "postcode must have 4 digits"),
        (Side("Ola", "", "Storgata 5", "0150"), Side("Ola", "Nordmann", "Storgata 5", "0150"), false, "no last name: no identity"),
    ]

    @Test("a list row matches a register entry exactly as docs/matching.md says", arguments: examples)
    func example(_ row: (list: Side, register: Side, match: Bool, why: String)) {
        // given two rows, when both are normalised, then they are equal (and share a key) only if they match
        let list = row.list.identity
        let register = row.register.identity
        let matched = list != nil && list == register
        #expect(matched == row.match, "\(row.why): \(String(describing: list)) vs \(String(describing: register))")
        if let list, let register {
            #expect((list.key == register.key) == row.match)
        }
    }

    @Test("the example table in docs/matching.md has exactly the rows of this test")
    func docsTableIsTheTestTable() throws {
        let docRows = try Self.documentRows()
        let testRows = Self.examples.map { row in
            (row.list.cells + row.register.cells + [row.match ? "yes" : "no", row.why])
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(docRows == testRows)
    }

    /// The rows of the "## Examples" table, cells trimmed (markdown cannot show leading spaces anyway).
    static func documentRows() throws -> [[String]] {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var document: String?
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("docs/matching.md")
            if let text = try? String(contentsOf: candidate, encoding: .utf8) {
                document = text
                break
            }
            directory.deleteLastPathComponent()
        }
        let text = try #require(document, "docs/matching.md not found above \(#filePath)")
        let examples = try #require(text.components(separatedBy: "## Examples").last)
        return examples.split(separator: "\n")
            .filter { $0.hasPrefix("|") && !$0.hasPrefix("|---") && !$0.hasPrefix("| List first name") }
            .map { line in
                line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
            }
    }
}
