import Foundation
import FuzzSupport
@testable import TMNormCore

/// Reading a register snapshot file that may be damaged (RegisterSnapshotLayout.parse and the lookups
/// over what it accepted).
///
/// Input: a mode byte, then either (mode even) a whole file image, or (mode odd) patches — pairs of a
/// 3-byte offset and a byte — applied to a real snapshot of three persons, so damage can reach the
/// person index and keys, which are too large (1 MB) for a fuzzer to write from scratch. Properties:
/// - a damaged file is refused with an error or accepted; when accepted, every section lies inside the
///   file, bitsets have their exact size, and lookups of any person or number key stay inside the image
///   (AddressSanitizer);
/// - the undamaged snapshot finds exactly the persons that were added.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let payload = UnsafeBufferPointer(start: data + 1, count: size - 1)
    var image: Data
    if data[0] & 1 == 0 {
        image = Data(payload)
    } else {
        image = Fixture.image
        image.withUnsafeMutableBytes { raw in
            var i = 0
            while i + 4 <= payload.count {
                let offset = (Int(payload[i]) | Int(payload[i + 1]) << 8 | Int(payload[i + 2]) << 16) % raw.count
                raw[offset] = payload[i + 3]
                i += 4
            }
        }
    }
    let snapshot: RegisterSnapshot
    do {
        snapshot = try RegisterSnapshot(image: image)
    } catch {
        require(!error.description.isEmpty && !error.norwegian.isEmpty, "empty error text")
        return 0
    }
    require(snapshot.sections.count == RegisterSnapshotLayout.sectionCount, "section count")
    for range in snapshot.sections {
        require(range.lowerBound >= 0 && range.upperBound <= image.count, "section \(range) outside \(image.count) bytes")
    }
    for section in [RegisterSnapshotLayout.Section.numbers, .voluntaryNumbers] {
        let count = snapshot.sections[section.rawValue].count
        require(count == 0 || count == RegisterSnapshotLayout.bitsetBytes, "bitset of \(count) bytes accepted")
    }
    // Keys to look up: the fixture's, and keys made of the input.
    var personKeys = Fixture.persons
    var numberKeys = Fixture.numbers + [0, 99_999_999, 100_000_000, UInt32.max]
    var i = 0
    while i + 8 <= payload.count {
        var key: UInt64 = 0
        for k in 0..<8 { key = key << 8 | UInt64(payload[i + k]) }
        personKeys.append(key)
        numberKeys.append(UInt32(truncatingIfNeeded: key))
        i += 8
    }
    for key in personKeys {
        _ = snapshot.containsPerson(key)
        _ = snapshot.containsVoluntaryPerson(key)
        _ = snapshot.withLookup { $0.touch(number: 0, person: key, voluntary: false) &+ $0.touch(number: 0, person: key, voluntary: true) }
    }
    for key in numberKeys {
        _ = snapshot.containsNumber(key)
        _ = snapshot.containsVoluntaryNumber(key)
        _ = snapshot.withLookup { $0.touch(number: key, person: nil, voluntary: false) }
    }
    if data[0] & 1 == 1 && payload.count < 4 {
        // Undamaged: exactly what was added.
        require(Fixture.persons.allSatisfy(snapshot.containsPerson), "a person is missing")
        require(
            personKeys.dropFirst(Fixture.persons.count).allSatisfy { Fixture.persons.contains($0) || !snapshot.containsPerson($0) },
            "a person that was never added")
    }
    return 0
}

enum Fixture {
    static let numbers: [UInt32] = [91_234_567, 41_234_567, 22_334_455, 99_999_999]
    static let persons: [UInt64] = [0x0000_0000_0000_0001, 0xFFFF_FFFF_FFFF_FFFF, 0x1234_5678_9ABC_DEF0]
    /// Numbers are left out: their 12.5 MB bitset would make every run copy it.
    static let image: Data = {
        var builder = RegisterSnapshotBuilder()
        for key in persons { builder.addPerson(key, voluntary: key != 1) }
        return builder.build(
            id: "fuzz", sourceFileName: "fuzz.csv", sourceSHA256: String(repeating: "0", count: 64),
            obtainedAt: Date(timeIntervalSince1970: 1_780_000_000), sourceFormat: .csv
        ).image
    }()
}
