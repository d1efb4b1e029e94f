import Foundation
import Testing

@testable import TMNormCore

/// Builders and helpers shared by the washing and register tests.
enum WashFixture {
    /// 2026-11-10 12:00 Oslo time.
    static let obtainedAt = Date(timeIntervalSince1970: 1_794_308_400)

    static func key(_ number: String) -> UInt32 {
        guard case .valid(let phone) = PhoneNumber.parse(number), let key = phone.eightDigitKey else {
            Issue.record("test number \(number) is not a valid 8-digit number")
            return 0
        }
        return key
    }

    static func person(_ first: String, _ last: String, _ street: String, _ number: String, _ postcode: String) -> UInt64 {
        guard let identity = PersonIdentity(firstName: first, lastName: last, street: street, houseNumber: number, postcode: postcode)
        else {
            Issue.record("test person \(first) \(last) has no identity")
            return 0
        }
        return identity.key
    }

    /// A register with the given reserved numbers and persons (each optionally covering voluntary organisations).
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
            obtainedAt: obtainedAt, sourceFormat: .csv)
    }

    static func wash(_ text: String, register: RegisterSnapshot = register(), policy: WashPolicy = WashPolicy()) throws -> WashedList {
        try wash(bytes: Array(text.utf8), register: register, policy: policy)
    }

    static func wash(bytes: [UInt8], register: RegisterSnapshot = register(), policy: WashPolicy = WashPolicy()) throws -> WashedList {
        try Washer(register: register, policy: policy).wash(data: Data(bytes))
    }

    /// The washing error thrown for `bytes`, if any.
    static func washError(bytes: [UInt8], policy: WashPolicy = WashPolicy()) -> WashError? {
        do {
            _ = try wash(bytes: bytes, policy: policy)
            return nil
        } catch let error as WashError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// Output text split into lines (LF; a CR before it stays on the line).
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty }
    }

    /// The reason column of each rejected data row.
    static func reasons(_ list: WashedList) -> [String] {
        lines(list.rejected).dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? "" }
    }
}

/// A deterministic random generator for property tests (SplitMix64).
struct WashSeededGenerator: RandomNumberGenerator {
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

/// A source that produces bytes without holding them (for inputs far larger than memory should hold):
/// each part's bytes repeated `times` times, parts in order.
struct WashGeneratedSource: ByteSource {
    let parts: [(bytes: [UInt8], times: Int)]
    private var part = 0
    private var repetition = 0
    private var offset = 0

    init(_ parts: [(bytes: [UInt8], times: Int)]) { self.parts = parts }

    var expectedByteCount: Int? { nil }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteIOError) -> Int {
        while part < parts.count && (repetition >= parts[part].times || parts[part].bytes.isEmpty) {
            part += 1
            repetition = 0
            offset = 0
        }
        guard part < parts.count else { return 0 }
        let bytes = parts[part].bytes
        let n = min(bytes.count - offset, buffer.count)
        let from = offset
        bytes.withUnsafeBytes {
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]).copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[from..<(from + n)]))
        }
        offset += n
        if offset == bytes.count {
            offset = 0
            repetition += 1
        }
        return n
    }

    mutating func finishSHA256() -> String { "" }
}

/// A sink that only counts (and keeps the last bytes), so huge outputs need no memory.
struct WashCountingSink: ByteSink {
    var count = 0
    var tail: [UInt8] = []

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ByteIOError) {
        count += bytes.count
        tail.append(contentsOf: bytes.suffix(64))
        if tail.count > 64 { tail.removeFirst(tail.count - 64) }
    }

    mutating func flush() throws(ByteIOError) {}
}
