/// An amount in Norwegian kroner, kept in øre so sums are exact.
public struct AuthorizationFeeAmount: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let ore: Int

    public init(ore: Int) { self.ore = ore }

    public init(kroner: Int) { self.ore = kroner * 100 }

    /// "kr 10 000" or "kr 7 500,50": Norwegian grouping with a no-break space.
    public var formatted: String {
        let kroner = abs(ore) / 100
        let rest = abs(ore) % 100
        var digits = Array(String(kroner))
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{A0}" + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        let sign = ore < 0 ? "−" : ""
        let fraction = rest == 0 ? "" : "," + (rest < 10 ? "0" : "") + String(rest)
        return "kr\u{A0}\(sign)\(grouped)\(fraction)"
    }

    public var description: String { formatted }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ore < rhs.ore }
}

/// Whether the applicant is a member of the association (members pay less).
public enum AuthorizationMembership: String, Sendable, Hashable, Codable {
    case member
    case nonMember = "non_member"
}

/// The fees for approval (**policy**: the association sets them; the 2020 figures are the demo default).
public struct AuthorizationFeeSchedule: Sendable, Hashable, Codable {
    /// First day the schedule applies.
    public let validFrom: LocalDate
    public let firstApprovalMember: AuthorizationFeeAmount
    public let firstApprovalNonMember: AuthorizationFeeAmount
    public let continuationMember: AuthorizationFeeAmount
    public let continuationNonMember: AuthorizationFeeAmount

    /// A schedule of non-negative amounts.
    public init(
        validFrom: LocalDate, firstApprovalMember: AuthorizationFeeAmount, firstApprovalNonMember: AuthorizationFeeAmount,
        continuationMember: AuthorizationFeeAmount, continuationNonMember: AuthorizationFeeAmount
    ) throws(AuthorizationError) {
        for amount in [firstApprovalMember, firstApprovalNonMember, continuationMember, continuationNonMember]
        where amount.ore < 0 {
            throw .negativeFee(amount)
        }
        self.validFrom = validFrom
        self.firstApprovalMember = firstApprovalMember
        self.firstApprovalNonMember = firstApprovalNonMember
        self.continuationMember = continuationMember
        self.continuationNonMember = continuationNonMember
    }

    /// The 2020 fees: first approval NOK 10 000 (members) / 15 000 (others), continuation 5 000 / 7 500.
    public static let demo2020 = AuthorizationFeeSchedule(
        demoFrom: LocalDate(uncheckedYear: 2020, month: 1, day: 1), kroner: (10_000, 15_000, 5_000, 7_500))

    /// Amounts known to be non-negative, so no check is needed.
    private init(demoFrom validFrom: LocalDate, kroner: (Int, Int, Int, Int)) {
        self.validFrom = validFrom
        firstApprovalMember = AuthorizationFeeAmount(kroner: kroner.0)
        firstApprovalNonMember = AuthorizationFeeAmount(kroner: kroner.1)
        continuationMember = AuthorizationFeeAmount(kroner: kroner.2)
        continuationNonMember = AuthorizationFeeAmount(kroner: kroner.3)
    }

    /// The fee for an application of a kind from an applicant with a membership.
    public func amount(for kind: AuthorizationApplicationKind, membership: AuthorizationMembership) -> AuthorizationFeeAmount {
        switch (kind, membership) {
        case (.firstApproval, .member): firstApprovalMember
        case (.firstApproval, .nonMember): firstApprovalNonMember
        case (.continuation, .member): continuationMember
        case (.continuation, .nonMember): continuationNonMember
        }
    }

    /// The schedule in force on a day: the latest whose `validFrom` is on or before it.
    public static func inForce(on date: LocalDate, among schedules: [AuthorizationFeeSchedule]) -> AuthorizationFeeSchedule? {
        schedules.filter { $0.validFrom <= date }.max { $0.validFrom < $1.validFrom }
    }
}
