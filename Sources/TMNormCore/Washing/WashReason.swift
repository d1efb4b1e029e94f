/// Why a list row may not be called; the code is written in the rejected file's `reason` column.
/// Declaration order is the order of the checks (see docs/washing.md).
public enum WashReason: String, Sendable, Codable, CaseIterable, Comparable {
    /// The row has no content (empty line, or only delimiters and spaces).
    case blankRow = "blank_row"
    /// Wrong number of fields, a broken quote, or a line longer than the limit.
    case malformedRow = "malformed_row"
    /// The phone field is empty.
    case missingPhone = "missing_phone"
    /// Not a phone number, or in a range the numbering plan does not allocate.
    case invalidNumber = "invalid_number"
    /// A number with another country code than +47.
    case foreignNumber = "foreign_number"
    /// Not a consumer line: 8xx special services, 5-digit and short numbers, machine-to-machine numbers.
    case specialNumber = "special_number"
    /// The same number appears on an earlier row of the list.
    case duplicate
    /// On the client's or the call centre's internal block list (number or person).
    case internalBlockList = "internal_block_list"
    /// The number is reserved in the national register.
    case reservedPhone = "reserved_phone"
    /// The person (name and address) is reserved in the national register.
    case reservedPerson = "reserved_person"

    /// The rejected file's code, e.g. `reserved_phone`.
    public var code: String { rawValue }

    /// Short explanation in English.
    public var explanation: String {
        switch self {
        case .blankRow: "empty row"
        case .malformedRow: "broken row (field count, quoting or length)"
        case .missingPhone: "no phone number"
        case .invalidNumber: "not a valid Norwegian number"
        case .foreignNumber: "foreign number"
        case .specialNumber: "special, short or machine-to-machine number"
        case .duplicate: "same number earlier in the list"
        case .internalBlockList: "on an internal block list"
        case .reservedPhone: "number reserved in the national register"
        case .reservedPerson: "person reserved in the national register"
        }
    }

    /// The explanation in a language, for the rejected file's `reason_text` column.
    public func text(_ language: WashReasonLanguage) -> String {
        language == .norwegian ? norwegian : explanation
    }

    /// Short explanation in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .blankRow: "tom rad"
        case .malformedRow: "ødelagt rad (antall felt, anførselstegn eller lengde)"
        case .missingPhone: "mangler telefonnummer"
        case .invalidNumber: "ikke et gyldig norsk nummer"
        case .foreignNumber: "utenlandsk nummer"
        case .specialNumber: "spesialnummer, kortnummer eller M2M-nummer"
        case .duplicate: "samme nummer tidligere i lista"
        case .internalBlockList: "står på en intern sperreliste"
        case .reservedPhone: "nummeret er reservert i Reservasjonsregisteret"
        case .reservedPerson: "personen er reservert i Reservasjonsregisteret"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// The language of the words beside the codes in a rejected file.
public enum WashReasonLanguage: String, Sendable, CaseIterable {
    case norwegian = "nb"
    case english = "en"
}
