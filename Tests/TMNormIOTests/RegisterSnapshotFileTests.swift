import Foundation
import Testing
import TMNormIO

@testable import TMNormCore

@Suite("Register snapshot file")
struct RegisterSnapshotFileTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-test-\(UUID().uuidString)-\(name)").path
    }

    @Test("a snapshot written and loaded again has the same metadata and answers the same lookups")
    func roundTrip() throws {
        // given: many persons so every index bucket path is used
        var rng = SnapshotFixture.Generator(seed: 7)
        let persons = (0..<5000).map { _ in rng.next() }
        let snapshot = SnapshotFixture.register(
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
        #expect(loaded.containsNumber(SnapshotFixture.key("91234567")) && loaded.containsNumber(SnapshotFixture.key("41234567")))
        #expect(loaded.containsVoluntaryNumber(SnapshotFixture.key("41234567")) && !loaded.containsVoluntaryNumber(SnapshotFixture.key("91234567")))
        #expect(!loaded.containsNumber(SnapshotFixture.key("91234568")))
        #expect(!loaded.containsNumber(100_000_000))
    }

    @Test("an empty register round-trips and matches nothing")
    func empty() throws {
        let path = Self.temporaryPath("empty.snapshot")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SnapshotFixture.register().write(to: path)
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
        try SnapshotFixture.register(numbers: ["91234567"]).write(to: good)
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
}

/// Registers for the file tests (the same shape as the Core tests' `WashFixture.register`).
enum SnapshotFixture {
    static func key(_ number: String) -> UInt32 {
        guard case .valid(let phone) = PhoneNumber.parse(number), let key = phone.eightDigitKey else {
            Issue.record("test number \(number) is not a valid 8-digit number")
            return 0
        }
        return key
    }

    static func register(
        numbers: [String] = [], voluntaryNumbers: [String] = [], persons: [UInt64] = [], voluntaryPersons: [UInt64] = []
    ) -> RegisterSnapshot {
        var builder = RegisterSnapshotBuilder()
        for n in numbers { builder.addNumber(key(n), voluntary: false) }
        for n in voluntaryNumbers { builder.addNumber(key(n), voluntary: true) }
        for p in persons { builder.addPerson(p, voluntary: false) }
        for p in voluntaryPersons { builder.addPerson(p, voluntary: true) }
        return builder.build(
            id: "reg-test", sourceFileName: "test.csv", sourceSHA256: String(repeating: "ab", count: 32),
            obtainedAt: Date(timeIntervalSince1970: 1_794_308_400), sourceFormat: .csv)
    }

    /// SplitMix64: the same keys on every run.
    struct Generator: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
