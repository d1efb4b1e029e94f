import Foundation

/// What to do after a failed delivery attempt.
public enum RetryDecision: Sendable, Hashable {
    case retry(at: Date)
    /// Attempts exhausted: park the message in the dead-letter state (visible in the UI).
    case deadLetter
}

/// Exponential back-off with a cap, shared by the outbox and webhooks.
public struct RetrySchedule: Sendable, Hashable, Codable {
    /// Delay after the first failed attempt, seconds.
    public var initialDelay: TimeInterval = 30
    /// Each further failure multiplies the delay by this.
    public var multiplier: Double = 2
    /// No delay exceeds this, seconds (6 hours).
    public var maximumDelay: TimeInterval = 6 * 3600
    /// Attempts in all, the first included; after the last failure the message is dead-lettered.
    public var maximumAttempts = 12

    public init() {}

    public init(initialDelay: TimeInterval, multiplier: Double, maximumDelay: TimeInterval, maximumAttempts: Int) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// The defaults: 30 s, 1 min, 2 min … capped at 6 h, 12 attempts (about 14.5 hours from first to last).
    public static let standard = RetrySchedule()

    /// Seconds to wait after failed attempt number `attempt` (1-based); nil when no attempt follows.
    public func delay(afterAttempt attempt: Int) -> TimeInterval? {
        guard attempt >= 1, attempt < maximumAttempts else { return nil }
        // Exponent capped so the power never overflows to infinity before the cap applies.
        let exponent = Double(min(attempt - 1, 1_000))
        return min(initialDelay * pow(multiplier, exponent), maximumDelay)
    }

    /// The delay with "equal jitter": half fixed, half uniform from an injected generator, so many
    /// messages failing together do not retry in lock-step.
    public func delay<R: RandomNumberGenerator>(afterAttempt attempt: Int, jitterUsing rng: inout R) -> TimeInterval? {
        guard let full = delay(afterAttempt: attempt) else { return nil }
        return full / 2 + Double.random(in: 0...(full / 2), using: &rng)
    }

    /// Retry time or dead letter after failed attempt `attempt` at `failedAt`.
    public func decision(afterFailedAttempt attempt: Int, at failedAt: Date) -> RetryDecision {
        guard let delay = delay(afterAttempt: attempt) else { return .deadLetter }
        return .retry(at: failedAt.addingTimeInterval(delay))
    }
}
