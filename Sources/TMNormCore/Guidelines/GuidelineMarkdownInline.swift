import Foundation

/// Inline Markdown (emphasis, strong, code, links, backslash escapes) → escaped HTML.
struct GuidelineMarkdownInline {
    let chars: [Character]

    /// Link targets longer than this are treated as text.
    static let maximumTargetLength = 2048

    /// The HTML for one paragraph, heading or list item's text.
    static func render(_ text: String) -> String {
        let renderer = GuidelineMarkdownInline(chars: Array(text))
        return renderer.render(0..<renderer.chars.count, linksAllowed: true)
    }

    /// A link target if its scheme is http, https or mailto and it holds no spaces or control characters.
    static func safeHref(_ raw: String) -> String? {
        let url = raw.trimmingCharacters(in: .whitespaces)
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return nil }
        let lower = url.lowercased()
        for scheme in ["http://", "https://", "mailto:"] where lower.hasPrefix(scheme) && url.count > scheme.count {
            return url
        }
        return nil
    }

    func render(_ range: Range<Int>, linksAllowed: Bool) -> String {
        var out = ""
        var text = ""  // pending literal text, escaped when flushed
        // Where a search for a closer of a kind already failed: later openers of that kind fail too,
        // which keeps hostile input such as "*a *a *a …" linear instead of quadratic.
        var failedSearch: [String: Int] = [:]
        func flush() {
            out += GuidelineHTML.escape(text)
            text = ""
        }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = chars[i]
            if c == "\\", i + 1 < end, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                text.append(chars[i + 1])
                i += 2
            } else if c == "`" {
                let run = runLength(at: i, end: end)
                if let close = codeSpanEnd(from: i, run: run, end: end) {
                    flush()
                    var code = String(chars[(i + run)..<close])
                    if code.count >= 2, code.first == " ", code.last == " " { code = String(code.dropFirst().dropLast()) }
                    out += "<code>\(GuidelineHTML.escape(code.replacingOccurrences(of: "\n", with: " ")))</code>"
                    i = close + run
                } else {
                    text += String(repeating: "`", count: run)
                    i += run
                }
            } else if c == "[", linksAllowed, let link = link(at: i, end: end, failed: &failedSearch) {
                flush()
                let inner = render(link.text, linksAllowed: false)
                if let href = link.href {
                    out += "<a href=\"\(GuidelineHTML.escape(href))\" rel=\"nofollow noopener\">\(inner)</a>"
                } else {
                    out += inner  // an unsafe target drops the link and keeps its words
                }
                i = link.next
            } else if c == "*" || c == "_" {
                let run = runLength(at: i, end: end)
                let key = "\(c)\(min(run, 3))"
                if run <= 3, canOpen(at: i, run: run, end: end),
                    failedSearch[key].map({ i < $0 }) ?? true,
                    let close = closer(for: c, run: run, from: i + run, end: end)
                {
                    flush()
                    let inner = render((i + run)..<close, linksAllowed: linksAllowed)
                    switch run {
                    case 1: out += "<em>\(inner)</em>"
                    case 2: out += "<strong>\(inner)</strong>"
                    default: out += "<strong><em>\(inner)</em></strong>"
                    }
                    i = close + run
                } else {
                    if run <= 3, canOpen(at: i, run: run, end: end), failedSearch[key] == nil {
                        failedSearch[key] = i
                    }
                    text += String(repeating: c, count: run)
                    i += run
                }
            } else {
                text.append(c)
                i += 1
            }
        }
        flush()
        return out
    }

    /// How many copies of the character at `i` follow in a row.
    func runLength(at i: Int, end: Int) -> Int {
        var j = i
        while j < end, chars[j] == chars[i] { j += 1 }
        return j - i
    }

    /// The start of the closing backtick run of exactly `run` backticks, if any.
    func codeSpanEnd(from i: Int, run: Int, end: Int) -> Int? {
        var j = i + run
        while j < end {
            if chars[j] == "`" {
                let r = runLength(at: j, end: end)
                if r == run { return j }
                j += r
            } else {
                j += 1
            }
        }
        return nil
    }

    /// An emphasis opener is followed by a non-space; `_` must also not stand inside a word (snake_case).
    func canOpen(at i: Int, run: Int, end: Int) -> Bool {
        guard i + run < end, !chars[i + run].isWhitespace else { return false }
        if chars[i] == "_", i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber { return false }
        return true
    }

    /// The next run of exactly `run` delimiters preceded by a non-space, skipping code spans and escapes.
    func closer(for c: Character, run: Int, from start: Int, end: Int) -> Int? {
        var j = start
        while j < end {
            let x = chars[j]
            if x == "\\" {
                j += 2
            } else if x == "`" {
                let r = runLength(at: j, end: end)
                j = codeSpanEnd(from: j, run: r, end: end).map { $0 + r } ?? j + r
            } else if x == c {
                let r = runLength(at: j, end: end)
                let after = j + r
                let wordInside = c == "_" && after < end && (chars[after].isLetter || chars[after].isNumber)
                if r == run, j > start, !chars[j - 1].isWhitespace, !wordInside { return j }
                j += r
            } else {
                j += 1
            }
        }
        return nil
    }

    /// `[text](target)` starting at `i`: the text range, the safe target (nil if unsafe) and where it ends.
    func link(at i: Int, end: Int, failed: inout [String: Int]) -> (text: Range<Int>, href: String?, next: Int)? {
        if let f = failed["]"], i >= f { return nil }
        var depth = 0
        var j = i
        var closeBracket: Int?
        while j < end {
            switch chars[j] {
            case "\\": j += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { closeBracket = j }
            default: break
            }
            if closeBracket != nil { break }
            j += 1
        }
        guard let cb = closeBracket else {
            failed["]"] = i
            return nil
        }
        guard cb + 1 < end, chars[cb + 1] == "(" else { return nil }
        var parens = 0
        var k = cb + 1
        while k < end {
            if chars[k] == "(" { parens += 1 }
            if chars[k] == ")" {
                parens -= 1
                if parens == 0 { break }
            }
            // Targets end at the line; very long ones are not links (this also bounds the scan).
            if chars[k] == "\n" || k - cb > Self.maximumTargetLength { return nil }
            k += 1
        }
        guard k < end else { return nil }
        let target = String(chars[(cb + 2)..<k])
        return ((i + 1)..<cb, Self.safeHref(target), k + 1)
    }
}
