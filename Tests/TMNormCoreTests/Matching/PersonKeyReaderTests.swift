import Foundation
import Testing

@testable import TMNormCore

/// The byte path (`PersonKeyReader`) gives the key the String path gives, or leaves the row to it.
@Suite("Person keys from bytes")
struct PersonKeyReaderTests {
    /// The String path as list washing runs it: trimmed decoded fields, the address split when the house
    /// number is empty, the house letter appended, `PersonIdentity` and its key.
    static func textKey(_ fields: [[UInt8]], encoding: TextEncoding, split: Bool) -> UInt64? {
        let t = fields.map { bytes in bytes.withUnsafeBytes { TextDecoder.trimmedText($0, as: encoding) } }
        var street = t[2]
        var number = t[3]
        if number.isEmpty && split { (street, number) = PersonIdentity.splitStreetAndNumber(street) }
        if !t[4].isEmpty { number += " " + t[4] }
        return PersonIdentity(firstName: t[0], lastName: t[1], street: street, houseNumber: number, postcode: t[5])?.key
    }

    static func byteOutcome(_ fields: [[UInt8]], reader: PersonKeyReader, split: Bool) -> PersonKeyReader.Outcome {
        fields[0].withUnsafeBytes { first in
            fields[1].withUnsafeBytes { last in
                fields[2].withUnsafeBytes { street in
                    fields[3].withUnsafeBytes { number in
                        fields[4].withUnsafeBytes { letter in
                            fields[5].withUnsafeBytes { postcode in
                                reader.key(
                                    PersonFieldBytes(
                                        firstName: first, lastName: last, street: street, houseNumber: number, houseLetter: letter,
                                        postcode: postcode), splitAddress: split)
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("every example of docs/matching.md gets the String path's key from its bytes")
    func examples() {
        // given
        let reader = PersonKeyReader(encoding: .utf8)
        for example in PersonMatchingExampleTests.examples {
            for side in [example.list, example.register] {
                let fields = [side.first, side.last, side.address, "", "", side.postcode].map { Array($0.utf8) }
                // when
                let outcome = Self.byteOutcome(fields, reader: reader, split: true)
                // then
                let expected = side.identity?.key
                let want: PersonKeyReader.Outcome = expected.map { .key($0) } ?? .noIdentity
                #expect(outcome == want, "\(side)")
                #expect(expected == Self.textKey(fields, encoding: .utf8, split: true))
            }
        }
    }

    @Test("a separate house number and house letter column give the String path's key")
    func houseLetterColumn() {
        let reader = PersonKeyReader(encoding: .utf8)
        let fields = ["Kari", "Nordmann", "Storgata", " 012 ", "B", "0150"].map { Array($0.utf8) }
        let outcome = Self.byteOutcome(fields, reader: reader, split: true)
        #expect(outcome == .key(Self.textKey(fields, encoding: .utf8, split: true)!))
        #expect(
            outcome == .key(PersonIdentity(firstName: "Kari", lastName: "Nordmann", street: "Storgata", houseNumber: "12 B", postcode: "0150")!.key))
    }

    /// Deterministic random numbers for the comparison below.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [[UInt8]] =
        [
            "a", "B", "z", "Kari", "ola", "Ø", "æ", "Å", "é", "Ü", "ß", "ª", "ĸ", "ǅ", "ı", "İ", "Ω", "😀", "0", "1", "9",
            " ", "  ", "\t", ",", ".", "-", "'", "’", "´", "\u{A0}", "\u{301}", "\u{7F}", "\r", "gata", "gt.", "gt",
            "veien", "v", "vn.", "v.", "pl", "pl.", "alle", "allé", "12", "012", "0", "B", "b", "H0201", "Storgata 12 B",
            "x-y", "\u{85}", "\u{AD}", "ǀ",
        ].map { Array($0.utf8) } + [[0xC3], [0xFF], [0xE9], [0xC2, 0x41], [0x80]]
    static let postcodes: [[UInt8]] =
        ["0150", " 0150 ", "015 0", "150", "01500", "０１５０", "0150\t", "abcd", "", "\t0\t1 5 0"]
        .map { Array($0.utf8) } + [[0x30, 0x31, 0x35, 0xB0]]

    @Test(
        "random text: the byte path's key equals the String path's, or the row is left to the String path",
        arguments: [TextEncoding.utf8, .windows1252])
    func randomText(encoding: TextEncoding) {
        var random = SplitMix64(state: 20_261_206)
        let reader = PersonKeyReader(encoding: encoding)
        var handled = 0
        let rounds = 20_000
        for _ in 0..<rounds {
            var fields: [[UInt8]] = (0..<5).map { k in
                let words = Int.random(in: 0...(k == 4 ? 1 : 5), using: &random)
                return (0..<words).flatMap { _ in Self.pieces.randomElement(using: &random)! }
            }
            fields.append(Self.postcodes.randomElement(using: &random)!)
            if Bool.random(using: &random) { fields[0] = Array("Kari".utf8) }
            if Bool.random(using: &random) { fields[4] = [] }
            let split = Bool.random(using: &random)
            let expected = Self.textKey(fields, encoding: encoding, split: split)
            switch Self.byteOutcome(fields, reader: reader, split: split) {
            case .key(let key):
                handled += 1
                #expect(key == expected, "\(fields.map { String(decoding: $0, as: UTF8.self) })")
            case .noIdentity:
                handled += 1
                #expect(expected == nil, "\(fields.map { String(decoding: $0, as: UTF8.self) })")
            case .needsText: break
            }
        }
        #expect(handled > rounds / 4)
    }
}
