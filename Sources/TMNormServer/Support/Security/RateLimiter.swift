import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// A thread-safe `AttemptLog`: one per limited action (log-in per account, log-in per address, offer-link
/// guesses, stop-calls requests). In memory, per process: each process of a cluster limits on its own.
final class RateLimiter: Sendable {
    private let log: NIOLockedValueBox<AttemptLog>

    init(limit: Int, window: TimeInterval) {
        log = NIOLockedValueBox(AttemptLog(limit: limit, window: window))
    }

    /// Seconds until `key` may try again, or nil.
    func retryAfter(_ key: String, now: Date) -> TimeInterval? {
        log.withLockedValue { $0.retryAfter(key, now: now) }
    }

    func record(_ key: String, now: Date) {
        log.withLockedValue { $0.record(key, now: now) }
    }

    func reset(_ key: String) {
        log.withLockedValue { $0.reset(key) }
    }

    /// The 429 error with a Retry-After in whole minutes, in both languages.
    static func tooMany(retryAfter seconds: TimeInterval, nb: String, en: String) -> AppError {
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        var error = AppError(
            .tooManyRequests, code: "rate-limited",
            Phrase(
                nb: "\(nb) Prøv igjen om \(minutes) \(minutes == 1 ? "minutt" : "minutter").",
                en: "\(en) Try again in \(minutes) \(minutes == 1 ? "minute" : "minutes")."))
        error.retryAfter = Int(seconds.rounded(.up))
        return error
    }
}

/// The application's limiters, made once.
struct RateLimiters: Sendable {
    /// Failed log-ins per account: 10 in 15 minutes, then the account waits (even with the right password).
    let loginPerAccount = RateLimiter(limit: 10, window: 15 * 60)
    /// Failed log-ins per client address: 30 in 15 minutes.
    let loginPerAddress = RateLimiter(limit: 30, window: 15 * 60)
    /// Unknown offer-link tokens per address: 20 in 10 minutes. Valid tokens are never refused.
    let offerTokenGuesses = RateLimiter(limit: 20, window: 10 * 60)
    /// Stop-calls code requests per client address: 10 an hour (each sends an SMS).
    let stopCallsPerAddress = RateLimiter(limit: 10, window: 3600)
    /// Complaints from the public form per client address: 5 an hour (each sends an SMS).
    let complaintsPerAddress = RateLimiter(limit: 5, window: 3600)
    /// Event registrations per client address: 200 an hour (a company may register its staff from one office).
    let eventRegistrationsPerAddress = RateLimiter(limit: 200, window: 3600)
}

extension Request {
    /// The client's address: the peer, or — only when the peer is a configured trusted proxy — the nearest
    /// address in `X-Forwarded-For` that is not itself a trusted proxy. A client cannot forge its address by
    /// sending the header itself.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let trusted = application.plumbing.trustedProxies
        guard trusted.contains(peer) else { return peer }
        let hops = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return String(hop.prefix(64))
        }
        return peer
    }
}
