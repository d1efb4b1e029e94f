import Foundation

/// A malformed row of a list: its line number and what is wrong.
public struct WashMalformedRow: Sendable, Codable, Equatable {
    /// 1-based physical line number (the header is line 1).
    public var line: Int
    public var detail: String
}

/// The register copy a list was washed against.
public struct WashRegisterReference: Sendable, Codable, Equatable {
    public var id: String
    /// SHA-256 of the register delivery the snapshot was built from.
    public var sha256: String
    public var obtainedAt: Date
    /// Where `obtainedAt` came from (given, the delivery's own date, or the import); nil for older copies.
    public var obtainedAtBasis: RegisterDateBasis? = nil
}

/// What a wash did: counts per outcome and everything a wash certificate records.
public struct WashSummary: Sendable, Codable, Equatable {
    /// Data rows read (the header not counted); rows = callable + rejected.
    public var rows: Int
    public var callable: Int
    public var rejected: Int
    /// Rejected rows per reason code (`WashReason.code`); reasons with no rows are absent.
    public var byReason: [String: Int]
    /// Callable rows that the national register alone would have rejected but an exemption allowed.
    public var exempted: Int
    /// The first malformed rows (at most `Washer.maxListedMalformedRows`).
    public var malformedRows: [WashMalformedRow]
    /// Lower-case hex SHA-256 of the list as read.
    public var listSHA256: String
    public var listBytes: Int
    public var encoding: TextEncoding
    /// "';'", "','" or "tab".
    public var delimiter: String
    /// The header name of the phone column and its 1-based position.
    public var phoneColumn: String
    public var phoneColumnPosition: Int
    /// Whether rows were also matched on name and address.
    public var personMatching: Bool
    /// Person columns the header lacks (why person matching is off).
    public var missingPersonColumns: [String]
    /// Only reservations covering voluntary organisations applied.
    public var voluntaryOrganisation: Bool
    public var register: WashRegisterReference
    /// Owner → version of each internal block list applied.
    public var blockListVersions: [String: String]

    /// Rows rejected for `reason`.
    public func count(_ reason: WashReason) -> Int { byReason[reason.code] ?? 0 }
}

/// How far a wash has come (for progress bars).
public struct WashProgress: Sendable, Equatable {
    public var bytesRead: Int
    /// Total bytes when known.
    public var totalBytes: Int?
    public var rows: Int
}
