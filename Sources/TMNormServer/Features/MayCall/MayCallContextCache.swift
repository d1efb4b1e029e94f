import Fluent
import TMNormCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What every may-call answer for a campaign needs besides the number: the campaign, whether it may
/// run now, and which register copy applies. Kept for a second so the hot path reads the number-specific
/// rows only; any change to a campaign in this process drops its entry at once.
///
/// A lock, not an actor (an actor hop per answer costs a thread switch), and one reload at a time per
/// campaign: while one request reloads an expired entry, the others keep using it for up to one more
/// lifetime instead of all reloading together.
final class MayCallContextCache: Sendable {
    struct Context: Sendable {
        let campaign: CampaignModel
        let validity: CampaignValidity?
        let register: RegisterSnapshotModel?
        /// The industry norms binding the campaign's call centre (through its memberships).
        let norms: [IndustryNorm]
        let loadedAt: Date
        /// The callable numbers of each attached wash valid at the moment asked.
        var callable: [WashCallableKeys] = []
        /// The client's engagement of the call centre is confirmed and in force on the day asked.
        var engagementInForce = false
    }

    static let lifetime: TimeInterval = 1

    private struct State: Sendable {
        var entries: [UUID: Context] = [:]
        var reloading: Set<UUID> = []
        /// Bumped by every invalidation, so a load that started before it is not stored after it.
        var generation = 0
    }
    private let state = NIOLockedValueBox(State())

    func context(_ id: UUID, now: Date, load: @Sendable () async throws -> Context) async throws -> Context {
        enum Plan { case use(Context), load(generation: Int, leading: Bool) }
        let plan = state.withLockedValue { state -> Plan in
            if let entry = state.entries[id], now >= entry.loadedAt {
                let age = now.timeIntervalSince(entry.loadedAt)
                if age < Self.lifetime { return .use(entry) }
                if age < 2 * Self.lifetime, state.reloading.contains(id) { return .use(entry) }
            }
            let leading = state.reloading.insert(id).inserted
            return .load(generation: state.generation, leading: leading)
        }
        switch plan {
        case .use(let context):
            return context
        case .load(let generation, let leading):
            defer { if leading { state.withLockedValue { _ = $0.reloading.remove(id) } } }
            let fresh = try await load()
            state.withLockedValue { state in
                if state.generation == generation { state.entries[id] = fresh }
            }
            return fresh
        }
    }

    func invalidate(_ id: UUID) {
        state.withLockedValue { state in
            state.entries[id] = nil
            state.generation += 1
        }
    }

    func invalidateAll() {
        state.withLockedValue { state in
            state.entries.removeAll()
            state.generation += 1
        }
    }
}
