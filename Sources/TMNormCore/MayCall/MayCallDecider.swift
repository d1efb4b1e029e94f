import Foundation

/// How the number's person was checked against the register. Most reservations are by person (name and
/// address), so a number checked by number alone is not known to be callable (docs/domain.md, "may call").
public enum MayCallPersonCheck: Sendable, Equatable {
    /// The number came out callable from a wash of this campaign that is valid now: the wash matched its row's
    /// person, number and block lists.
    case washed
    /// The question carried the person; `reserved` is the register's answer for them.
    case person(reserved: Bool, coversVoluntary: Bool)
    /// Neither: the person was never checked.
    case unchecked
}

/// Everything known about one number at one moment, gathered by the server; each check may have failed.
public struct MayCallFacts: Sendable {
    /// The outcome of parsing the number.
    public var number: PhoneParseResult
    /// The calling-time decision, or nil when it could not be made.
    public var callingTime: CallingDecision?
    /// Campaign state: active and within its period, and a wash valid now.
    public var campaignActive: Bool
    public var campaignWithinPeriod: Bool
    public var hasValidWash: Bool
    public var callerIDAllowed: Bool
    /// The register lookup: nil when no register copy could be consulted.
    public var reservedInRegister: Bool?
    /// The reservation covers voluntary organisations too.
    public var reservationCoversVoluntary: Bool
    public var campaignIsVoluntary: Bool
    /// Internal block lists: nil when they could not be read.
    public var onClientBlockList: Bool?
    public var onCallCentreBlockList: Bool?
    /// Exemptions from the register (not from block lists).
    public var existingCustomerSameCategory: Bool
    public var consentToThisBusiness: Bool
    /// How the number's person was checked (fails closed: unchecked).
    public var personCheck: MayCallPersonCheck
    /// The campaign's client has an engagement with the call centre, confirmed and in force on the day asked.
    public var engagementInForce: Bool = true

    public init(
        number: PhoneParseResult, callingTime: CallingDecision?, campaignActive: Bool, campaignWithinPeriod: Bool,
        hasValidWash: Bool, callerIDAllowed: Bool, reservedInRegister: Bool?, reservationCoversVoluntary: Bool = false,
        campaignIsVoluntary: Bool = false, onClientBlockList: Bool?, onCallCentreBlockList: Bool?,
        existingCustomerSameCategory: Bool = false, consentToThisBusiness: Bool = false,
        personCheck: MayCallPersonCheck = .unchecked
    ) {
        self.number = number
        self.callingTime = callingTime
        self.campaignActive = campaignActive
        self.campaignWithinPeriod = campaignWithinPeriod
        self.hasValidWash = hasValidWash
        self.callerIDAllowed = callerIDAllowed
        self.reservedInRegister = reservedInRegister
        self.reservationCoversVoluntary = reservationCoversVoluntary
        self.campaignIsVoluntary = campaignIsVoluntary
        self.onClientBlockList = onClientBlockList
        self.onCallCentreBlockList = onCallCentreBlockList
        self.existingCustomerSameCategory = existingCustomerSameCategory
        self.consentToThisBusiness = consentToThisBusiness
        self.personCheck = personCheck
    }
}

/// The answer to "may I call this number now?".
public struct MayCallVerdict: Sendable, Equatable {
    public let allowed: Bool
    /// Every refusal reason (all of them, not just the first), or `ok` plus any exemption used.
    public let reasons: [MayCallReason]
}

/// Combines calling time, the number, the national register, both block lists, exemptions and the
/// campaign's validity. Fails closed: a check that could not be made refuses the call with its reason.
public enum MayCallDecider {
    public static func decide(_ facts: MayCallFacts) -> MayCallVerdict {
        var refusals: [MayCallReason] = []
        var explanations: [MayCallReason] = []

        if let calling = facts.callingTime {
            if !calling.allowed { refusals.append(MayCallReason(calling.reason)) }
        } else {
            refusals.append(.checkFailed)
        }
        switch facts.number {
        case .valid(let number):
            if number.kind != .mobile && number.kind != .fixed { refusals.append(.specialNumber) }
        case .foreign:
            refusals.append(.foreignNumber)
        case .invalid:
            refusals.append(.invalidNumber)
        }
        if !facts.campaignActive { refusals.append(.campaignNotActive) }
        if !facts.campaignWithinPeriod { refusals.append(.campaignOutsidePeriod) }
        // A campaign without a valid wash cannot clear numbers by washing; a person given with the question can.
        if !facts.hasValidWash, facts.personCheck == .unchecked || facts.personCheck == .washed { refusals.append(.noValidWash) }
        if !facts.callerIDAllowed { refusals.append(.callerIDNotAllowed) }
        if !facts.engagementInForce { refusals.append(.noEngagement) }

        switch facts.onClientBlockList {
        case .some(true): refusals.append(.clientBlockList)
        case .none: refusals.append(.checkFailed)
        case .some(false): break
        }
        switch facts.onCallCentreBlockList {
        case .some(true): refusals.append(.callCentreBlockList)
        case .none: refusals.append(.checkFailed)
        case .some(false): break
        }

        switch facts.reservedInRegister {
        case .none:
            refusals.append(.registerUnavailable)
        case .some(true):
            // A voluntary organisation's campaign is stopped only by reservations that cover it.
            let applies = !facts.campaignIsVoluntary || facts.reservationCoversVoluntary
            if applies {
                if facts.consentToThisBusiness {
                    explanations.append(.exemptConsent)
                } else if facts.existingCustomerSameCategory {
                    explanations.append(.exemptExistingCustomer)
                } else {
                    refusals.append(.reservedPhone)
                }
            }
        case .some(false):
            break
        }

        // The person behind the number: checked by a valid wash, or given with the question. A consent or an
        // existing customer relationship lifts the register (never a block list), so it also clears a number
        // whose person was not checked.
        let appliesToCampaign = { (coversVoluntary: Bool) in !facts.campaignIsVoluntary || coversVoluntary }
        switch facts.personCheck {
        case .washed:
            break
        case .person(let reserved, let coversVoluntary):
            if reserved && appliesToCampaign(coversVoluntary) {
                if facts.consentToThisBusiness {
                    explanations.append(.exemptConsent)
                } else if facts.existingCustomerSameCategory {
                    explanations.append(.exemptExistingCustomer)
                } else {
                    refusals.append(.reservedPerson)
                }
            }
        case .unchecked:
            // An unusable number is refused for what it is; there is no person to speak of.
            guard case .valid = facts.number else { break }
            if facts.consentToThisBusiness {
                explanations.append(.exemptConsent)
            } else if facts.existingCustomerSameCategory {
                explanations.append(.exemptExistingCustomer)
            } else {
                refusals.append(.notInValidWash)
            }
        }

        var unique: [MayCallReason] = []
        for reason in refusals where !unique.contains(reason) { unique.append(reason) }
        var explained: [MayCallReason] = []
        for reason in explanations where !explained.contains(reason) { explained.append(reason) }
        if unique.isEmpty { return MayCallVerdict(allowed: true, reasons: [.ok] + explained) }
        return MayCallVerdict(allowed: false, reasons: unique)
    }
}
