import Foundation
import Testing

@testable import TMNormCore

@Suite("Register snapshot file")
struct RegisterSnapshotTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-test-\(UUID().uuidString)-\(name)").path
    }

    @Test("a snapshot written and loaded again has the same metadata and answers the same lookups")
    func roundTrip() throws {
        // given: many persons so every index bucket path is used
        var rng = WashSeededGenerator(seed: 7)
        let persons = (0..<5000).map { _ in rng.next() }
        let snapshot = WashFixture.register(
            numbers: ["91234567", "22334455"], voluntaryNumbers: ["41234567"], persons: Array(persons[0..<4000]),
            voluntaryPersons: Array(persons[4000...]))
        let path = Self.temporaryPath("round.snapshot")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // when
        try snapshot.write(to: path)
        let loaded = try RegisterSnapshot.load(path: path)
        // then
        #expect(RegisterSnapshot.isSnapshotFile(path: path))
        #expect(loaded.metadata == snapshot.metadata)
        #expect(loaded.metadata.personCount == 5000 && loaded.metadata.voluntaryPersonCount == 1000)
        for key in persons {
            #expect(loaded.containsPerson(key))
        }
        #expect(persons[4000...].allSatisfy(loaded.containsVoluntaryPerson))
        #expect(!persons[0..<4000].contains(where: loaded.containsVoluntaryPerson))
        let absent = (0..<2000).map { _ in rng.next() }
        #expect(!absent.contains(where: loaded.containsPerson))
        #expect(loaded.containsNumber(WashFixture.key("91234567")) && loaded.containsNumber(WashFixture.key("41234567")))
        #expect(loaded.containsVoluntaryNumber(WashFixture.key("41234567")) && !loaded.containsVoluntaryNumber(WashFixture.key("91234567")))
        #expect(!loaded.containsNumber(WashFixture.key("91234568")))
        #expect(!loaded.containsNumber(100_000_000))
    }

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

    @Test("an empty register round-trips and matches nothing")
    func empty() throws {
        let path = Self.temporaryPath("empty.snapshot")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WashFixture.register().write(to: path)
        let loaded = try RegisterSnapshot.load(path: path)
        #expect(loaded.metadata.numberCount == 0 && !loaded.containsNumber(91_234_567) && !loaded.containsPerson(42))
    }

    @Test("files that are not snapshots, or damaged ones, are refused with a reason")
    func refused() throws {
        let good = Self.temporaryPath("good.snapshot")
        let bad = Self.temporaryPath("bad.snapshot")
        defer {
            try? FileManager.default.removeItem(atPath: good)
            try? FileManager.default.removeItem(atPath: bad)
        }
        try WashFixture.register(numbers: ["91234567"]).write(to: good)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))

        try Data("telefon\n91234567\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(!RegisterSnapshot.isSnapshotFile(path: bad))
        #expect(throws: RegisterSnapshotError.self) { try RegisterSnapshot.load(path: bad) }

        try bytes.prefix(bytes.count - 4096).write(to: URL(fileURLWithPath: bad))
        #expect(throws: RegisterSnapshotError.corrupt("a section lies outside the file or is misaligned")) {
            try RegisterSnapshot.load(path: bad)
        }

        var newer = bytes
        newer[8] = 2
        try newer.write(to: URL(fileURLWithPath: bad))
        #expect(throws: RegisterSnapshotError.unsupportedVersion(2)) { try RegisterSnapshot.load(path: bad) }

        #expect(throws: RegisterSnapshotError.self) { try RegisterSnapshot.load(path: Self.temporaryPath("missing")) }
    }

    @Test("the snapshot of 10^8 possible numbers stays 12.5 MB per bitset")
    func size() {
        let snapshot = WashFixture.register(numbers: ["91234567"])
        #expect(snapshot.byteCount < 12_500_000 + 3 * 4096)
        #expect(snapshot.byteCount >= 12_500_000)
    }
}
