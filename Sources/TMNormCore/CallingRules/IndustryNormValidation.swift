/// Why an industry norm is refused: malformed, or a version that would loosen the law.
public enum IndustryNormError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyName
    case noVersions
    case emptyVersionID
    case duplicateVersionID(String)
    case duplicateEffectiveDate(LocalDate)
    /// The version opens a weekday the law keeps closed all day (Saturday, Sunday).
    case opensWhereLawCloses(version: String, weekday: Weekday, lawRuleSet: String)
    /// The version opens earlier than the law allows on that weekday.
    case opensBeforeLaw(version: String, weekday: Weekday, norm: LocalTime, law: LocalTime)
    /// The version closes later than the law allows on that weekday.
    case closesAfterLaw(version: String, weekday: Weekday, norm: LocalTime, law: LocalTime)

    public var description: String {
        switch self {
        case .emptyName: "the norm has no name"
        case .noVersions: "the norm has no versions"
        case .emptyVersionID: "a version has no id"
        case .duplicateVersionID(let id): "two versions have the id '\(id)'"
        case .duplicateEffectiveDate(let d): "two versions take effect on \(d.iso8601)"
        case .opensWhereLawCloses(let v, let w, let law):
            "version '\(v)' opens on \(w.englishName)s, when the law (\(law)) allows no calls: a norm may only be stricter than the law"
        case .opensBeforeLaw(let v, let w, let norm, let law):
            "version '\(v)' opens at \(norm.formatted) on \(w.englishName)s, before the law's \(law.formatted): a norm may only be stricter than the law"
        case .closesAfterLaw(let v, let w, let norm, let law):
            "version '\(v)' closes at \(norm.formatted) on \(w.englishName)s, after the law's \(law.formatted): a norm may only be stricter than the law"
        }
    }

    /// The reason in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .emptyName: "normen mangler navn"
        case .noVersions: "normen har ingen versjoner"
        case .emptyVersionID: "en versjon mangler id"
        case .duplicateVersionID(let id): "to versjoner har id «\(id)»"
        case .duplicateEffectiveDate(let d): "to versjoner gjelder fra \(d.norwegianFormatted)"
        case .opensWhereLawCloses(let v, let w, let law):
            "versjon «\(v)» åpner på \(w.norwegianName)er, når loven (\(law)) ikke tillater telefonsalg: en norm kan bare være strengere enn loven"
        case .opensBeforeLaw(let v, let w, let norm, let law):
            "versjon «\(v)» åpner kl. \(norm.formatted) på \(w.norwegianName)er, før lovens kl. \(law.formatted): en norm kan bare være strengere enn loven"
        case .closesAfterLaw(let v, let w, let norm, let law):
            "versjon «\(v)» stenger kl. \(norm.formatted) på \(w.norwegianName)er, etter lovens kl. \(law.formatted): en norm kan bare være strengere enn loven"
        }
    }
}

/// Checks that a norm is well formed and that no version loosens the statutory rule in force with it.
enum IndustryNormValidator {
    /// `versions` sorted oldest first.
    static func validate(
        name: String, versions: [IndustryNormVersion], statutory: [CallingTimeRuleSet]
    ) throws(IndustryNormError) {
        guard !name.allSatisfy(\.isWhitespace) else { throw .emptyName }
        guard !versions.isEmpty else { throw .noVersions }
        var ids = Set<String>()
        var dates = Set<LocalDate>()
        for version in versions {
            guard !version.id.isEmpty else { throw .emptyVersionID }
            guard ids.insert(version.id).inserted else { throw .duplicateVersionID(version.id) }
            guard dates.insert(version.effectiveFrom).inserted else {
                throw .duplicateEffectiveDate(version.effectiveFrom)
            }
        }
        for (index, version) in versions.enumerated() {
            let until = index + 1 < versions.count ? versions[index + 1].effectiveFrom : nil
            for law in statutoryRuleSets(from: version.effectiveFrom, until: until, statutory: statutory) {
                try check(version, against: law)
            }
        }
    }

    /// The statutory versions in force at some time in [from, until); the first also covers the time
    /// before it (it is the rule applied there).
    static func statutoryRuleSets(
        from: LocalDate, until: LocalDate?, statutory: [CallingTimeRuleSet]
    ) -> [CallingTimeRuleSet] {
        let sorted = statutory.sorted { $0.effectiveFrom < $1.effectiveFrom }
        return sorted.enumerated().filter { index, law in
            let lawEnd = index + 1 < sorted.count ? sorted[index + 1].effectiveFrom : nil
            let startsBeforeNormEnds = index == 0 || until.map { law.effectiveFrom < $0 } ?? true
            let endsAfterNormStarts = lawEnd.map { from < $0 } ?? true
            return startsBeforeNormEnds && endsAfterNormStarts
        }.map(\.element)
    }

    static func check(_ version: IndustryNormVersion, against law: CallingTimeRuleSet) throws(IndustryNormError) {
        for weekday in Weekday.allCases {
            guard let normHours = version.hours[weekday] else { continue }
            guard let lawHours = law.hours[weekday] else {
                throw .opensWhereLawCloses(version: version.id, weekday: weekday, lawRuleSet: law.id)
            }
            if normHours.opens < lawHours.opens {
                throw .opensBeforeLaw(version: version.id, weekday: weekday, norm: normHours.opens, law: lawHours.opens)
            }
            if normHours.closes > lawHours.closes {
                throw .closesAfterLaw(version: version.id, weekday: weekday, norm: normHours.closes, law: lawHours.closes)
            }
        }
    }
}
