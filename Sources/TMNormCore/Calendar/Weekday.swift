/// A day of the week; raw values are the lower-case English names used in JSON.
public enum Weekday: String, Sendable, Codable, CaseIterable, Hashable, Comparable, CodingKeyRepresentable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// ISO 8601 number: Monday 1 … Sunday 7.
    public var isoNumber: Int {
        switch self {
        case .monday: 1
        case .tuesday: 2
        case .wednesday: 3
        case .thursday: 4
        case .friday: 5
        case .saturday: 6
        case .sunday: 7
        }
    }

    /// The weekday with ISO number 1–7, or nil.
    public init?(isoNumber: Int) {
        guard (1...7).contains(isoNumber) else { return nil }
        self = Self.allCases[isoNumber - 1]
    }

    /// Monday to Friday.
    public static let workdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// The Norwegian name, lower case as written mid-sentence ("mandag").
    public var norwegianName: String {
        switch self {
        case .monday: "mandag"
        case .tuesday: "tirsdag"
        case .wednesday: "onsdag"
        case .thursday: "torsdag"
        case .friday: "fredag"
        case .saturday: "lørdag"
        case .sunday: "søndag"
        }
    }

    /// The English name, capitalised ("Monday").
    public var englishName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
