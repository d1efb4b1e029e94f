import Foundation

/// Counts attempts per key in a sliding window: at most `limit` within `window` seconds. Pure; the caller
/// passes the time and keeps the log behind a lock.
public struct AttemptLog: Sendable {
    public let limit: Int
    public let window: TimeInterval
    /// Past this many keys the oldest half is dropped, so a flood of distinct keys cannot grow memory.
    public let maxKeys: Int
    private var attempts: [String: [Date]] = [:]

    public init(limit: Int, window: TimeInterval, maxKeys: Int = 100_000) {
        self.limit = max(1, limit)
        self.window = window
        self.maxKeys = maxKeys
    }

    /// Seconds until the key may try again, or nil when it may now.
    public mutating func retryAfter(_ key: String, now: Date) -> TimeInterval? {
        let recent = prune(key, now: now)
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(1, window - now.timeIntervalSince(oldest))
    }

    /// Records one attempt.
    public mutating func record(_ key: String, now: Date) {
        if attempts.count >= maxKeys, attempts[key] == nil { evict(now: now) }
        var recent = prune(key, now: now)
        recent.append(now)
        if recent.count > limit { recent.removeFirst(recent.count - limit) }
        attempts[key] = recent
    }

    /// Forgets a key (e.g. after a successful log-in).
    public mutating func reset(_ key: String) {
        attempts[key] = nil
    }

    /// The attempts of a key inside the window, oldest first.
    private mutating func prune(_ key: String, now: Date) -> [Date] {
        guard let all = attempts[key] else { return [] }
        let recent = all.filter { now.timeIntervalSince($0) < window }
        attempts[key] = recent.isEmpty ? nil : recent
        return recent
    }

    private mutating func evict(now: Date) {
        attempts = attempts.filter { _, dates in dates.contains { now.timeIntervalSince($0) < window } }
        if attempts.count >= maxKeys {
            let keep = attempts.sorted { ($0.value.last ?? .distantPast) > ($1.value.last ?? .distantPast) }.prefix(maxKeys / 2)
            attempts = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }
}
