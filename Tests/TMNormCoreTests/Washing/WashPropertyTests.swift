import Foundation
import Testing

@testable import TMNormCore

@Suite("Washing: properties over random input")
struct WashPropertyTests {
    /// One generated data row and what the washer must do with it.
    struct Row {
        var content: String
        var ending: String
    }

    static let phones = [
        "91234567", "912 34 567", "+47 912 34 567", "0047 91234567", "4791234567", "41234567", "800 12 345", "12", "",
        "+46 70 123 45 67", "abc", "92222222", "91111111", "\"913 00 000\"", "02000", "42000000", "+47-412-34-567",
        "(+47) 91234567", "91234567 ", " 4.1.2.3.4.5.6.7",
    ]

    static func randomRow(_ rng: inout WashSeededGenerator) -> Row {
        let ending = ["\n", "\r\n"][Int(rng.next() % 2)]
        switch rng.next() % 20 {
        case 0: return Row(content: "", ending: ending)
        case 1: return Row(content: ";;", ending: ending)
        case 2: return Row(content: "only;two", ending: ending)
        case 3: return Row(content: "a;b;c;d", ending: ending)
        case 4: return Row(content: "\"Kari\"x;Nordmann;91234567", ending: ending)
        case 5: return Row(content: "\"Linje 1\(ending)linje 2\";\"a;b\";41234567", ending: ending)
        default:
            let phone = phones[Int(rng.next() % UInt64(phones.count))]
            let name = ["Kari", "\"Nordmann, Ola\"", "Åse \"\"Ø\"\"", "Per"][Int(rng.next() % 4)]
            let digits = (0..<8).map { _ in String(rng.next() % 10) }.joined()
            let random = ["4", "9", "2"][Int(rng.next() % 3)] + digits.dropFirst()
            return Row(content: "\(name);x;\(rng.next() % 3 == 0 ? random : phone)", ending: ending)
        }
    }

    @Test("every input row ends in exactly one output, unchanged and in order (random lists, fixed seed)")
    func everyRowAccountedFor() throws {
        var rng = WashSeededGenerator(seed: 20_091_601)
        let register = WashFixture.register(numbers: ["91111111", "41234567"])
        let policy = WashPolicy(blockLists: [InternalBlockList(owner: "c", version: "1", numberKeys: [WashFixture.key("92222222")])])
        for iteration in 0..<300 {
            // given
            let rows = (0..<Int(rng.next() % 60)).map { _ in Self.randomRow(&rng) }
            let lastEnding = rng.next() % 4 == 0
            var text = "navn;felt;telefon\n"
            for (i, row) in rows.enumerated() {
                text += row.content + (i == rows.count - 1 && lastEnding && !row.content.isEmpty ? "" : row.ending)
            }
            // when
            let result = try WashFixture.wash(text, register: register, policy: policy)
            // then: walk both outputs alongside the input
            let callable = Array(result.callable)
            let rejected = Array(result.rejected)
            var c = "navn;felt;telefon\n".utf8.count
            var r = "navn;felt;telefon;reason\n".utf8.count
            for (i, row) in rows.enumerated() {
                let ending = i == rows.count - 1 && lastEnding && !row.content.isEmpty ? "" : row.ending
                let whole = Array((row.content + ending).utf8)
                if callable.count >= c + whole.count && Array(callable[c..<(c + whole.count)]) == whole {
                    c += whole.count
                    continue
                }
                let prefix = Array((row.content + ";").utf8)
                guard rejected.count >= r + prefix.count, Array(rejected[r..<(r + prefix.count)]) == prefix else {
                    Issue.record("iteration \(iteration): row \(i + 2) '\(row.content)' is in neither output")
                    return
                }
                r += prefix.count
                let code = WashReason.allCases.first { Array(rejected[r...]).starts(with: Array(($0.code + ending).utf8)) }
                guard let code else {
                    Issue.record("iteration \(iteration): row \(i + 2) has no valid reason")
                    return
                }
                r += (code.code + ending).utf8.count
            }
            #expect(c == callable.count && r == rejected.count, "iteration \(iteration): outputs have extra bytes")
            #expect(result.summary.rows == rows.count && result.summary.callable + result.summary.rejected == rows.count)
        }
    }

    @Test("the byte fast path classifies phone fields exactly like PhoneNumber.parse (random fields, fixed seed)")
    func fastPathAgreesWithParse() {
        var rng = WashSeededGenerator(seed: 47)
        let classifier = PhoneFieldClassifier(table: .nkom2026)
        let alphabet = Array("0123456789 +-.()".utf8) + [0x41, 0x09, 0x2F]
        let prefixes = ["", "+47", "+47 ", "0047", "0047 ", "47", "+", "00", "+46", "0"]
        for _ in 0..<20_000 {
            var field: [UInt8]
            if rng.next() % 2 == 0 {
                let length = Int(rng.next() % 14)
                field = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            } else {
                let prefix = prefixes[Int(rng.next() % UInt64(prefixes.count))]
                let digits = (0..<Int(5 + rng.next() % 8)).map { _ in UInt8(0x30 + rng.next() % 10) }
                field = Array(prefix.utf8) + digits
                if rng.next() % 3 == 0 { field.insert(0x20, at: Int(rng.next() % UInt64(field.count + 1))) }
            }
            let fast = field.withUnsafeBytes { classifier.verdict($0, encoding: .utf8) }
            let reference = classifier.slowVerdict(String(decoding: field, as: UTF8.self))
            #expect(fast == reference, "'\(String(decoding: field, as: UTF8.self))'")
        }
    }
}
