/// A read-only set of integer keys (phone keys or person keys) for block lists and exemptions: a sorted
/// array behind a 2^16-bit filter, so the usual miss costs one load and the set stays small.
struct WashKeySet<Key: FixedWidthInteger & Sendable>: Sendable {
    private let sorted: [Key]
    private let filter: [UInt64]

    init(_ keys: some Sequence<Key>) {
        sorted = Array(Set(keys)).sorted()
        var filter = [UInt64](repeating: 0, count: sorted.isEmpty ? 0 : 1024)
        for key in sorted {
            let bit = Self.filterBit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    var isEmpty: Bool { sorted.isEmpty }
    var count: Int { sorted.count }

    @inline(__always)
    private static func filterBit(_ key: Key) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    @inline(__always)
    func contains(_ key: Key) -> Bool {
        guard !sorted.isEmpty else { return false }
        let bit = Self.filterBit(key)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == key
    }
}
