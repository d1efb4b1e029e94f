/// The adjustable rules of written confirmation (policy where the law sets no number); defaults below.
public struct ConfirmationPolicy: Sendable, Hashable, Codable {
    /// Days after sending that the consumer may accept (the deadline is the end of that Oslo day).
    public var acceptanceDeadlineDays = 14
    /// Days after sending that one reminder is due; nil sends none.
    public var reminderAfterDays: Int? = 3
    /// Most SMS segments an offer SMS may use; the product name is shortened in the SMS (never in the
    /// full offer) to stay within it.
    public var maximumSMSSegments = 3
    /// Whether SMS replies ("JA CODE") are offered as a way to accept, decline and withdraw.
    public var smsRepliesEnabled = true
    /// Calls for voluntary organisations need no written confirmation (docs/domain.md, “Written confirmation”).
    public var exemptVoluntaryOrganisations = true
    /// Newspaper subscriptions need no written confirmation (docs/domain.md, “Written confirmation”).
    public var exemptNewspaperSubscriptions = true
    /// Characters in the short reply code.
    public var codeLength = 6
    /// Random bytes in the link token (at least 16 = 128 bits; 18 gives 24 URL-safe characters).
    public var tokenBytes = 18
    /// When withdrawal ends.
    public var withdrawal = WithdrawalPolicy()

    public init() {}

    /// All defaults.
    public static let standard = ConfirmationPolicy()
}

/// How the withdrawal deadline is computed (angrerettloven; the defaults of docs/domain.md, “Withdrawal right”).
public struct WithdrawalPolicy: Sendable, Hashable, Codable {
    /// Days of withdrawal right; the law's minimum is 14.
    public var periodDays = 14
    /// Months added after the original deadline when the withdrawal information was missing.
    public var missingInformationExtensionMonths = 12
    /// If the last day is a Saturday, Sunday, public holiday or one of `nonWorkingSpecialDays`, the
    /// deadline moves to the next day that is none of these (the domstolloven § 149 way of counting
    /// Norwegian deadlines; policy, on by default because it only ever favours the consumer).
    public var extendToNextWorkingDay = true
    /// Days that are not holidays but end no deadline (domstolloven § 149 names Christmas and New Year's Eve).
    public var nonWorkingSpecialDays: Set<NorwegianSpecialDay> = [.christmasEve, .newYearsEve]

    /// The statutory minimum period (angrerettloven § 20).
    public static let statutoryMinimumDays = 14

    public init() {}

    /// All defaults.
    public static let standard = WithdrawalPolicy()
}
