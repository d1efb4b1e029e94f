import Foundation
import Testing
@testable import TMNormCore

@Suite("phone normalize output lines")
struct PhoneNormalizationLineTests {
    static let rows: [(input: String, text: String, json: String)] = [
        (
            "+47 912 34 567", "+4791234567 mobile",
            #"{"e164":"+4791234567","input":"+47 912 34 567","kind":"mobile","national":"91234567","reason":null,"valid":true}"#
        ),
        (
            "02000", "+4702000 short",
            #"{"e164":"+4702000","input":"02000","kind":"short","national":"02000","reason":null,"valid":true}"#
        ),
        (
            "+46 8 123 456 78", "foreign: not a Norwegian number: +46812345678 does not have the country code +47",
            #"{"e164":null,"input":"+46 8 123 456 78","kind":"foreign","national":null,"reason":"not a Norwegian number: +46812345678 does not have the country code +47","valid":false}"#
        ),
        (
            "42123456", "invalid: unallocated range 42: not allocated in the numbering plan (Nkom 2026)",
            #"{"e164":null,"input":"42123456","kind":"invalid","national":null,"reason":"unallocated range 42: not allocated in the numbering plan (Nkom 2026)","valid":false}"#
        ),
        (
            "", "invalid: empty: no digits",
            #"{"e164":null,"input":"","kind":"invalid","national":null,"reason":"empty: no digits","valid":false}"#
        ),
        (
            "\"9\"", "invalid: contains '\"': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed",
            #"{"e164":null,"input":"\"9\"","kind":"invalid","national":null,"reason":"contains '\"': only digits, spaces, '-', '.', '(', ')' and a leading '+' are allowed","valid":false}"#
        ),
    ]

    @Test("each input gives its text line and its JSON line", arguments: rows)
    func lines(_ row: (input: String, text: String, json: String)) {
        let line = PhoneNormalizationLine(input: row.input)
        #expect(line.text == row.text)
        #expect(line.json == row.json)
    }

    @Test("the JSON line has all six keys, with null where a value is absent")
    func jsonKeys() throws {
        let line = PhoneNormalizationLine(input: "abc")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["input", "e164", "national", "kind", "valid", "reason"])
        #expect(object["e164"] is NSNull)
        #expect(object["national"] is NSNull)
    }
}
