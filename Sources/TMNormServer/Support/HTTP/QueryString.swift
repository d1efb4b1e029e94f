import Foundation
import Vapor

/// The query string of a request as plain name → value pairs, parsed once. Hot routes use it instead of
/// `req.query[String.self, at:]`, which runs the whole URL-encoded-form decoder for every single value.
/// Same rules as form decoding: `+` is a space, percent escapes are decoded, the first occurrence of a
/// name wins, and a value that is not valid percent-encoding is kept as written.
struct QueryString: Sendable {
    private let values: [Substring: String]

    init(_ query: String?) {
        var values: [Substring: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first, !name.isEmpty, values[name] == nil else { continue }
            let raw = parts.count > 1 ? parts[1] : ""
            values[name] = Self.decode(raw)
        }
        self.values = values
    }

    subscript(_ name: String) -> String? { values[Substring(name)] }

    static func decode(_ raw: Substring) -> String {
        guard raw.contains(where: { $0 == "+" || $0 == "%" }) else { return String(raw) }
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// The query string, parsed by `QueryString`.
    var queryString: QueryString { QueryString(url.query) }
}
