import Foundation
import Testing
@testable import TMNormCore

@Suite("Safe Markdown rendering of guidelines")
struct GuidelineMarkdownTests {
    @Test(
        "each supported construct renders to the expected HTML",
        arguments: [
            ("# Tittel", "<h1>Tittel</h1>"),
            ("## 2.4 Statistikk ##", "<h2>2.4 Statistikk</h2>"),
            ("###### Seks", "<h6>Seks</h6>"),
            ("#Ingen mellomrom", "<p>#Ingen mellomrom</p>"),
            ("a *b* c", "<p>a <em>b</em> c</p>"),
            ("a _b_ c", "<p>a <em>b</em> c</p>"),
            ("**sterk** og __sterk__", "<p><strong>sterk</strong> og <strong>sterk</strong></p>"),
            ("***begge***", "<p><strong><em>begge</em></strong></p>"),
            ("*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>"),
            ("snake_case_name", "<p>snake_case_name</p>"),
            ("* ikke liste*", "<ul>\n<li>ikke liste*</li>\n</ul>"),
            ("2 * 3 * 4", "<p>2 * 3 * 4</p>"),
            ("*uavsluttet", "<p>*uavsluttet</p>"),
            ("`kode`", "<p><code>kode</code></p>"),
            ("`` a ` b ``", "<p><code>a ` b</code></p>"),
            ("*a `*` b*", "<p><em>a <code>*</code> b</em></p>"),
            (#"\*ikke\* \_em\_"#, "<p>*ikke* _em_</p>"),
            ("[ANFO](https://www.anfo.no)", #"<p><a href="https://www.anfo.no" rel="nofollow noopener">ANFO</a></p>"#),
            ("[skriv](mailto:post@example.no)", #"<p><a href="mailto:post@example.no" rel="nofollow noopener">skriv</a></p>"#),
            ("[**fet** lenke](http://a.no/x_(y))", #"<p><a href="http://a.no/x_(y)" rel="nofollow noopener"><strong>fet</strong> lenke</a></p>"#),
            (
                "[a](https://x.no) og [b](https://y.no)",
                #"<p><a href="https://x.no" rel="nofollow noopener">a</a> og <a href="https://y.no" rel="nofollow noopener">b</a></p>"#
            ),
            ("[uten mål]", "<p>[uten mål]</p>"),
            ("- a\n- b", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
            ("+ a\n  fortsatt\n+ b", "<ul>\n<li>a\nfortsatt</li>\n<li>b</li>\n</ul>"),
            ("1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>"),
            ("3) a\n\n4) b", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>"),
            ("1. a\n- b", "<ol>\n<li>a</li>\n</ol>\n<ul>\n<li>b</li>\n</ul>"),
            ("> sitat\n> videre", "<blockquote>\n<p>sitat\nvidere</p>\n</blockquote>"),
            ("> # Overskrift\n>\n> - punkt", "<blockquote>\n<h1>Overskrift</h1>\n<ul>\n<li>punkt</li>\n</ul>\n</blockquote>"),
            ("a\nb\n\nc", "<p>a\nb</p>\n<p>c</p>"),
            ("avsnitt\n# Overskrift", "<p>avsnitt</p>\n<h1>Overskrift</h1>"),
            ("---", "<hr>"),
            ("\r\nlinje\r\n\r\nneste\r", "<p>linje</p>\n<p>neste</p>"),
            ("", ""),
        ])
    func renders(markdown: String, html: String) {
        #expect(GuidelineMarkdown.render(markdown) == html)
    }

    @Test(
        "HTML in the source is escaped, never passed through",
        arguments: [
            ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
            (#"A & B "sitat" 'enkelt'"#, "<p>A &amp; B &quot;sitat&quot; &#39;enkelt&#39;</p>"),
            ("# <b>fet</b>", "<h1>&lt;b&gt;fet&lt;/b&gt;</h1>"),
            ("- <i>x</i>", "<ul>\n<li>&lt;i&gt;x&lt;/i&gt;</li>\n</ul>"),
            ("`<b>`", "<p><code>&lt;b&gt;</code></p>"),
            ("[<b>x</b>](https://a.no)", #"<p><a href="https://a.no" rel="nofollow noopener">&lt;b&gt;x&lt;/b&gt;</a></p>"#),
            (#"[x](https://a.no/?q="><script>)"#, #"<p><a href="https://a.no/?q=&quot;&gt;&lt;script&gt;" rel="nofollow noopener">x</a></p>"#),
            ("&lt;allerede escapet&gt;", "<p>&amp;lt;allerede escapet&amp;gt;</p>"),
            ("null\u{0}tegn", "<p>null\u{FFFD}tegn</p>"),
        ])
    func escapes(markdown: String, html: String) {
        #expect(GuidelineMarkdown.render(markdown) == html)
    }

    @Test(
        "links to anything but http, https and mailto keep their words and lose the link",
        arguments: [
            "[klikk](javascript:alert(1))", "[klikk](JaVaScRiPt:alert(1))", "[klikk](data:text/html;base64,PHM+)",
            "[klikk](vbscript:msgbox)", "[klikk](//evil.example)", "[klikk](/relative)", "[klikk](https://)",
            "[klikk](java\tscript:alert(1))", "[klikk](https://a.no/\u{7}x)", "[klikk](ftp://a.no)",
        ])
    func unsafeLinks(markdown: String) {
        #expect(GuidelineMarkdown.render(markdown) == "<p>klikk</p>")
    }

    @Test("heading levels can be shifted below the page's own heading, capped at h6")
    func headingOffset() {
        #expect(GuidelineMarkdown.render("# A\n### B\n###### C", headingOffset: 1) == "<h2>A</h2>\n<h4>B</h4>\n<h6>C</h6>")
        #expect(GuidelineMarkdown.render("# A", headingOffset: -3) == "<h1>A</h1>")
    }

    @Test("hostile input renders quickly and produces only the renderer's own tags")
    func hostileInput() {
        let inputs = [
            String(repeating: "*a ", count: 20_000),
            String(repeating: "[", count: 20_000) + "x",
            String(repeating: ">", count: 5_000) + " dypt",
            String(repeating: "`", count: 10_000),
            String(repeating: "_a_b", count: 10_000),
            String(repeating: "[a](", count: 5_000),
        ]
        let clock = ContinuousClock()
        for input in inputs {
            var html = ""
            // A guard against super-linear blow-ups (a quadratic pass over 20 000 items takes minutes in a debug
            // build), not a benchmark: generous, as the whole suite shares two cores with PostgreSQL.
            let elapsed = clock.measure { html = GuidelineMarkdown.render(input) }
            #expect(elapsed < .seconds(20), "took \(elapsed) for \(input.prefix(10))…")
            #expect(Self.onlyAllowedTags(html))
        }
    }

    /// Every "<" in the output opens or closes one of the renderer's own tags.
    static func onlyAllowedTags(_ html: String) -> Bool {
        let allowed = [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "a", "ul", "ol", "li", "blockquote", "hr",
        ]
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            let name = after.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            guard allowed.contains(String(name)) else { return false }
            if name == "a", !after.hasPrefix("/") {
                guard after.hasPrefix(#"a href="http"#) || after.hasPrefix(#"a href="mailto:"#) else { return false }
            }
            rest = after
        }
        return true
    }
}
