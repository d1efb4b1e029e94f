import Testing
@testable import TMNormServer

@Suite("HTML escaping")
struct HTMLEscapeTests {
    @Test(
        "the five characters are escaped wherever they stand; everything else, multibyte too, is copied as is",
        arguments: [
            ("", ""),
            ("plain text", "plain text"),
            ("<", "&lt;"),
            ("a<b>c&d\"e'f", "a&lt;b&gt;c&amp;d&quot;e&#39;f"),
            ("æ<ø>å", "æ&lt;ø&gt;å"),
            ("Blåbærsyltetøy & 🇳🇴 \"søt\"", "Blåbærsyltetøy &amp; 🇳🇴 &quot;søt&quot;"),
            ("e\u{301}<", "e\u{301}&lt;"),
            ("&&", "&amp;&amp;"),
            ("1 234,50 kr", "1 234,50 kr"),
        ])
    func escapes(input: String, expected: String) {
        #expect(Node.escape(input) == expected)
        var out = "prefix "
        Node.escape(input, into: &out)
        #expect(out == "prefix " + expected)
    }

    @Test("text and attribute values render escaped")
    func rendering() {
        let node = Node.element("a", [Attribute("title", "x\"><script>")], [.text("<b>ø</b>")])
        #expect(node.render() == "<a title=\"x&quot;&gt;&lt;script&gt;\">&lt;b&gt;ø&lt;/b&gt;</a>")
    }
}
