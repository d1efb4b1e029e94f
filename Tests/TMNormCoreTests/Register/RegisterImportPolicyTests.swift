import Testing

@testable import TMNormCore

@Suite("A register delivery that would empty or shrink the register is refused unless forced")
struct RegisterImportPolicyTests {
    typealias Size = RegisterImportPolicy.Size

    @Test("no valid rows: refused, also as the first import")
    func empty() {
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 0, persons: 0), rows: 12, previous: nil) == .noValidRows(rows: 12))
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 0, persons: 0), rows: 0, previous: Size(numbers: 5, persons: 0)) == .noValidRows(rows: 0))
    }

    @Test("shrinking by more than 10 % is refused; by exactly 10 % or growing is fine")
    func shrink() {
        let previous = Size(numbers: 1000, persons: 200)
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 900, persons: 200), rows: 1100, previous: previous) == nil)
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 899, persons: 200), rows: 1100, previous: previous)
            == .shrinks(kind: "numbers", previous: 1000, new: 899, maxShare: 0.10))
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 1000, persons: 100), rows: 1100, previous: previous)
            == .shrinks(kind: "persons", previous: 200, new: 100, maxShare: 0.10))
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 5000, persons: 300), rows: 5300, previous: previous) == nil)
    }

    @Test("the share is a policy setting")
    func policyShare() {
        let previous = Size(numbers: 1000, persons: 0)
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 700, persons: 0), rows: 700, previous: previous, maxShrink: 0.5) == nil)
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 999, persons: 0), rows: 999, previous: previous, maxShrink: 0) != nil)
    }

    @Test("the refusal says why, in both languages")
    func message() {
        let refusal = RegisterImportPolicy.Refusal.shrinks(kind: "numbers", previous: 1000, new: 10, maxShare: 0.1)
        #expect(refusal.description.contains("99 %"))
        #expect(refusal.norwegian.contains("numre"))
        #expect(refusal.norwegian.contains("tving"))
    }
}
