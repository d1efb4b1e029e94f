import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import TMNormServer

@Suite("May-call context cache")
struct MayCallContextCacheTests {
    static func context(at instant: Date) -> MayCallContextCache.Context {
        MayCallContextCache.Context(campaign: CampaignModel(), validity: nil, register: nil, norms: [], loadedAt: instant)
    }

    @Test("within a second the entry is reused; after it, 50 concurrent questions cause one reload while the others keep the old entry")
    func oneReloadAtATime() async throws {
        let cache = MayCallContextCache()
        let id = UUID()
        let loads = NIOLockedValueBox(0)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await cache.context(id, now: t0) {
            loads.withLockedValue { $0 += 1 }; return Self.context(at: t0)
        }
        _ = try await cache.context(id, now: t0.addingTimeInterval(0.5)) {
            loads.withLockedValue { $0 += 1 }; return Self.context(at: t0)
        }
        #expect(loads.withLockedValue { $0 } == 1)

        let later = t0.addingTimeInterval(1.2)
        let gate = NIOLockedValueBox(false)
        try await withThrowingTaskGroup(of: Date.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await cache.context(id, now: later) {
                        loads.withLockedValue { $0 += 1 }
                        // Hold the reload long enough for the others to arrive meanwhile.
                        while !gate.withLockedValue({ $0 }) { try await Task.sleep(nanoseconds: 1_000_000) }
                        return Self.context(at: later)
                    }.loadedAt
                }
            }
            try await Task.sleep(nanoseconds: 50_000_000)
            gate.withLockedValue { $0 = true }
            let seen = try await group.reduce(into: [Date]()) { $0.append($1) }
            #expect(seen.count == 50)
        }
        #expect(loads.withLockedValue { $0 } == 2, "one initial load and one reload")
        #expect(try await cache.context(id, now: later.addingTimeInterval(0.1)) { Self.context(at: .distantPast) }.loadedAt == later)
    }

    @Test("an invalidation drops the entry at once, and a load that began before it is not kept")
    func invalidation() async throws {
        let cache = MayCallContextCache()
        let id = UUID()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await cache.context(id, now: t0) {
            cache.invalidate(id)  // a campaign change lands while this load runs
            return Self.context(at: t0)
        }
        let next = try await cache.context(id, now: t0.addingTimeInterval(0.1)) { Self.context(at: t0.addingTimeInterval(0.1)) }
        #expect(next.loadedAt == t0.addingTimeInterval(0.1), "the load from before the invalidation was not stored")
        cache.invalidateAll()
        let after = try await cache.context(id, now: t0.addingTimeInterval(0.2)) { Self.context(at: t0.addingTimeInterval(0.2)) }
        #expect(after.loadedAt == t0.addingTimeInterval(0.2))
    }
}
