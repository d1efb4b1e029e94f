import Testing

@testable import TMNormCore

@Suite("The whole offer as SMS parts, for consumers reached by SMS only")
struct OfferSMSTextTests {
    @Test("the parts, without their numbering, give back the whole text; each is at most the limit")
    func lossless() {
        let text = OfferGoldenTextTests.norwegianDocument
        let parts = OfferSMSText.parts(of: text)
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.count <= OfferSMSText.maxCharacters + 10 })
        let rebuilt = parts.map { part in String(part.drop { $0 != " " }.dropFirst()) }.joined(separator: "\n")
        #expect(rebuilt == text)
        #expect(parts.first?.hasPrefix("(1/\(parts.count)) ") == true)
    }

    @Test("a line longer than a message is cut at spaces, never lost")
    func longLine() {
        let line = (0..<300).map { "ord\($0)" }.joined(separator: " ")
        let parts = OfferSMSText.parts(of: line, maxCharacters: 100)
        let words = parts.flatMap { $0.split(separator: " ").dropFirst() }.map(String.init)
        #expect(words == line.split(separator: " ").map(String.init))
    }
}
