/// Why a register snapshot file could not be used.
public enum RegisterSnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a snapshot (wrong signature, too short).
    case notASnapshot(String)
    /// Written by a newer or older format version.
    case unsupportedVersion(Int)
    /// The structure is inconsistent (damaged or truncated file).
    case corrupt(String)
    /// Reading or writing the file failed.
    case io(path: String, detail: String)

    public var description: String {
        switch self {
        case .notASnapshot(let detail): "not a register snapshot: \(detail)"
        case .unsupportedVersion(let v): "register snapshot format version \(v) is not supported (this program reads version 1)"
        case .corrupt(let detail): "the register snapshot is damaged: \(detail); build it again from the register file"
        case .io(let path, let detail): "\(path): \(detail)"
        }
    }

    /// The message in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .notASnapshot(let detail): "ikke et registeruttrekk (snapshot): \(detail)"
        case .unsupportedVersion(let v): "formatversjon \(v) av registeruttrekket støttes ikke (dette programmet leser versjon 1)"
        case .corrupt(let detail): "registeruttrekket er skadet: \(detail); bygg det på nytt fra registerfila"
        case .io(let path, let detail): "\(path): \(detail)"
        }
    }
}
