import Fluent
import TMNormCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What every may-call answer for a campaign needs besides the number: the campaign, whether it may
/// run at the moment asked, and which register copy applies. Kept for a second per campaign and Oslo day
/// (the industry norms and the engagement are per day), so the hot path reads the number-specific rows
/// only — for "now" and for any other moment alike; any change to a campaign in this process drops its
/// entries at once.
///
/// A lock, not an actor (an actor hop per answer costs a thread switch), and one reload at a time per
/// entry: while one request reloads an expired entry, the others keep using it for up to one more
/// lifetime instead of all reloading together.
final class MayCallContextCache: Sendable {
    struct Context: Sendable {
        let campaign: CampaignModel
        var validity: CampaignValidity?
        let register: RegisterSnapshotModel?
        /// The industry norms binding the campaign's call centre (through its memberships).
        let norms: [IndustryNorm]
        let loadedAt: Date
        /// The callable numbers of each attached wash valid at the moment asked.
        var callable: [WashCallableKeys] = []
        /// The client's engagement of the call centre is confirmed and in force on the day asked.
        var engagementInForce = false
        /// The campaign's attached washes; nil when they could not be read (validity unknown: fails closed).
        var washes: [CampaignValidity.AttachedWash]? = nil
        /// The moment `validity` and `callable` were judged for.
        var judgedAt: Date = .distantPast

        /// The same context judged for another moment of the same Oslo day: validity and the callable
        /// numbers from the washes read at load time, without the database.
        func judged(at instant: Date, index: WashCallableIndex) -> Context {
            var copy = self
            copy.judgedAt = instant
            guard let washes else { return copy }
            let validity = CampaignValidity.judge(campaign, washes: washes, at: instant)
            copy.validity = validity
            copy.callable = validity.validWashes.compactMap { index.keys(washID: $0.id, directory: $0.directory) }
            return copy
        }
    }

    static let lifetime: TimeInterval = 1
    /// Entries beyond this many are pruned of the expired ones (dialers ask about a few days at most).
    static let pruneAbove = 256

    /// A campaign on an Oslo day.
    struct Key: Hashable, Sendable {
        let campaign: UUID
        let day: String
    }

    private struct State: Sendable {
        var entries: [Key: Context] = [:]
        var reloading: Set<Key> = []
        /// Bumped by every invalidation, so a load that started before it is not stored after it.
        var generation = 0
    }
    private let state = NIOLockedValueBox(State())

    func context(_ id: UUID, day: String = "", now: Date, load: @Sendable () async throws -> Context) async throws -> Context {
        let key = Key(campaign: id, day: day)
        enum Plan { case use(Context), load(generation: Int, leading: Bool) }
        let plan = state.withLockedValue { state -> Plan in
            if let entry = state.entries[key], now >= entry.loadedAt {
                let age = now.timeIntervalSince(entry.loadedAt)
                if age < Self.lifetime { return .use(entry) }
                if age < 2 * Self.lifetime, state.reloading.contains(key) { return .use(entry) }
            }
            let leading = state.reloading.insert(key).inserted
            return .load(generation: state.generation, leading: leading)
        }
        switch plan {
        case .use(let context):
            return context
        case .load(let generation, let leading):
            defer { if leading { state.withLockedValue { _ = $0.reloading.remove(key) } } }
            let fresh = try await load()
            state.withLockedValue { state in
                guard state.generation == generation else { return }
                state.entries[key] = fresh
                if state.entries.count > Self.pruneAbove {
                    state.entries = state.entries.filter { now.timeIntervalSince($0.value.loadedAt) < 2 * Self.lifetime }
                }
            }
            return fresh
        }
    }

    func invalidate(_ id: UUID) {
        state.withLockedValue { state in
            state.entries = state.entries.filter { $0.key.campaign != id }
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
