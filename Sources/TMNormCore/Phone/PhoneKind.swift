/// Kind of a Norwegian number per the Nkom numbering plan.
public enum PhoneKind: String, Sendable, Codable, CaseIterable {
    /// 8-digit numbers starting with 4 or 9.
    case mobile
    /// 8-digit geographic numbers starting with 2, 3, 5 (50–57), 6 or 7.
    case fixed
    /// Machine-to-machine numbers: series 58 with 12 digits, series 59 with 8 digits (docs/phone-numbers.md).
    case m2m
    /// 8xx special services: 800 free phone, 810 shared cost, 815, 82x premium, 880 personal.
    case special
    /// 5-digit numbers 02000–09999 and short codes starting with 1 (1xx, 1xxx, 116xxx).
    case short
    /// A number with a country code other than +47 (never the kind of a parsed `PhoneNumber`).
    case foreign
    /// Not a number at all, or in an unallocated range (never the kind of a parsed `PhoneNumber`).
    case invalid
}

/// Result of classifying an 8-digit number.
public enum PhoneClassification: Sendable, Equatable, Hashable {
    /// The range is in use for numbers of this kind.
    case allocated(PhoneKind)
    /// The range is not in use; the reason names the range, e.g. "unallocated range 42: …".
    case unallocated(String)
}
