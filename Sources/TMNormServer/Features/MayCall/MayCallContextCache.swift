import Fluent
import TMNormCore
import Foundation
import Vapor

/// What every may-call answer for a campaign needs besides the number: the campaign, whether it may
/// run now, and which register copy applies. Kept for a second so the hot path reads the number-specific
/// rows only; any change to a campaign in this process drops its entry at once.
actor MayCallContextCache {
    struct Context: Sendable {
        let campaign: CampaignModel
        let validity: CampaignValidity?
        let register: RegisterSnapshotModel?
        /// The industry norms binding the campaign's call centre (through its memberships).
        let norms: [IndustryNorm]
        let loadedAt: Date
    }

    static let lifetime: TimeInterval = 1
    private var entries: [UUID: Context] = [:]

    func context(_ id: UUID, now: Date, load: @Sendable () async throws -> Context) async throws -> Context {
        if let entry = entries[id], now.timeIntervalSince(entry.loadedAt) < Self.lifetime, now >= entry.loadedAt {
            return entry
        }
        let fresh = try await load()
        entries[id] = fresh
        return fresh
    }

    func invalidate(_ id: UUID) {
        entries[id] = nil
    }

    func invalidateAll() {
        entries.removeAll()
    }
}

extension Application {
    private struct MayCallCacheKey: StorageKey { typealias Value = MayCallContextCache }

    /// The process's may-call context cache.
    var mayCallCache: MayCallContextCache {
        get {
            if let cache = storage[MayCallCacheKey.self] { return cache }
            let cache = MayCallContextCache()
            storage[MayCallCacheKey.self] = cache
            return cache
        }
        set { storage[MayCallCacheKey.self] = newValue }
    }
}
