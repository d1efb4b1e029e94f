/// An industry norm (bransjenorm): a named, versioned layer of calling-time rules stricter than the law.
///
/// The norm can only refuse what the law allows: the decision is "law AND norm", so even an unvalidated
/// norm could never open a moment the law closes. Validation still rejects versions written as if
/// they could (opening earlier, closing later, opening a weekend day), so editors see the mistake.
public struct IndustryNorm: Hashable, Sendable, Codable {
    /// The name used to pick the norm, e.g. "eksempelnorm".
    public let name: String
    /// The versions, oldest first.
    public let versions: [IndustryNormVersion]

    /// A checked norm: non-empty name, distinct version ids and dates, every version no looser than the
    /// statutory rule in force while it applies (`statutory`, default the recorded history).
    public init(
        name: String, versions: [IndustryNormVersion],
        statutory: [CallingTimeRuleSet] = StatutoryCallingRules.history
    ) throws(IndustryNormError) {
        let sorted = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
        try IndustryNormValidator.validate(name: name, versions: sorted, statutory: statutory)
        self.name = name
        self.versions = sorted
    }

    /// The version in force on an Oslo date, or nil before the first version takes effect.
    public func version(on date: LocalDate) -> IndustryNormVersion? {
        versions.last { $0.effectiveFrom <= date }
    }

    private enum CodingKeys: String, CodingKey { case name, versions }

    /// Decoding validates like `init(name:versions:)`, so a stored norm that loosens the law is refused.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        let versions = try c.decode([IndustryNormVersion].self, forKey: .versions)
        do { try self.init(name: name, versions: versions) } catch {
            throw DecodingError.dataCorruptedError(forKey: .versions, in: c, debugDescription: error.description)
        }
    }
}

/// One version of an industry norm, in force from `effectiveFrom` (Oslo date) until the next version.
public struct IndustryNormVersion: Hashable, Sendable, Codable {
    /// Stable id recorded with every decision, e.g. "eksempelnorm-strengere-2009-08-19".
    public let id: String
    public let effectiveFrom: LocalDate
    /// Allowed hours per weekday; a weekday without hours is closed by the norm.
    public let hours: [Weekday: CallingHours]
    /// Non-holiday days the norm closes (Christmas Eve, New Year's Eve, Easter Saturday).
    public let closedSpecialDays: Set<NorwegianSpecialDay>
    /// Further single dates the norm closes.
    public let closedDates: Set<LocalDate>

    public init(
        id: String, effectiveFrom: LocalDate, hours: [Weekday: CallingHours],
        closedSpecialDays: Set<NorwegianSpecialDay> = [], closedDates: Set<LocalDate> = []
    ) {
        self.id = id
        self.effectiveFrom = effectiveFrom
        self.hours = hours
        self.closedSpecialDays = closedSpecialDays
        self.closedDates = closedDates
    }

    private enum CodingKeys: String, CodingKey {
        case id, effectiveFrom = "effective_from", hours, closedSpecialDays = "closed_special_days"
        case closedDates = "closed_dates"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        effectiveFrom = try c.decode(LocalDate.self, forKey: .effectiveFrom)
        hours = try c.decode([Weekday: CallingHours].self, forKey: .hours)
        closedSpecialDays = try c.decodeIfPresent(Set<NorwegianSpecialDay>.self, forKey: .closedSpecialDays) ?? []
        closedDates = try c.decodeIfPresent(Set<LocalDate>.self, forKey: .closedDates) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(effectiveFrom, forKey: .effectiveFrom)
        try c.encode(hours, forKey: .hours)
        // Sorted so that the stored JSON is stable (sets have no order).
        try c.encode(NorwegianSpecialDay.allCases.filter(closedSpecialDays.contains), forKey: .closedSpecialDays)
        try c.encode(closedDates.sorted(), forKey: .closedDates)
    }
}

extension IndustryNorm {
    /// An example of a norm stricter than the law, not a quote of any real one: statutory hours, and closed
    /// on Christmas Eve, New Year's Eve and Easter Saturday (days the law leaves open). Named so that it cannot
    /// be mistaken for the real Bransjenorm for callcentre of 2009; real norms are the associations' own,
    /// stored by the server and passed in.
    public static let exampleStricterNorm = IndustryNorm(
        uncheckedName: "eksempelnorm",
        versions: [
            IndustryNormVersion(
                id: "eksempelnorm-strengere-2009-08-19",
                effectiveFrom: LocalDate(uncheckedYear: 2009, month: 8, day: 19),
                hours: Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, CallingHours.wholeHours(9, 21)) }),
                closedSpecialDays: [.christmasEve, .newYearsEve, .easterSaturday])
        ])

    /// The norms the command line knows by name.
    public static let builtIn: [IndustryNorm] = [exampleStricterNorm]

    /// A built-in norm by name (case-insensitive).
    public static func builtIn(named name: String) throws(CallingRulesError) -> IndustryNorm {
        guard let norm = builtIn.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .unknownNorm(name, known: builtIn.map(\.name))
        }
        return norm
    }

    /// For built-in literals that the tests validate.
    init(uncheckedName name: String, versions: [IndustryNormVersion]) {
        self.name = name
        self.versions = versions
    }
}
