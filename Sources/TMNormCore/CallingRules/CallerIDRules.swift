/// The number a call centre shows to the consumer, as the caller-ID check needs it.
public enum CallerID: Sendable, Hashable {
    /// No number shown (hidden / anonymous).
    case hidden
    /// A number as typed ("+47 22 12 34 56", "02000", "815 12 345"), and whether it can be found in
    /// directory services (opplysningstjenester).
    case number(String, listedInDirectory: Bool)
}

/// What kind of number a caller ID is, as the caller-ID rules distinguish them.
public enum CallerIDNumberClass: String, Sendable, Codable, CaseIterable, Hashable {
    /// Ordinary 8-digit mobile number (first digit 4 or 9).
    case mobile
    /// Geographic (landline) number: 2, 3, 5 (50–57), 6, 7.
    case landline
    /// 5-digit number 02000–09999.
    case fiveDigit = "five_digit"
    /// 815 numbers.
    case number815 = "815"
    /// Other 8xx special services (800, 810, 82x, 880).
    case otherSpecial = "other_special"
    /// Machine-to-machine (58 with 12 digits, 59 with 8), short codes (1xx …).
    case otherNorwegian = "other_norwegian"
    /// A number with a country code other than +47.
    case foreign
}

/// A version of the caller-ID rules, in force from `effectiveFrom` (Oslo date).
public struct CallerIDRuleSet: Hashable, Sendable, Codable {
    /// Stable id recorded with every decision, e.g. "nkom-guidance-2025-11-01".
    public let id: String
    public let effectiveFrom: LocalDate
    /// Whether a hidden number is refused.
    public let forbidsHidden: Bool
    /// Whether the number must be findable in directory services.
    public let requiresDirectoryListing: Bool
    /// The number classes allowed as caller ID; nil means every valid number.
    public let allowedClasses: Set<CallerIDNumberClass>?
    /// Where the rule comes from.
    public let source: String

    public init(
        id: String, effectiveFrom: LocalDate, forbidsHidden: Bool, requiresDirectoryListing: Bool,
        allowedClasses: Set<CallerIDNumberClass>?, source: String
    ) {
        self.id = id
        self.effectiveFrom = effectiveFrom
        self.forbidsHidden = forbidsHidden
        self.requiresDirectoryListing = requiresDirectoryListing
        self.allowedClasses = allowedClasses
        self.source = source
    }
}

/// The recorded history of the caller-ID rules for telephone marketing.
public enum CallerIDRules {
    /// The 2009 law set no caller-ID requirement.
    public static let none2009 = CallerIDRuleSet(
        id: "mfl-2009-06-01-no-caller-id-rule", effectiveFrom: LocalDate(uncheckedYear: 2009, month: 6, day: 1),
        forbidsHidden: false, requiresDirectoryListing: false, allowedClasses: nil,
        source: "markedsføringsloven 2009: no caller-ID requirement")

    /// From 2018: no hidden numbers and no numbers missing from directory services.
    public static let hiddenAndUnlisted2018 = CallerIDRuleSet(
        id: "mfl-2018-01-01", effectiveFrom: LocalDate(uncheckedYear: 2018, month: 1, day: 1),
        forbidsHidden: true, requiresDirectoryListing: true, allowedClasses: nil,
        source: "rule in force from 2018-01-01 (docs/domain.md, “Caller ID”; statutory reference not recorded)")

    /// Nkom's guidance of November 2025: call centres may not show ordinary 8-digit mobile numbers. Nkom presents
    /// it as existing law (nummerforskriften § 3 g), but it was first stated then, so calls before it are not
    /// judged breaches (a mobile caller ID in January–October 2025 gets a warning, `mobileWarningFrom`). The
    /// exact day is policy: the first day of the month of publication (docs/domain.md). The allowed classes
    /// are the ones named as allowed (5-digit, 815, landline); other special, M2M, short and foreign numbers
    /// are refused as policy, since no source allowing them was found (fail closed).
    public static let nkomGuidance2025 = CallerIDRuleSet(
        id: "nkom-guidance-2025-11-01", effectiveFrom: LocalDate(uncheckedYear: 2025, month: 11, day: 1),
        forbidsHidden: true, requiresDirectoryListing: true, allowedClasses: [.fiveDigit, .number815, .landline],
        source: "Nkom guidance published November 2025, presented as nummerforskriften § 3 g (docs/domain.md)")

    /// From this day until the guidance, a mobile caller ID is allowed with a warning: Nkom's position is
    /// that the rule already applied, but it was not stated before November 2025.
    public static let mobileWarningFrom = LocalDate(uncheckedYear: 2025, month: 1, day: 1)

    /// Every recorded version, oldest first.
    public static let history: [CallerIDRuleSet] = [none2009, hiddenAndUnlisted2018, nkomGuidance2025]

    /// The version in force on an Oslo date; before the first, the first is applied and marked not in force.
    public static func ruleSet(on date: LocalDate, history: [CallerIDRuleSet] = history) -> (
        ruleSet: CallerIDRuleSet, inForce: Bool
    ) {
        let sorted = history.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if let current = sorted.last(where: { $0.effectiveFrom <= date }) { return (current, true) }
        return (sorted.first ?? none2009, false)
    }

    /// The class of a typed number, or the reason it is not a valid number.
    /// Uses the Phone feature's parser (`PhoneNumber.parse`) so caller IDs and call lists agree.
    public static func classify(_ raw: String) -> Result<CallerIDNumberClass, CallerIDInvalidNumber> {
        switch PhoneNumber.parse(raw) {
        case .foreign:
            return .success(.foreign)
        case .invalid(_, let reason):
            return .failure(CallerIDInvalidNumber(input: raw, reason: reason))
        case .valid(let number):
            switch number.kind {
            case .mobile: return .success(.mobile)
            case .fixed: return .success(.landline)
            case .special: return .success(number.national.hasPrefix("815") ? .number815 : .otherSpecial)
            case .short:
                let fiveDigit = number.national.count == 5 && number.national.hasPrefix("0")
                return .success(fiveDigit ? .fiveDigit : .otherNorwegian)
            case .m2m: return .success(.otherNorwegian)
            case .foreign: return .success(.foreign)
            case .invalid: return .failure(CallerIDInvalidNumber(input: raw, reason: "not a valid number"))
            }
        }
    }
}

/// A caller ID that is not a valid phone number, with the parser's reason.
public struct CallerIDInvalidNumber: Error, Hashable, Sendable {
    public let input: String
    public let reason: String
}
