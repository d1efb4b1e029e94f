import Foundation

/// An immutable copy of the national reservation register, in the form washing needs: reserved numbers
/// as a 10^8-bit bitset and reserved persons as sorted 64-bit keys (`PersonKeyTable`), each with a subset for reservations
/// that also cover voluntary organisations. Only reservations against telephone marketing are in it.
///
/// Built from a file image without per-element decoding: loaded from disk (TMNormIO's `RegisterSnapshot.load`)
/// the image is memory-mapped, so pages are read when first touched and a wash for an ordinary campaign never
/// reads the voluntary sections.
public struct RegisterSnapshot: Sendable {
    /// Where the snapshot came from and what it holds.
    public let metadata: RegisterSnapshotMetadata
    /// The file image, byte for byte what a snapshot file holds (TMNormIO maps files into memory).
    public let image: Data
    let sections: [Range<Int>]

    /// Reads a file image; the layout is checked, the bitsets and keys are read only when looked up.
    public init(image: Data) throws(RegisterSnapshotError) {
        let (metadata, sections) = try RegisterSnapshotLayout.parse(image)
        self.metadata = metadata
        self.image = image
        self.sections = sections
    }

    /// How many leading bytes `hasSignature` needs.
    public static var signatureByteCount: Int { RegisterSnapshotLayout.magic.count }

    /// True when `head` starts with the snapshot signature (to tell a snapshot file from a register CSV).
    public static func hasSignature(_ head: some Sequence<UInt8>) -> Bool {
        Array(head.prefix(signatureByteCount)) == RegisterSnapshotLayout.magic
    }

    /// Size of the snapshot file in bytes.
    public var byteCount: Int { image.count }

    /// Whether the 8-digit number (`PhoneNumber.eightDigitKey`) is reserved against telephone marketing.
    public func containsNumber(_ key: UInt32) -> Bool { withLookup { $0.containsNumber(key, voluntary: false) } }

    /// Whether the number's reservation also covers voluntary organisations.
    public func containsVoluntaryNumber(_ key: UInt32) -> Bool { withLookup { $0.containsNumber(key, voluntary: true) } }

    /// Whether the person (`PersonIdentity.key`) is reserved against telephone marketing.
    public func containsPerson(_ key: UInt64) -> Bool { withLookup { $0.containsPerson(key, voluntary: false) } }

    /// Whether the person's reservation also covers voluntary organisations.
    public func containsVoluntaryPerson(_ key: UInt64) -> Bool { withLookup { $0.containsPerson(key, voluntary: true) } }

    /// Runs `body` with raw lookups valid only inside it (the washer's hot loop uses this once per wash).
    func withLookup<R, E: Error>(_ body: (RegisterLookup) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = image.withUnsafeBytes { raw in
            let lookup = RegisterLookup(raw: raw, sections: sections)
            do throws(E) { return .success(try body(lookup)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// Pointers into a snapshot image; valid only inside `RegisterSnapshot.withLookup`.
struct RegisterLookup {
    private let numbers: UnsafeRawPointer?
    private let voluntaryNumbers: UnsafeRawPointer?
    private let persons: PersonKeyTable
    private let voluntaryPersons: PersonKeyTable

    init(raw: UnsafeRawBufferPointer, sections: [Range<Int>]) {
        func pointer(_ section: RegisterSnapshotLayout.Section) -> UnsafeRawPointer? {
            let range = sections[section.rawValue]
            guard !range.isEmpty, let base = raw.baseAddress else { return nil }
            return base + range.lowerBound
        }
        func table(_ keys: RegisterSnapshotLayout.Section, _ index: RegisterSnapshotLayout.Section) -> PersonKeyTable {
            let bytes = sections[keys.rawValue].count
            return PersonKeyTable(
                entries: pointer(keys), count: bytes >= 2 ? (bytes - 2) / PersonKeyTable.entryBytes : 0, index: pointer(index))
        }
        numbers = pointer(.numbers)
        voluntaryNumbers = pointer(.voluntaryNumbers)
        persons = table(.persons, .personIndex)
        voluntaryPersons = table(.voluntaryPersons, .voluntaryPersonIndex)
    }

    /// True when the snapshot holds any person keys for this kind of campaign.
    func hasPersons(voluntary: Bool) -> Bool { (voluntary ? voluntaryPersons : persons).count > 0 }

    @inline(__always)
    func containsNumber(_ key: UInt32, voluntary: Bool) -> Bool {
        guard key < 100_000_000, let bits = voluntary ? voluntaryNumbers : numbers else { return false }
        let word = bits.load(fromByteOffset: Int(key >> 6) &* 8, as: UInt64.self)
        return (word >> UInt64(key & 63)) & 1 != 0
    }

    /// Loads the memory a later `containsNumber`/`containsPerson` will read, without deciding anything: the
    /// washer touches a whole batch first so the cache misses overlap instead of queueing.
    @inline(__always)
    func touch(number key: UInt32, person: UInt64?, voluntary: Bool) -> UInt64 {
        var sum: UInt64 = 0
        if key < 100_000_000, let bits = voluntary ? voluntaryNumbers : numbers {
            sum &+= bits.load(fromByteOffset: Int(key >> 6) &* 8, as: UInt64.self)
        }
        if let person { sum &+= (voluntary ? voluntaryPersons : persons).touch(person) }
        return sum
    }

    @inline(__always)
    func containsPerson(_ key: UInt64, voluntary: Bool) -> Bool {
        (voluntary ? voluntaryPersons : persons).contains(key)
    }
}
