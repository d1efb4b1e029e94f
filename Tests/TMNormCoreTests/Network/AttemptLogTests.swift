import Foundation
import Testing

@testable import TMNormCore

@Suite("Attempt log: at most N attempts per key in a sliding window")
struct AttemptLogTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the limit blocks the key, not others, until the oldest attempt leaves the window")
    func window() {
        var log = AttemptLog(limit: 3, window: 60)
        for second in 0..<3 { log.record("a", now: start.addingTimeInterval(Double(second))) }
        #expect(log.retryAfter("a", now: start.addingTimeInterval(10)) == 50)
        #expect(log.retryAfter("b", now: start.addingTimeInterval(10)) == nil)
        #expect(log.retryAfter("a", now: start.addingTimeInterval(60)) == nil)
    }

    @Test("reset forgets a key")
    func reset() {
        var log = AttemptLog(limit: 1, window: 60)
        log.record("a", now: start)
        #expect(log.retryAfter("a", now: start) != nil)
        log.reset("a")
        #expect(log.retryAfter("a", now: start) == nil)
    }

    @Test("a flood of distinct keys stays bounded")
    func bounded() {
        var log = AttemptLog(limit: 2, window: 60, maxKeys: 100)
        for index in 0..<10_000 { log.record("k\(index)", now: start) }
        log.record("last", now: start)
        log.record("last", now: start)
        #expect(log.retryAfter("last", now: start) != nil)
    }
}
