import Foundation

/// Which import format a register snapshot was built from.
public enum RegisterSourceFormat: String, Sendable, Codable, Equatable {
    /// `reservation_id;first_name;…;voluntary_orgs` (docs/register-format.md).
    case csv
    /// One phone number per line.
    case plain
}

/// What a register snapshot is: where it came from and what it holds.
public struct RegisterSnapshotMetadata: Sendable, Codable, Equatable {
    /// Identifier of the snapshot, e.g. "reg-2026-11-20-3f2a9c1b7d4e".
    public var id: String
    /// File name of the register delivery it was built from.
    public var sourceFileName: String
    /// Lower-case hex SHA-256 of that file.
    public var sourceSHA256: String
    /// When the call centre obtained the delivery from Brønnøysundregistrene (the month rule uses it).
    public var obtainedAt: Date
    public var sourceFormat: RegisterSourceFormat
    /// Distinct reserved 8-digit numbers.
    public var numberCount: Int
    /// Distinct reserved persons (name + address keys).
    public var personCount: Int
    /// Distinct numbers whose reservation also covers voluntary organisations.
    public var voluntaryNumberCount: Int
    /// Distinct persons whose reservation also covers voluntary organisations.
    public var voluntaryPersonCount: Int
    /// Where `obtainedAt` came from; nil in snapshots written before this was recorded.
    public var obtainedAtBasis: RegisterDateBasis?

    public init(
        id: String, sourceFileName: String, sourceSHA256: String, obtainedAt: Date, sourceFormat: RegisterSourceFormat,
        numberCount: Int, personCount: Int, voluntaryNumberCount: Int, voluntaryPersonCount: Int
    ) {
        self.id = id
        self.sourceFileName = sourceFileName
        self.sourceSHA256 = sourceSHA256
        self.obtainedAt = obtainedAt
        self.sourceFormat = sourceFormat
        self.numberCount = numberCount
        self.personCount = personCount
        self.voluntaryNumberCount = voluntaryNumberCount
        self.voluntaryPersonCount = voluntaryPersonCount
    }

    /// The default id: the Oslo date it was obtained plus the first 12 hex digits of the file's SHA-256,
    /// so the same delivery obtained the same day always gets the same id.
    public static func defaultID(sourceSHA256: String, obtainedAt: Date) -> String {
        "reg-\(OsloTime.localDate(of: obtainedAt).iso8601)-\(sourceSHA256.prefix(12))"
    }
}

/// Where a register copy's "obtained" date came from; the wash certificate repeats it, since the month rule
/// rests on that date.
public enum RegisterDateBasis: String, Sendable, Codable, Equatable {
    /// Given by the person importing (`--obtained-at`, the form's date).
    case given
    /// The delivery's own date: neither format carries one inside the file, so the CLI's offline
    /// `register build` and `wash` use the delivered file's modification time.
    case delivery
    /// Not given and not in the file: the moment of the import.
    case imported
}
