import Testing

@testable import TMNormCore

@Suite("Display names are one line of visible text")
struct DisplayNameTests {
    @Test("ordinary Norwegian names pass", arguments: ["Kunde Ålesund AS", "Smart 1 (avd. Bø)", "ProffCom – Øst"])
    func ordinary(_ name: String) {
        #expect(DisplayName.problem(name) == nil)
    }

    @Test(
        "NUL, newline, escape, DEL and bidi overrides are refused",
        arguments: ["A\u{0}B", "A\nB", "A\u{1B}[31mB", "A\u{7F}", "A\u{202E}SA", "A\u{2066}B", "A\u{2028}B"])
    func refused(_ name: String) {
        #expect(DisplayName.problem(name) != nil)
    }

    @Test("empty and over-long names are refused")
    func length() {
        #expect(DisplayName.problem("") == "is required")
        #expect(DisplayName.problem(String(repeating: "a", count: 201)) != nil)
        #expect(DisplayName.problem(String(repeating: "a", count: 100), maxLength: 100) == nil)
    }
}
