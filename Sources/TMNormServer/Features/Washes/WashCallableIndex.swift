import Foundation
import NIOConcurrencyHelpers
import TMNormCore
import Vapor

/// The callable numbers of each wash, in memory: the washes feature's one lookup for may-call. A wash never
/// changes once written, so its keys are read from `callable.keys` once and kept (the most recently used 256
/// washes; a set of a million numbers is 4 MB).
final class WashCallableIndex: Sendable {
    static let fileName = "callable.keys"
    static let capacity = 256

    private struct State: Sendable {
        var entries: [UUID: WashCallableKeys] = [:]
        var order: [UUID] = []
    }
    private let state = NIOLockedValueBox(State())

    /// The callable keys of a wash, or nil when its file is missing or unreadable (then no number of that wash
    /// counts as checked: fail closed).
    func keys(washID: UUID, directory: String) -> WashCallableKeys? {
        if let cached = state.withLockedValue({ $0.entries[washID] }) { return cached }
        let path = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName).path
        guard let data = FileManager.default.contents(atPath: path), let keys = WashCallableKeys(serialized: data) else { return nil }
        state.withLockedValue { state in
            if state.entries[washID] == nil {
                state.entries[washID] = keys
                state.order.append(washID)
                if state.order.count > Self.capacity {
                    let evicted = state.order.removeFirst()
                    state.entries[evicted] = nil
                }
            }
        }
        return keys
    }
}
