import Testing

@testable import TMNormServer

@Suite("Query strings parsed once")
struct QueryStringTests {
    @Test("names map to decoded values: + is a space, percent escapes decode, the first occurrence wins")
    func decoding() {
        let query = QueryString("campaign=abc&number=%2B47%20930%2000%20001&at=2026-12-01T10%3A00%3A00%2B01%3A00&number=ignored&name=Ola+Nordmann")
        #expect(query["campaign"] == "abc")
        #expect(query["number"] == "+47 930 00 001")
        #expect(query["at"] == "2026-12-01T10:00:00+01:00")
        #expect(query["name"] == "Ola Nordmann")
        #expect(query["missing"] == nil)
    }

    @Test("empty, valueless and malformed parts neither crash nor invent values")
    func oddInput() {
        #expect(QueryString(nil)["a"] == nil)
        #expect(QueryString("")["a"] == nil)
        #expect(QueryString("a")["a"] == "")
        #expect(QueryString("a=&b=1")["a"] == "")
        #expect(QueryString("&&=x&b=1")["b"] == "1")
        #expect(QueryString("bad=%ZZ%")["bad"] == "%ZZ%", "kept as written")
        #expect(QueryString("x=1=2")["x"] == "1=2")
        #expect(QueryString("æ=ø")["æ"] == "ø")
    }
}
