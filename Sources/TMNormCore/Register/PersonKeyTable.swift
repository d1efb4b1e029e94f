/// Sorted, distinct person keys (`PersonIdentity.key`) grouped in 2^18 buckets by their top 18 bits; a key
/// is stored as its remaining 46 bits in 6 bytes, so nothing is lost and 2.5 M persons take 15 MB
/// instead of 20 MB — what keeps a wash against a full register (12.5 MB of numbers, the persons, the
/// 12.5 MB of numbers seen, ~18 MB of runtime) within 64 MB. A lookup reads one index pair and binary
/// searches a bucket of about ten entries.
struct PersonKeyTable {
    static let entryBytes = 6
    static let remainderBits = UInt64(64 - RegisterSnapshotLayout.personIndexBits)
    static let remainderMask: UInt64 = (1 << remainderBits) - 1

    let entries: UnsafeRawPointer?
    let count: Int
    let index: UnsafeRawPointer?

    /// Section size for `count` keys: 6 bytes each plus 2 so an 8-byte load of the last entry stays inside.
    static func sectionBytes(count: Int) -> Int { count == 0 ? 0 : count * entryBytes + 2 }

    @inline(__always)
    private func remainder(_ entries: UnsafeRawPointer, at i: Int) -> UInt64 {
        entries.loadUnaligned(fromByteOffset: i &* Self.entryBytes, as: UInt64.self) & 0xFFFF_FFFF_FFFF
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        guard count > 0, let entries, let index else { return false }
        let bucket = Int(key >> Self.remainderBits)
        let wanted = key & Self.remainderMask
        var low = Int(index.load(fromByteOffset: bucket &* 4, as: UInt32.self))
        let end = Int(index.load(fromByteOffset: (bucket &+ 1) &* 4, as: UInt32.self))
        guard low < end, end <= count else { return false }
        var high = end
        while low < high {
            let mid = (low &+ high) >> 1
            if remainder(entries, at: mid) < wanted { low = mid &+ 1 } else { high = mid }
        }
        return low < end && remainder(entries, at: low) == wanted
    }

    /// Loads the key's index entry and the first entry of its bucket (see `RegisterLookup.touch`).
    @inline(__always)
    func touch(_ key: UInt64) -> UInt64 {
        guard count > 0, let entries, let index else { return 0 }
        let low = Int(index.load(fromByteOffset: Int(key >> Self.remainderBits) &* 4, as: UInt32.self))
        return low < count ? remainder(entries, at: low) : 0
    }

    /// Writes the section bytes for sorted, distinct keys into `target` (`sectionBytes(count:)` long, zeroed).
    static func pack(sortedKeys: [UInt64], into target: UnsafeMutableRawBufferPointer) {
        for (i, key) in sortedKeys.enumerated() {
            let r = key & remainderMask
            for b in 0..<entryBytes { target[i * entryBytes + b] = UInt8(truncatingIfNeeded: r >> UInt64(8 * b)) }
        }
    }

    /// The bucket index for sorted keys (2^18 + 1 entries).
    static func buildIndex(sortedKeys: [UInt64]) -> [UInt32] {
        let buckets = 1 << RegisterSnapshotLayout.personIndexBits
        var index = [UInt32](repeating: 0, count: buckets + 1)
        var position = 0
        for bucket in 0...buckets {
            while position < sortedKeys.count && Int(sortedKeys[position] >> remainderBits) < bucket { position += 1 }
            index[bucket] = UInt32(position)
        }
        return index
    }
}
