import Foundation

/// A safe renderer for the Markdown subset guidelines are written in. All HTML in the source is escaped
/// (raw HTML never passes), and links keep only http, https and mailto targets.
///
/// Supported: ATX headings (`#`…`######`), paragraphs, `*em*`/`_em_`, `**strong**`/`__strong__`,
/// `` `code` ``, `[text](url)`, `-`/`*`/`+` and `1.`/`1)` lists (one level; indented lines continue an
/// item), `>` blockquotes (nested up to `maximumQuoteDepth`), `---` rules and backslash escapes.
public enum GuidelineMarkdown {
    /// Quotes nested deeper than this are rendered as text, so hostile input cannot exhaust the stack.
    public static let maximumQuoteDepth = 8

    /// HTML for the Markdown text. `headingOffset` shifts heading levels (1 makes `#` an `<h2>`), capped at h6.
    public static func render(_ markdown: String, headingOffset: Int = 0) -> String {
        let normalized = markdown.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return renderBlocks(lines, headingOffset: max(0, headingOffset), depth: 0)
    }

    /// Renders lines as a sequence of blocks, one HTML block per line of output.
    static func renderBlocks(_ lines: [String], headingOffset: Int, depth: Int) -> String {
        var html: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                i += 1
            } else if let (level, text) = heading(line) {
                let n = min(6, level + headingOffset)
                html.append("<h\(n)>\(GuidelineMarkdownInline.render(text))</h\(n)>")
                i += 1
            } else if isRule(trimmed) {
                html.append("<hr>")
                i += 1
            } else if quoteContent(line) != nil, depth < maximumQuoteDepth {
                var inner: [String] = []
                while i < lines.count, let content = quoteContent(lines[i]) {
                    inner.append(content)
                    i += 1
                }
                let body = renderBlocks(inner, headingOffset: headingOffset, depth: depth + 1)
                html.append("<blockquote>\n\(body)\n</blockquote>")
            } else if let first = listItem(line) {
                var items: [String] = [first.text]
                i += 1
                while i < lines.count {
                    let next = lines[i]
                    if next.trimmingCharacters(in: .whitespaces).isEmpty {
                        // A blank line ends the list unless another item of the same kind follows.
                        if i + 1 < lines.count, let after = listItem(lines[i + 1]), after.ordered == first.ordered {
                            i += 1
                            continue
                        }
                        break
                    }
                    if let item = listItem(next) {
                        guard item.ordered == first.ordered else { break }
                        items.append(item.text)
                    } else if startsBlock(next) {
                        break
                    } else {
                        items[items.count - 1] += "\n" + next.trimmingCharacters(in: .whitespaces)
                    }
                    i += 1
                }
                let tag = first.ordered ? "ol" : "ul"
                let start = first.ordered && first.number != 1 ? " start=\"\(first.number)\"" : ""
                let body = items.map { "<li>\(GuidelineMarkdownInline.render($0))</li>" }.joined(separator: "\n")
                html.append("<\(tag)\(start)>\n\(body)\n</\(tag)>")
            } else {
                var paragraph: [String] = [trimmed]
                i += 1
                while i < lines.count, !lines[i].trimmingCharacters(in: .whitespaces).isEmpty, !startsBlock(lines[i]) {
                    paragraph.append(lines[i].trimmingCharacters(in: .whitespaces))
                    i += 1
                }
                html.append("<p>\(GuidelineMarkdownInline.render(paragraph.joined(separator: "\n")))</p>")
            }
        }
        return html.joined(separator: "\n")
    }

    /// Whether a line begins a block other than a paragraph (and so ends a running paragraph or item).
    static func startsBlock(_ line: String) -> Bool {
        heading(line) != nil || quoteContent(line) != nil || listItem(line) != nil
            || isRule(line.trimmingCharacters(in: .whitespaces))
    }

    /// `## Title ##` → (2, "Title"); up to three spaces of indent, as in CommonMark.
    static func heading(_ line: String) -> (Int, String)? {
        let body = dropIndent(line)
        let hashes = body.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = body.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        // A closing run of #s is decoration, when separated from the text by a space.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = String(text.dropLast(closing)).trimmingCharacters(in: .whitespaces)
        }
        return (hashes, text)
    }

    /// `---`, `***` or `___` alone on a line.
    static func isRule(_ trimmed: String) -> Bool {
        let compact = trimmed.filter { $0 != " " }
        guard compact.count >= 3, let c = compact.first, "-*_".contains(c) else { return false }
        return compact.allSatisfy { $0 == c }
    }

    /// The text after `>` (and one optional space), or nil when the line is not quoted.
    static func quoteContent(_ line: String) -> String? {
        let body = dropIndent(line)
        guard body.first == ">" else { return nil }
        let rest = body.dropFirst()
        return String(rest.first == " " ? rest.dropFirst() : rest)
    }

    /// A list item marker and its text: `- x`, `* x`, `+ x`, `3. x`, `3) x`.
    static func listItem(_ line: String) -> (ordered: Bool, number: Int, text: String)? {
        let body = dropIndent(line)
        if let c = body.first, "-*+".contains(c) {
            let rest = body.dropFirst()
            guard rest.first == " " || rest.first == "\t" else { return nil }
            return (false, 0, rest.trimmingCharacters(in: .whitespaces))
        }
        let digits = body.prefix { ("0"..."9").contains($0) }
        guard (1...9).contains(digits.count), let number = Int(digits) else { return nil }
        let rest = body.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")" else { return nil }
        let after = rest.dropFirst()
        guard after.first == " " || after.first == "\t" else { return nil }
        return (true, number, after.trimmingCharacters(in: .whitespaces))
    }

    /// The line without up to three leading spaces.
    static func dropIndent(_ line: String) -> Substring {
        let spaces = min(3, line.prefix { $0 == " " }.count)
        return line.dropFirst(spaces)
    }
}
