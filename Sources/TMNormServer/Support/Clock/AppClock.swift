import Foundation
import Vapor

/// The clock, injected so tests can fix time and benchmarks can shift it (`TMNORM_CLOCK`).
public struct AppClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = AppClock { Date() }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    /// Source of the current time: set before `configure` (tests, `TMNORM_CLOCK`) or by it (the system clock).
    public var clock: AppClock {
        get {
            guard let clock = storage[ClockKey.self] else { preconditionFailure("the clock is read before configure(_:config:) set it") }
            return clock
        }
        set { storage[ClockKey.self] = newValue }
    }

    /// Whether a clock was set (configure sets the system clock otherwise).
    var hasClock: Bool { storage[ClockKey.self] != nil }
}

extension Request {
    /// The current time from the application's clock.
    public var now: Date { application.clock.now() }
}
