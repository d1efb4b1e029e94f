import Foundation
import Testing

@testable import TMNormCore

@Suite("A register delivery that would empty or shrink the register is refused unless forced")
struct RegisterImportPolicyTests {
    typealias Size = RegisterImportPolicy.Size

    @Test("no valid rows: refused, also as the first import")
    func empty() {
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 0, persons: 0), rows: 12, previous: nil) == .noValidRows(rows: 12))
        #expect(
            RegisterImportPolicy.judge(new: Size(numbers: 0, persons: 0), rows: 0, previous: Size(numbers: 5, persons: 0)) == .noValidRows(rows: 0))
    }

    @Test("shrinking by more than 10 % is refused; by exactly 10 % or growing is fine")
    func shrink() {
        let previous = Size(numbers: 1000, persons: 200)
        #expect(RegisterImportPolicy.judge(new: Size(numbers: 900, persons: 200), rows: 1100, previous: previous) == nil)
        #expect(
            RegisterImportPolicy.judge(new: Size(numbers: 899, persons: 200), rows: 1100, previous: previous)
                == .shrinks(kind: "numbers", previous: 1000, new: 899, maxShare: 0.10))
        #expect(
            RegisterImportPolicy.judge(new: Size(numbers: 1000, persons: 100), rows: 1100, previous: previous)
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

@Suite("A plain register copy that does not say counts as covering voluntary organisations")
struct RegisterVoluntaryDefaultTests {
    @Test("by default every number of a plain file covers voluntary organisations; `no` says otherwise")
    func failClosed() throws {
        let file = Array("91234567\n41234567\n".utf8)
        let assumed = try RegisterImporter.importRegister(
            from: DataByteSource(Data(file)), fileName: "plain.txt", obtainedAt: Date(timeIntervalSince1970: 0))
        #expect(assumed.report.voluntaryNumbers == 2)
        let declared = try RegisterImporter.importRegister(
            from: DataByteSource(Data(file)), fileName: "plain.txt", obtainedAt: Date(timeIntervalSince1970: 0), plainVoluntary: false)
        #expect(declared.report.voluntaryNumbers == 0)
    }

    @Test("yes/no are read in both languages; anything else is refused", arguments: [("yes", true), ("JA", true), ("no", false), ("nei", false)])
    func option(_ text: String, _ value: Bool) {
        #expect(RegisterVoluntaryOption.parse(text) == value)
        #expect(RegisterVoluntaryOption.parse("kanskje") == nil)
    }

    @Test("the snapshot records where its date came from, and a wash certificate repeats it")
    func basis() throws {
        let result = try RegisterImporter.importRegister(
            from: DataByteSource(Data("91234567\n".utf8)), fileName: "plain.txt", obtainedAt: Date(timeIntervalSince1970: 0),
            obtainedAtBasis: .imported)
        #expect(result.snapshot.metadata.obtainedAtBasis == .imported)
        let summary = try Washer(register: result.snapshot).wash(data: Data("telefon\n93000001\n".utf8)).summary
        #expect(summary.register.obtainedAtBasis == .imported)
    }
}
