import Foundation
import Testing
@testable import TMNormCore

@Suite("Side-by-side comparison of guidelines versions")
struct GuidelineDiffTests {
    /// The row kinds as one letter each: u(nchanged), a(dded), r(emoved), c(hanged).
    static func shape(_ diff: GuidelineDiff) -> String {
        diff.rows.map { String($0.kind.rawValue.prefix(1)) }.joined()
    }

    @Test(
        "line comparison yields unchanged, added, removed and changed rows",
        arguments: [
            ("a\nb\nc", "a\nb\nc", "uuu"),
            ("a\nb\nc", "a\nc", "uru"),
            ("a\nc", "a\nb\nc", "uau"),
            ("a\nb\nc", "a\nB\nc", "ucu"),
            ("a\nb\nc\nd", "a\nX\nY\nZ\nd", "uccau"),
            ("a\nb\nc\nd", "a\nX\nd", "ucru"),
            ("", "a\nb", "aa"),
            ("a\nb", "", "rr"),
            ("a\nb", "b\na", "ru" + "a"),
            ("a\n\n\nb", "a\nb", "uu"),
        ])
    func lineShapes(old: String, new: String, expected: String) throws {
        #expect(Self.shape(try GuidelineDiff(old: old, new: new, granularity: .line)) == expected)
    }

    @Test("a changed row shows the old text on the left and the new on the right, with their numbers")
    func changedRowSides() throws {
        let diff = try GuidelineDiff(old: "a\nb\nc", new: "a\nB\nc\nd", granularity: .line)
        let changed = try #require(diff.rows.first { $0.kind == .changed })
        #expect(changed.left == GuidelineDiff.Side(number: 2, text: "b"))
        #expect(changed.right == GuidelineDiff.Side(number: 2, text: "B"))
        let added = try #require(diff.rows.last)
        #expect(added.kind == .added && added.left == nil && added.right?.number == 4)
        #expect(diff.count(.unchanged) == 2 && diff.count(.changed) == 1 && diff.count(.added) == 1)
    }

    @Test("paragraph comparison ignores re-wrapping and indentation inside a paragraph")
    func paragraphsIgnoreWrapping() throws {
        let old = "Første avsnitt\nsom fortsetter.\n\nAndre avsnitt."
        let new = "  Første avsnitt som\n fortsetter.\n\n\nAndre   avsnitt."
        let diff = try GuidelineDiff(old: old, new: new, granularity: .paragraph)
        #expect(diff.isIdentical)
        #expect(diff.rows.first?.left?.text == "Første avsnitt som fortsetter.")
    }

    @Test("a comparison over the size limit is refused with the figures")
    func tooLarge() {
        let old = (0..<30).map { "gammel \($0)" }.joined(separator: "\n")
        let new = (0..<40).map { "ny \($0)" }.joined(separator: "\n")
        #expect(throws: GuidelineError.comparisonTooLarge(cells: 1200, limit: 1000)) {
            try GuidelineDiff(old: old, new: new, granularity: .line, cellLimit: 1000)
        }
        // Common beginnings and ends do not count against the limit.
        let shared = (0..<500).map { "felles \($0)" }.joined(separator: "\n")
        #expect(throws: Never.self) {
            try GuidelineDiff(old: shared + "\nx\n" + shared, new: shared + "\ny\n" + shared, granularity: .line, cellLimit: 1)
        }
    }
}
