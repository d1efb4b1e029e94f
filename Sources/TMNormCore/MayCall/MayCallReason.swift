/// Why a may-call decision came out as it did. Refusals first; `exempt_*` explain an allowed answer.
public enum MayCallReason: String, Sendable, Codable, CaseIterable, Hashable {
    case ok
    // Calling time (mirrors `CallingReason`).
    case saturday, sunday
    case publicHoliday = "public_holiday"
    case holidayEquivalent = "holiday_equivalent"
    case beforeOpening = "before_opening"
    case afterClosing = "after_closing"
    case normClosed = "norm_closed"
    // The number.
    case invalidNumber = "invalid_number"
    case foreignNumber = "foreign_number"
    case specialNumber = "special_number"
    // Registers and lists.
    case reservedPhone = "reserved_phone"
    /// The person given with the question is reserved (name and address matched the register).
    case reservedPerson = "reserved_person"
    /// The number did not come out callable from a wash of this campaign valid now, and no person was given.
    case notInValidWash = "not_in_valid_wash"
    case clientBlockList = "client_block_list"
    case callCentreBlockList = "call_centre_block_list"
    // The campaign.
    case campaignNotActive = "campaign_not_active"
    case campaignOutsidePeriod = "campaign_outside_period"
    case noValidWash = "no_valid_wash"
    case callerIDNotAllowed = "caller_id_not_allowed"
    /// The client has no engagement with the call centre confirmed and in force on the day asked.
    case noEngagement = "no_engagement"
    // Fail closed.
    case registerUnavailable = "register_unavailable"
    case checkFailed = "check_failed"
    // Why an otherwise reserved number may be called.
    case exemptExistingCustomer = "exempt_existing_customer"
    case exemptConsent = "exempt_consent"

    /// Reasons that only explain an allowed answer.
    public var isExplanation: Bool { self == .ok || self == .exemptConsent || self == .exemptExistingCustomer }

    init(_ calling: CallingReason) {
        switch calling {
        case .ok: self = .ok
        case .saturday: self = .saturday
        case .sunday: self = .sunday
        case .publicHoliday: self = .publicHoliday
        case .holidayEquivalent: self = .holidayEquivalent
        case .beforeOpening: self = .beforeOpening
        case .afterClosing: self = .afterClosing
        case .normClosed: self = .normClosed
        }
    }
}
