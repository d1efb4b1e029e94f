import FuzzSupport
import TMNormCore

/// The guideline Markdown renderer and the HTML escaper.
///
/// Input: one byte for the heading offset, then the Markdown. Properties of the HTML:
/// - markup is only the renderer's own tags — h1–h6, p, em, strong, code, ul, ol (start="N"), li,
///   blockquote, hr and a with an http, https or mailto href and rel="nofollow noopener" — so no `<script`,
///   no event attribute, no other scheme; every `&` begins one of the five entities the escaper writes;
///   there is no raw `>` or `"` outside a tag;
/// - elements nest properly and are all closed, inline elements never contain block elements;
/// - no control character other than tab and newline, no U+FFFE/U+FFFF;
/// - escaping then unescaping gives the text back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let offset = Int(data[0] % 8) - 1
    let markdown = text(data + 1, size - 1)
    let html = GuidelineMarkdown.render(markdown, headingOffset: offset)
    checkHTML(html, source: markdown)

    let escaped = GuidelineHTML.escape(markdown)
    require(!escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) }, "escape left markup characters")
    checkText(Array(escaped.utf8), from: 0, to: escaped.utf8.count)
    let cleaned = String(
        String.UnicodeScalarView(
            markdown.unicodeScalars.map { scalar in
                let v = scalar.value
                let forbidden = (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
                return forbidden ? "\u{FFFD}" : scalar
            }))
    require(unescape(escaped) == cleaned, "unescape(escape(x)) != x for \(show(markdown))")
    return 0
}

let blockTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote"]
let inlineTags: Set<String> = ["em", "strong", "code", "a"]

func checkHTML(_ html: String, source: String) {
    let b = Array(html.utf8)
    var stack: [String] = []
    var i = 0
    var textStart = 0
    func startsWith(_ s: String, at k: Int) -> Bool {
        let u = Array(s.utf8)
        return k + u.count <= b.count && Array(b[k..<(k + u.count)]) == u
    }
    while i < b.count {
        guard b[i] == 0x3C else {  // '<'
            i += 1
            continue
        }
        checkText(b, from: textStart, to: i)
        var matched: (name: String, closing: Bool, length: Int)?
        for name in blockTags.union(inlineTags).union(["hr"]) {
            if name != "a", startsWith("<\(name)>", at: i) { matched = (name, false, name.utf8.count + 2) }
            if name != "hr", startsWith("</\(name)>", at: i) { matched = (name, true, name.utf8.count + 3) }
        }
        if matched == nil, startsWith("<ol start=\"", at: i) {
            var k = i + 11
            while k < b.count, b[k] >= 0x30, b[k] <= 0x39 { k += 1 }
            require(k > i + 11 && startsWith("\">", at: k), "bad <ol start> in output for \(show(source))")
            matched = ("ol", false, k + 2 - i)
        }
        if matched == nil, startsWith("<a href=\"", at: i) {
            var k = i + 9
            while k < b.count, b[k] != 0x22, b[k] != 0x3C, b[k] != 0x3E { k += 1 }
            let href = unescape(String(decoding: b[(i + 9)..<k], as: UTF8.self)).lowercased()
            require(
                ["http://", "https://", "mailto:"].contains { href.hasPrefix($0) && href.count > $0.count }, "href \(show(href)) for \(show(source))")
            require(
                !href.unicodeScalars.contains { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }, "href with a space or control: \(show(href))")
            checkText(b, from: i + 9, to: k)
            require(startsWith("\" rel=\"nofollow noopener\">", at: k), "unexpected attributes on <a> for \(show(source))")
            matched = ("a", false, k + 26 - i)
        }
        guard let tag = matched else {
            require(
                false, "markup that is not the renderer's: \(show(String(decoding: b[i..<min(b.count, i + 40)], as: UTF8.self))) for \(show(source))")
            return
        }
        if tag.name != "hr" {
            if tag.closing {
                require(stack.last == tag.name, "</\(tag.name)> closes \(stack.last ?? "nothing") for \(show(source))")
                stack.removeLast()
            } else {
                if blockTags.contains(tag.name) || tag.name == "hr" {
                    require(!stack.contains { inlineTags.contains($0) }, "<\(tag.name)> inside an inline element for \(show(source))")
                }
                if tag.name == "a" { require(!stack.contains("a"), "a link inside a link for \(show(source))") }
                stack.append(tag.name)
            }
        }
        i += tag.length
        textStart = i
    }
    checkText(b, from: textStart, to: b.count)
    require(stack.isEmpty, "unclosed \(stack) for \(show(source))")
}

/// Text between tags: no raw > or ", every & an entity of the escaper, no forbidden characters.
func checkText(_ b: [UInt8], from start: Int, to end: Int) {
    var k = start
    while k < end {
        let c = b[k]
        require(c != 0x3E && c != 0x22 && c != 0x3C, "raw markup character \(c) in text")
        require(c >= 0x20 || c == 0x09 || c == 0x0A, "control character \(c) in output")
        if c == 0x26 {
            // Compared as bytes: String.hasPrefix compares Characters, and "&gt;" followed by a combining
            // mark does not start with the Character ";".
            let rest = b[k..<min(end, k + 6)]
            require(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains { rest.starts(with: $0.utf8) },
                "bare & in output: \(show(String(decoding: rest, as: UTF8.self)))")
        }
        k += 1
    }
    let s = String(decoding: b[start..<end], as: UTF8.self)
    require(
        !s.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) || $0.value == 0xFFFE || $0.value == 0xFFFF }, "forbidden character in output")
}

/// The five entities back to their characters, on bytes (Foundation's replacingOccurrences compares
/// Characters, so "&gt;" followed by a combining mark would stay).
func unescape(_ s: String) -> String {
    let entities: [([UInt8], UInt8)] = [
        (Array("&amp;".utf8), 0x26), (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E),
        (Array("&quot;".utf8), 0x22), (Array("&#39;".utf8), 0x27),
    ]
    let b = Array(s.utf8)
    var out: [UInt8] = []
    var i = 0
    outer: while i < b.count {
        if b[i] == 0x26 {
            for (entity, byte) in entities where b[i...].starts(with: entity) {
                out.append(byte)
                i += entity.count
                continue outer
            }
        }
        out.append(b[i])
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}
