import Foundation
import Synchronization

/// In-process counters rendered in the Prometheus text format at `/metrics`.
final class MetricsRegistry: Sendable {
    struct RequestKey: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    struct State {
        var requests: [RequestKey: Int] = [:]
        var bucketCounts: [Int] = Array(repeating: 0, count: MetricsRegistry.buckets.count)
        var durationSum: Double = 0
        var durationCount = 0
        var counters: [String: Int] = [:]
    }

    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    private let state = Mutex(State())

    init() {}

    /// Records one HTTP request by route pattern (never the concrete path, which may hold tokens).
    func recordRequest(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(method: method, route: route, status: status), default: 0] += 1
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound {
                state.bucketCounts[index] += 1
            }
            state.durationSum += seconds
            state.durationCount += 1
        }
    }

    /// Increments a named application counter, e.g. `tmnorm_logins_total{result="failure"}`.
    func increment(_ name: String, by amount: Int = 1) {
        state.withLock { $0.counters[name, default: 0] += amount }
    }

    /// The Prometheus exposition text.
    func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP tmnorm_http_requests_total HTTP requests by method, route pattern and status.\n"
        out += "# TYPE tmnorm_http_requests_total counter\n"
        for (key, count) in snapshot.requests.sorted(by: {
            ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status)
        }) {
            out += "tmnorm_http_requests_total{method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP tmnorm_http_request_duration_seconds Time to answer HTTP requests.\n"
        out += "# TYPE tmnorm_http_request_duration_seconds histogram\n"
        for (index, bound) in Self.buckets.enumerated() {
            out += "tmnorm_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(snapshot.bucketCounts[index])\n"
        }
        out += "tmnorm_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.durationCount)\n"
        out += "tmnorm_http_request_duration_seconds_sum \(snapshot.durationSum)\n"
        out += "tmnorm_http_request_duration_seconds_count \(snapshot.durationCount)\n"
        var declared = Set<String>()
        for (name, value) in snapshot.counters.sorted(by: { $0.key < $1.key }) {
            let base = String(name.prefix { $0 != "{" })
            if declared.insert(base).inserted { out += "# TYPE \(base) counter\n" }
            out += "\(name) \(value)\n"
        }
        return out
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
