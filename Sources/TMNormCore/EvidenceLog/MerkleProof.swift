/// Checking inclusion and consistency proofs (RFC 9162 §2.1.3.2 and §2.1.4.2). Pure functions over
/// hashes: a proof that does not fit its sizes is refused, never trapped on.
public enum MerkleProof {
    /// Why a proof was refused.
    public enum Failure: Error, Equatable, Sendable {
        case indexOutOfRange
        case sizesOutOfOrder
        case wrongLength
        case badHashLength
        case rootMismatch
    }

    /// The root an inclusion proof leads to, or why it cannot lead anywhere.
    public static func rootFromInclusion(index: UInt64, size: UInt64, leafHash: LogHash, proof: [LogHash])
        -> Result<LogHash, Failure>
    {
        guard index < size else { return .failure(.indexOutOfRange) }
        guard leafHash.count == 32, proof.allSatisfy({ $0.count == 32 }) else { return .failure(.badHashLength) }
        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { return .failure(.wrongLength) }
            if fn & 1 == 1 || fn == sn {
                r = MerkleTree.nodeHash(p, r)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = MerkleTree.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { return .failure(.wrongLength) }
        return .success(r)
    }

    /// Checks that leaf `index` with `leafHash` is in the tree of `size` with head `root`.
    public static func verifyInclusion(index: UInt64, size: UInt64, leafHash: LogHash, proof: [LogHash], root: LogHash)
        -> Result<Void, Failure>
    {
        switch rootFromInclusion(index: index, size: size, leafHash: leafHash, proof: proof) {
        case .failure(let failure): return .failure(failure)
        case .success(let computed): return computed == root ? .success(()) : .failure(.rootMismatch)
        }
    }

    /// Checks that the tree of `from` leaves with head `fromRoot` is a prefix of the tree of `to` leaves with
    /// head `toRoot`.
    public static func verifyConsistency(
        from: UInt64, to: UInt64, fromRoot: LogHash, toRoot: LogHash, proof: [LogHash]
    ) -> Result<Void, Failure> {
        guard from <= to else { return .failure(.sizesOutOfOrder) }
        guard proof.allSatisfy({ $0.count == 32 }) else { return .failure(.badHashLength) }
        if from == to {
            guard proof.isEmpty else { return .failure(.wrongLength) }
            return fromRoot == toRoot ? .success(()) : .failure(.rootMismatch)
        }
        if from == 0 { return proof.isEmpty ? .success(()) : .failure(.wrongLength) }
        guard !proof.isEmpty else { return .failure(.wrongLength) }
        var path = proof
        if from & (from - 1) == 0 { path.insert(fromRoot, at: 0) }
        var fn = from - 1
        var sn = to - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { return .failure(.wrongLength) }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleTree.nodeHash(c, fr)
                sr = MerkleTree.nodeHash(c, sr)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { return .failure(.wrongLength) }
        guard fr == fromRoot, sr == toRoot else { return .failure(.rootMismatch) }
        return .success(())
    }

    /// An inclusion proof assembled from stored perfect-node hashes (`lookup` answers every node of
    /// `MerkleTree.perfectNodes` for the proof's ranges). Nil when the index is out of range or a node is missing.
    public static func inclusion(index: UInt64, size: UInt64, lookup: (LogNodeID) -> LogHash?) -> [LogHash]? {
        guard let ranges = MerkleTree.inclusionRanges(index: index, size: size) else { return nil }
        return hashes(of: ranges, lookup: lookup)
    }

    /// A consistency proof assembled from stored perfect-node hashes; nil when `from > to` or a node is missing.
    public static func consistency(from: UInt64, to: UInt64, lookup: (LogNodeID) -> LogHash?) -> [LogHash]? {
        guard let ranges = MerkleTree.consistencyRanges(from: from, to: to) else { return nil }
        return hashes(of: ranges, lookup: lookup)
    }

    /// The head of a tree of `size` leaves from stored perfect-node hashes.
    public static func root(size: UInt64, lookup: (LogNodeID) -> LogHash?) -> LogHash? {
        size == 0 ? MerkleTree.emptyRoot : hashes(of: [0..<size], lookup: lookup)?.first
    }

    /// Every perfect node the ranges need (to fetch them in one query).
    public static func nodesNeeded(for ranges: [Range<UInt64>]) -> Set<LogNodeID> {
        Set(ranges.flatMap { MerkleTree.perfectNodes(covering: $0) })
    }

    static func hashes(of ranges: [Range<UInt64>], lookup: (LogNodeID) -> LogHash?) -> [LogHash]? {
        var out: [LogHash] = []
        out.reserveCapacity(ranges.count)
        for range in ranges {
            var parts: [LogHash] = []
            for node in MerkleTree.perfectNodes(covering: range) {
                guard let hash = lookup(node) else { return nil }
                parts.append(hash)
            }
            guard let hash = MerkleTree.foldPerfect(parts) else { return nil }
            out.append(hash)
        }
        return out
    }
}
