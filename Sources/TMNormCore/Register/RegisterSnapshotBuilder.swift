import Foundation

/// Collects reservations and produces a `RegisterSnapshot`.
public struct RegisterSnapshotBuilder: Sendable {
    private var numbers: [UInt64]
    private var voluntaryNumbers: [UInt64] = []
    private var persons: [UInt64] = []
    private var voluntaryPersons: [UInt64] = []

    public init() {
        numbers = [UInt64](repeating: 0, count: RegisterSnapshotLayout.bitsetWords)
    }

    /// Adds a reserved 8-digit number (`PhoneNumber.eightDigitKey`); `voluntary` when the reservation
    /// also covers voluntary organisations.
    public mutating func addNumber(_ key: UInt32, voluntary: Bool) {
        guard key < 100_000_000 else { return }
        numbers[Int(key >> 6)] |= 1 << UInt64(key & 63)
        if voluntary {
            if voluntaryNumbers.isEmpty {
                voluntaryNumbers = [UInt64](repeating: 0, count: RegisterSnapshotLayout.bitsetWords)
            }
            voluntaryNumbers[Int(key >> 6)] |= 1 << UInt64(key & 63)
        }
    }

    /// Adds a reserved person (`PersonIdentity.key`).
    public mutating func addPerson(_ key: UInt64, voluntary: Bool) {
        persons.append(key)
        if voluntary { voluntaryPersons.append(key) }
    }

    /// The snapshot; `metadata` counts are filled in here. The person keys are sorted in place and packed
    /// straight into the image (no sorted, distinct or packed copies: a 2.5 M-person build peaked at 207 MB).
    public mutating func build(
        id: String, sourceFileName: String, sourceSHA256: String, obtainedAt: Date, sourceFormat: RegisterSourceFormat,
        obtainedAtBasis: RegisterDateBasis? = nil
    ) -> RegisterSnapshot {
        typealias S = RegisterSnapshotLayout.Section
        Self.sortDistinct(&persons)
        Self.sortDistinct(&voluntaryPersons)
        let sortedPersons = persons
        let sortedVoluntary = voluntaryPersons
        let numberCount = numbers.reduce(0) { $0 + $1.nonzeroBitCount }
        let voluntaryNumberCount = voluntaryNumbers.reduce(0) { $0 + $1.nonzeroBitCount }
        var metadata = RegisterSnapshotMetadata(
            id: id, sourceFileName: sourceFileName, sourceSHA256: sourceSHA256, obtainedAt: obtainedAt,
            sourceFormat: sourceFormat, numberCount: numberCount, personCount: sortedPersons.count,
            voluntaryNumberCount: voluntaryNumberCount, voluntaryPersonCount: sortedVoluntary.count)
        metadata.obtainedAtBasis = obtainedAtBasis
        var words: [S: [UInt64]] = [:]
        var indices: [S: [UInt32]] = [:]
        var keys: [S: [UInt64]] = [:]
        if numberCount > 0 { words[.numbers] = numbers }
        if voluntaryNumberCount > 0 { words[.voluntaryNumbers] = voluntaryNumbers }
        if !sortedPersons.isEmpty {
            keys[.persons] = sortedPersons
            indices[.personIndex] = PersonKeyTable.buildIndex(sortedKeys: sortedPersons)
        }
        if !sortedVoluntary.isEmpty {
            keys[.voluntaryPersons] = sortedVoluntary
            indices[.voluntaryPersonIndex] = PersonKeyTable.buildIndex(sortedKeys: sortedVoluntary)
        }
        let image = RegisterSnapshotLayout.image(metadata: metadata, words: words, indices: indices, personKeys: keys)
        do {
            return try RegisterSnapshot(image: image)
        } catch {
            // The image was laid out just above by the same code that checks it.
            preconditionFailure("freshly built register snapshot does not parse: \(error)")
        }
    }

    /// Sorts and removes repeats in place.
    private static func sortDistinct(_ keys: inout [UInt64]) {
        keys.sort()
        var kept = 0
        for i in keys.indices where kept == 0 || keys[kept - 1] != keys[i] {
            keys[kept] = keys[i]
            kept += 1
        }
        keys.removeSubrange(kept...)
    }
}
