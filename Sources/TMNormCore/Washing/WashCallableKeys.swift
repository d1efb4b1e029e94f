import Foundation

/// The phone keys (8-digit national numbers) that came out callable from one wash: what may-call checks a
/// number against, since only a wash matched the number's person against the register. Sorted, so a lookup
/// is a binary search in memory, and stored next to the wash's files as `callable.keys`.
public struct WashCallableKeys: Sendable, Equatable {
    public let sorted: [UInt32]

    public init(_ keys: some Sequence<UInt32>) {
        sorted = Array(Set(keys)).sorted()
    }

    private init(alreadySorted: [UInt32]) {
        sorted = alreadySorted
    }

    public var count: Int { sorted.count }

    public func contains(_ key: UInt32) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) >> 1
            if sorted[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == key
    }

    /// "TMNK", version 1, the count, then each key; all little-endian 32-bit.
    static let magic: [UInt8] = Array("TMNK".utf8)

    public func serialized() -> [UInt8] {
        var bytes = Self.magic
        bytes.reserveCapacity(12 + sorted.count * 4)
        func append(_ value: UInt32) {
            bytes.append(UInt8(truncatingIfNeeded: value))
            bytes.append(UInt8(truncatingIfNeeded: value >> 8))
            bytes.append(UInt8(truncatingIfNeeded: value >> 16))
            bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        }
        append(1)
        append(UInt32(sorted.count))
        for key in sorted { append(key) }
        return bytes
    }

    /// Parses `serialized()`; nil for anything else (wrong magic or version, a count that does not match the
    /// length, keys out of order). Never traps.
    public init?(serialized bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        guard array.count >= 12, Array(array[0..<4]) == Self.magic else { return nil }
        func word(_ offset: Int) -> UInt32 {
            UInt32(array[offset]) | UInt32(array[offset + 1]) << 8 | UInt32(array[offset + 2]) << 16 | UInt32(array[offset + 3]) << 24
        }
        guard word(4) == 1 else { return nil }
        let count = Int(word(8))
        guard array.count == 12 + count * 4 else { return nil }
        var keys: [UInt32] = []
        keys.reserveCapacity(count)
        for index in 0..<count {
            let key = word(12 + index * 4)
            if let last = keys.last, key <= last { return nil }
            keys.append(key)
        }
        self.init(alreadySorted: keys)
    }
}
