import Foundation

/// One row of the public register: `{"orgnr", "name", "status", "valid_until"}` in JSON.
public struct AuthorizationRegisterEntry: Sendable, Hashable, Codable {
    public let orgnr: OrganisationNumber
    public let name: String
    public let status: AuthorizationPublicStatus
    /// Last valid day; encoded as "YYYY-MM-DD", or null.
    public let validUntil: LocalDate?

    public init(orgnr: OrganisationNumber, name: String, status: AuthorizationPublicStatus, validUntil: LocalDate?) {
        self.orgnr = orgnr
        self.name = name
        self.status = status
        self.validUntil = validUntil
    }

    enum CodingKeys: String, CodingKey {
        case orgnr, name, status
        case validUntil = "valid_until"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(orgnr, forKey: .orgnr)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        // Always present, null when there is no date, so clients see a stable shape.
        try c.encode(validUntil, forKey: .validUntil)
    }
}

/// The public register: which centres are listed, in what order, and search.
public enum AuthorizationPublicRegister {
    /// Statuses listed by default: approved centres, and suspended ones shown as suspended.
    public static let listedStatuses: Set<AuthorizationPublicStatus> = [.approved, .suspended]

    /// The register on a day: rows with a listed status, in Norwegian alphabetical order of name.
    public static func entries(
        _ records: [AuthorizationCentreRecord], on date: LocalDate, listing: Set<AuthorizationPublicStatus> = listedStatuses
    ) -> [AuthorizationRegisterEntry] {
        records.map { $0.registerEntry(on: date) }
            .filter { listing.contains($0.status) }
            .sorted { a, b in
                let (ka, kb) = (sortKey(a.name), sortKey(b.name))
                return ka == kb ? a.orgnr.digits < b.orgnr.digits : ka.lexicographicallyPrecedes(kb)
            }
    }

    /// Rows matching a search: every word of the query must occur in the name (case-insensitive), or the
    /// query's digits (spaces ignored) must occur in the organisation number. An empty query matches all.
    public static func search(_ query: String, in entries: [AuthorizationRegisterEntry]) -> [AuthorizationRegisterEntry] {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return entries }
        let digits = query.filter { !$0.isWhitespace }
        let isNumber = ASCII.isDigits(digits)
        // `firstRange(of:)` (the standard library's, Character by Character), not Foundation's `contains`:
        // on Linux that one reads the query as a C string, so "e\0" matched any name containing "e" and,
        // in a name with non-ASCII letters, trapped (String index out of bounds) — the public register
        // search crashed on `?q=e%00` (found by fuzz/run query).
        return entries.filter { entry in
            if isNumber, entry.orgnr.digits.firstRange(of: digits) != nil { return true }
            let name = entry.name.lowercased()
            return words.allSatisfy { name.firstRange(of: $0) != nil }
        }
    }

    /// A key that sorts Æ, Ø, Å after Z as in Norwegian, independent of the machine's locale.
    static func sortKey(_ name: String) -> [UInt32] {
        name.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "æ", "ä": 0x7A + 1
            case "ø", "ö": 0x7A + 2
            case "å": 0x7A + 3
            default: scalar.value
            }
        }
    }
}
