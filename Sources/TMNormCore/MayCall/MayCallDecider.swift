import Foundation

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

    public init(
        number: PhoneParseResult, callingTime: CallingDecision?, campaignActive: Bool, campaignWithinPeriod: Bool,
        hasValidWash: Bool, callerIDAllowed: Bool, reservedInRegister: Bool?, reservationCoversVoluntary: Bool = false,
        campaignIsVoluntary: Bool = false, onClientBlockList: Bool?, onCallCentreBlockList: Bool?,
        existingCustomerSameCategory: Bool = false, consentToThisBusiness: Bool = false
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
        if !facts.hasValidWash { refusals.append(.noValidWash) }
        if !facts.callerIDAllowed { refusals.append(.callerIDNotAllowed) }

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

        var unique: [MayCallReason] = []
        for reason in refusals where !unique.contains(reason) { unique.append(reason) }
        if unique.isEmpty { return MayCallVerdict(allowed: true, reasons: [.ok] + explanations) }
        return MayCallVerdict(allowed: false, reasons: unique)
    }
}
