import Vapor

/// What a list page was asked for: search words, filter values, the page, and whether CSV was wanted.
/// One helper for every list people work through (docs/ui.md, "Lists"); pages filter the rows they may see
/// with `matches`, cut a page with `page`, and answer `?format=csv` with `CSVExport`.
struct ListQuery: Sendable {
    /// The search text as typed (trimmed, at most 200 characters).
    let search: String
    /// Filter name → chosen value; an empty value means "all".
    let filters: [String: String]
    /// 1-based page number.
    let page: Int
    let pageSize: Int
    let wantsCSV: Bool

    static let defaultPageSize = 50

    init(search: String = "", filters: [String: String] = [:], page: Int = 1, pageSize: Int = defaultPageSize, wantsCSV: Bool = false) {
        self.search = search
        self.filters = filters
        self.page = max(1, page)
        self.pageSize = max(1, pageSize)
        self.wantsCSV = wantsCSV
    }

    /// Reads `q`, the named filters, `page` and `format=csv`; anything malformed is ignored, not an error.
    init(_ req: Request, filters names: [String], pageSize: Int = defaultPageSize) {
        let search = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        var filters: [String: String] = [:]
        for name in names {
            let value = String((req.query[String.self, at: name] ?? "").prefix(100))
            if !value.isEmpty { filters[name] = value }
        }
        let rawPage = req.query[String.self, at: "page"] ?? "1"
        let page = rawPage.utf8.count <= 6 && rawPage.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(rawPage) ?? 1 : 1
        self.init(search: search, filters: filters, page: page, pageSize: pageSize, wantsCSV: req.query[String.self, at: "format"] == "csv")
    }

    /// The value chosen for a filter, nil for "all".
    func filter(_ name: String) -> String? { filters[name] }

    /// Whether every word of the search appears in one of `fields` (case- and accent-sensitive as typed,
    /// letter case ignored). No search matches everything.
    func matches(_ fields: [String]) -> Bool {
        let words = search.lowercased().split(separator: " ")
        guard !words.isEmpty else { return true }
        let haystack = fields.joined(separator: " ").lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }

    /// One page of `rows` (the last page if `page` is past the end).
    func page<T>(_ rows: [T]) -> ListPage<T> {
        let pageCount = max(1, (rows.count + pageSize - 1) / pageSize)
        let current = min(page, pageCount)
        let start = (current - 1) * pageSize
        return ListPage(
            rows: Array(rows[min(start, rows.count)..<min(start + pageSize, rows.count)]), total: rows.count, page: current, pageCount: pageCount)
    }

    /// The query string for this list with some values replaced (`page`, `format`), for links.
    func queryString(page: Int? = nil, csv: Bool = false) -> String {
        var items: [(String, String)] = []
        if !search.isEmpty { items.append(("q", search)) }
        for (name, value) in filters.sorted(by: { $0.key < $1.key }) { items.append((name, value)) }
        if let page, page > 1 { items.append(("page", String(page))) }
        if csv { items.append(("format", "csv")) }
        guard !items.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "?" + items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }
}

/// One page of a list.
struct ListPage<T> {
    let rows: [T]
    let total: Int
    let page: Int
    let pageCount: Int
}

/// A CSV download of what a list shows (all pages, same filters), safe to open in a spreadsheet.
enum CSVExport {
    /// `;`-separated with a UTF-8 byte-order mark, as Norwegian Excel expects; cells quoted when needed and
    /// formulas neutralised with a leading `'` (OWASP CSV injection).
    static func text(headings: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        for row in [headings] + rows {
            out += row.map(cell).joined(separator: ";") + "\r\n"
        }
        return out
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "," }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The download response; `name` is the file name without extension (ASCII).
    static func response(name: String, headings: [String], rows: [[String]]) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text(headings: headings, rows: rows)))
    }
}
