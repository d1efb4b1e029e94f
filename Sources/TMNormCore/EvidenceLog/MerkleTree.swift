import Crypto

/// A SHA-256 hash of the evidence log: 32 bytes.
public typealias LogHash = [UInt8]

/// RFC 6962 / RFC 9162 Merkle tree hashing and the tree's shape, with no storage of its own.
///
/// The log stores only *perfect* subtrees (2^level leaves starting at a multiple of 2^level), which never
/// change once complete. Every subtree the RFC's tree shape uses for a head or a proof starts at a multiple
/// of the largest power of two not above its size, so it is a right fold of a few perfect subtrees
/// (`perfectNodes(covering:)`); nothing needs the leaves again once their perfect nodes are stored.
public enum MerkleTree {
    /// SHA-256 of the empty string: the head of the empty tree.
    public static let emptyRoot: LogHash = Array(SHA256.hash(data: [UInt8]()))

    /// SHA-256(0x00 ‖ leaf).
    public static func leafHash(_ leaf: some Sequence<UInt8>) -> LogHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(leaf))
        return Array(hasher.finalize())
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: LogHash, _ right: LogHash) -> LogHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }

    /// The largest power of two strictly below `n` (n ≥ 2): where the RFC splits a tree of n leaves.
    @inline(__always) static func split(_ n: UInt64) -> UInt64 {
        1 << (63 - (n - 1).leadingZeroBitCount)
    }

    /// The perfect subtrees that make up the leaves `range`, left to right, largest first. Only meaningful
    /// for ranges the tree shape produces (start aligned to the largest power of two within the size).
    public static func perfectNodes(covering range: Range<UInt64>) -> [LogNodeID] {
        var nodes: [LogNodeID] = []
        var start = range.lowerBound
        while start < range.upperBound {
            let remaining = range.upperBound - start
            var level = 63 - remaining.leadingZeroBitCount
            // A start not aligned to that size (never produced by the RFC's shape) falls back to smaller nodes.
            while level > 0 && start & ((1 << UInt64(level)) - 1) != 0 { level -= 1 }
            nodes.append(LogNodeID(level: level, index: start >> UInt64(level)))
            start += 1 << UInt64(level)
        }
        return nodes
    }

    /// The RFC hash of a subtree from its perfect nodes' hashes (as listed by `perfectNodes`): a right fold.
    public static func foldPerfect(_ hashes: [LogHash]) -> LogHash? {
        guard var result = hashes.last else { return nil }
        for hash in hashes.dropLast().reversed() { result = nodeHash(hash, result) }
        return result
    }

    /// The subtrees (leaf ranges) whose hashes form the inclusion proof of leaf `index` in a tree of `size`,
    /// in proof order (nearest the leaf first). Nil when `index` is not below `size`.
    public static func inclusionRanges(index: UInt64, size: UInt64) -> [Range<UInt64>]? {
        guard index < size else { return nil }
        var ranges: [Range<UInt64>] = []
        var start: UInt64 = 0
        var end = size
        var m = index
        // PATH(m, D[start:end]) collected top-down, reversed at the end.
        while end - start > 1 {
            let k = split(end - start)
            if m < k {
                ranges.append((start + k)..<end)
                end = start + k
            } else {
                ranges.append(start..<(start + k))
                start += k
                m -= k
            }
        }
        return ranges.reversed()
    }

    /// The subtrees whose hashes form the consistency proof from a tree of `from` leaves to one of `to`
    /// (RFC 6962 PROOF / SUBPROOF), in proof order. Empty when `from` is 0 or equals `to`; nil when
    /// `from > to`.
    public static func consistencyRanges(from: UInt64, to: UInt64) -> [Range<UInt64>]? {
        guard from <= to else { return nil }
        guard from > 0, from < to else { return [] }
        var ranges: [Range<UInt64>] = []
        var start: UInt64 = 0
        var end = to
        var m = from
        var complete = true
        while true {
            let n = end - start
            if m == n {
                if !complete { ranges.append(start..<end) }
                break
            }
            let k = split(n)
            if m <= k {
                ranges.append((start + k)..<end)
                end = start + k
            } else {
                ranges.append(start..<(start + k))
                start += k
                m -= k
                complete = false
            }
        }
        return ranges.reversed()
    }

    /// The root of the leaves' hashes, computed directly (for tests, audits and small trees).
    public static func root(leafHashes: [LogHash]) -> LogHash {
        guard !leafHashes.isEmpty else { return emptyRoot }
        var frontier = MerkleFrontier()
        for hash in leafHashes { frontier.append(leafHash: hash) }
        return frontier.root
    }
}

/// A perfect subtree: the 2^level leaves from index·2^level.
public struct LogNodeID: Hashable, Sendable, Comparable {
    public let level: Int
    public let index: UInt64

    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// The leaves it covers.
    public var leaves: Range<UInt64> { (index << UInt64(level))..<((index + 1) << UInt64(level)) }

    public static func < (a: LogNodeID, b: LogNodeID) -> Bool { (a.level, a.index) < (b.level, b.index) }
}

/// The right edge of a growing tree: the perfect subtrees of its size's binary decomposition. Appending a
/// leaf yields the perfect nodes it completes (to be stored) and keeps the head without rereading anything.
public struct MerkleFrontier: Sendable, Equatable {
    /// Number of leaves.
    public private(set) var size: UInt64 = 0
    /// The perfect subtrees of `size`, largest (leftmost) first.
    public private(set) var nodes: [LogHash] = []

    public init() {}

    /// A frontier from stored hashes: `nodes` are the hashes of `MerkleTree.perfectNodes(covering: 0..<size)`.
    public init?(size: UInt64, nodes: [LogHash]) {
        guard MerkleTree.perfectNodes(covering: 0..<size).count == nodes.count, nodes.allSatisfy({ $0.count == 32 })
        else { return nil }
        self.size = size
        self.nodes = nodes
    }

    /// Appends one leaf by its leaf hash; returns every perfect node it completes (level 0 first).
    @discardableResult
    public mutating func append(leafHash: LogHash) -> [(LogNodeID, LogHash)] {
        var completed: [(LogNodeID, LogHash)] = [(LogNodeID(level: 0, index: size), leafHash)]
        var hash = leafHash
        var index = size
        var level = 0
        while index & 1 == 1, let left = nodes.popLast() {
            hash = MerkleTree.nodeHash(left, hash)
            index >>= 1
            level += 1
            completed.append((LogNodeID(level: level, index: index), hash))
        }
        nodes.append(hash)
        size += 1
        return completed
    }

    /// The tree head.
    public var root: LogHash { MerkleTree.foldPerfect(nodes) ?? MerkleTree.emptyRoot }
}
