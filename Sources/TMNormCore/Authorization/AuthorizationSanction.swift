import Foundation

/// How long a suspension lasts.
public enum AuthorizationSuspensionTerm: Sendable, Hashable, Codable {
    /// Lifted by itself at the start of this day (the centre is suspended up to the day before).
    case untilDate(LocalDate)
    /// Lasts until the board finds the condition met and decides to reinstate.
    case untilCondition(String)
}

/// The board's sanction and restoration decisions, by kind.
public enum AuthorizationSanctionKind: Sendable, Hashable, Codable {
    case warning
    case suspension(AuthorizationSuspensionTerm)
    case revocation
    case reinstatement

    /// The kind without its details, for errors.
    public var action: AuthorizationSanctionAction {
        switch self {
        case .warning: .warning
        case .suspension: .suspension
        case .revocation: .revocation
        case .reinstatement: .reinstatement
        }
    }
}

/// The name of a sanction kind.
public enum AuthorizationSanctionAction: String, Sendable, Hashable, Codable {
    case warning, suspension, revocation, reinstatement

    /// The word in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .warning: "advarsel"
        case .suspension: "suspensjon"
        case .revocation: "tilbakekall"
        case .reinstatement: "gjeninnsettelse"
        }
    }
}

/// A board decision about an approved centre: what, when, why, and until when it can be appealed.
public struct AuthorizationSanctionDecision: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let centre: OrganisationNumber
    public let kind: AuthorizationSanctionKind
    public let decidedOn: LocalDate
    /// The day it takes effect: the decision day or later, never earlier.
    public let effectiveFrom: LocalDate
    public let reasons: String
    /// Last day to appeal (`policy.appealDays` after the decision).
    public let appealDeadline: LocalDate

    /// A checked decision: reasons given, not retroactive, a suspension ends after it starts.
    public init(
        id: String, centre: OrganisationNumber, kind: AuthorizationSanctionKind, decidedOn: LocalDate,
        effectiveFrom: LocalDate? = nil, reasons: String, policy: AuthorizationPolicy = .standard
    ) throws(AuthorizationError) {
        let text = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .reasonsRequired }
        let start = effectiveFrom ?? decidedOn
        guard start >= decidedOn else { throw .dateBeforePrevious(start, previous: decidedOn) }
        switch kind {
        case .suspension(.untilDate(let end)) where end <= start:
            throw .suspensionEndNotAfterStart(start: start, end: end)
        case .suspension(.untilCondition(let condition))
        where condition.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw .emptyField("suspension condition")
        default: break
        }
        self.id = id
        self.centre = centre
        self.kind = kind
        self.decidedOn = decidedOn
        self.effectiveFrom = start
        self.reasons = text
        self.appealDeadline = decidedOn.adding(days: policy.appealDays)
    }

    /// Whether the decision can still be appealed on a day.
    public func isAppealable(on date: LocalDate) -> Bool { date <= appealDeadline }
}

/// A centre's standing under sanctions on a day.
public enum AuthorizationSanctionStanding: Sendable, Hashable, Codable {
    case clear
    case suspended(AuthorizationSuspensionTerm, since: LocalDate)
    case revoked(since: LocalDate)

    /// The suspension, if one has lapsed by `date`, lifted.
    func lifted(on date: LocalDate) -> AuthorizationSanctionStanding {
        if case .suspended(.untilDate(let end), _) = self, end <= date { return .clear }
        return self
    }

    /// The standing's name in English.
    public var name: String {
        switch self {
        case .clear: "in good standing"
        case .suspended: "suspended"
        case .revoked: "revoked"
        }
    }

    /// The standing's name in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .clear: "uten sanksjoner"
        case .suspended: "suspendert"
        case .revoked: "tilbakekalt"
        }
    }
}
