import Foundation
import Testing

@testable import TMNormCore

@Suite("Register snapshot")
struct RegisterSnapshotTests {
    // Writing, loading and recognising snapshot files: Tests/TMNormIOTests/RegisterSnapshotFileTests.swift.

    @Test("keys that share their stored low bits but lie in different buckets are told apart")
    func bucketBoundaries() {
        let low: UInt64 = 0x0000_1234_5678_9ABC
        let stored = (UInt64(7) << 46) | low
        let snapshot = WashFixture.register(persons: [stored, (UInt64(9) << 46) | (low + 1)])
        #expect(snapshot.containsPerson(stored))
        #expect(!snapshot.containsPerson((UInt64(6) << 46) | low))
        #expect(!snapshot.containsPerson((UInt64(8) << 46) | low))
        #expect(!snapshot.containsPerson((UInt64(9) << 46) | low))
        #expect(snapshot.containsPerson((UInt64(9) << 46) | (low + 1)))
        #expect(!snapshot.containsPerson(UInt64.max) && !snapshot.containsPerson(0))
    }

    @Test("the snapshot of 10^8 possible numbers stays 12.5 MB per bitset")
    func size() {
        let snapshot = WashFixture.register(numbers: ["91234567"])
        #expect(snapshot.byteCount < 12_500_000 + 3 * 4096)
        #expect(snapshot.byteCount >= 12_500_000)
    }
}
