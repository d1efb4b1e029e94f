import Testing
@testable import TMNormCore

@Suite("SMS segments")
struct SMSSegmentCounterTests {
    static func a(_ n: Int) -> String { String(repeating: "a", count: n) }
    static func l(_ n: Int) -> String { String(repeating: "Ł", count: n) }

    static let table: [(text: String, encoding: SMSEncoding, units: Int, segments: Int)] = [
        ("", .gsm7, 0, 1),
        (a(160), .gsm7, 160, 1),
        (a(161), .gsm7, 161, 2),
        (a(306), .gsm7, 306, 2),
        (a(307), .gsm7, 307, 3),
        ("Blåbærsyltetøy på Ærø, Østfold", .gsm7, 30, 1),
        (a(159) + "€", .gsm7, 161, 2),
        (a(152) + "€" + a(10), .gsm7, 164, 2),
        (a(152) + "€" + a(153), .gsm7, 307, 3),
        (a(150) + "{}[]", .gsm7, 158, 1),
        (l(70), .ucs2, 70, 1),
        (l(71), .ucs2, 71, 2),
        (l(134), .ucs2, 134, 2),
        (l(135), .ucs2, 135, 3),
        (l(66) + "😀" + l(3), .ucs2, 71, 2),
        ("«Hei»", .ucs2, 5, 1),
        (a(100) + "😀", .ucs2, 102, 2),
    ]

    @Test("GSM-7 counts septets (extension characters 2), UCS-2 counts UTF-16 units; pairs are never split", arguments: table)
    func counts(_ row: (text: String, encoding: SMSEncoding, units: Int, segments: Int)) {
        #expect(SMSSegmentCounter.count(row.text) == SMSSegmentCount(encoding: row.encoding, units: row.units, segments: row.segments))
    }

    @Test("an escape pair that would straddle a part boundary moves to the next part")
    func escapePairNotSplit() {
        // 152 + "€" (2 septets) = 154 > 153: the € starts part 2, which then holds 2 + 151 = 153.
        #expect(SMSSegmentCounter.count(Self.a(152) + "€" + Self.a(151)).segments == 2)
        #expect(SMSSegmentCounter.count(Self.a(152) + "€" + Self.a(152)).segments == 3)
    }

    static let friendly: [(String, String)] = [
        ("«Hei» – du…", "\"Hei\" - du..."),
        ("Kari’s “tilbud”", "Kari's \"tilbud\""),
        ("1\u{00A0}234,50 kr", "1 234,50 kr"),
        ("Łódź Ōsaka", "Łodz Osaka"),
        ("Blåbær Café Müller", "Blåbær Café Müller"),
        ("😀", "😀"),
    ]

    @Test("typographic characters and foreign accents map to GSM-7; Norwegian letters stay", arguments: friendly)
    func gsmFriendly(_ row: (String, String)) {
        #expect(SMSSegmentCounter.gsmFriendly(row.0) == row.1)
    }
}
