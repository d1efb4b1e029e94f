/// What is wrong at one point of an evidence chain.
public enum EvidenceProblem: Sendable, Hashable, CustomStringConvertible {
    /// The entry belongs to another sale (moved between chains).
    case wrongSale(found: String)
    /// The sequence number is not the next one: an entry was removed or the order changed.
    case sequenceGap(expected: Int, found: Int)
    /// The entry does not point at the hash of the entry before it.
    case previousHashMismatch
    /// The entry's fields no longer give its hash: it was altered.
    case entryHashMismatch
    /// The time is earlier than the previous entry's.
    case timeWentBackwards
    /// The chain ends elsewhere than the head the sale recorded: entries were cut off the end (index = count).
    case headMismatch(expected: String, found: String)

    public var description: String {
        switch self {
        case .wrongSale(let found): "the entry belongs to sale \(found)"
        case .sequenceGap(let expected, let found): "sequence \(found) where \(expected) was expected: an entry was removed or moved"
        case .previousHashMismatch: "the entry does not link to the previous entry"
        case .entryHashMismatch: "the entry was altered: its hash does not match its content"
        case .timeWentBackwards: "the entry is dated before the previous one"
        case .headMismatch(let expected, let found): "the chain ends at \(found), but the sale recorded \(expected): entries are missing at the end"
        }
    }
}

/// The verdict on a chain: intact (with its head hash), or broken at the first bad index.
public enum EvidenceVerification: Sendable, Hashable {
    case intact(count: Int, headHash: String)
    case broken(index: Int, problem: EvidenceProblem)

    /// True for an intact chain.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }
}

/// Verifies a sale's evidence chain in stored order.
public enum EvidenceChainVerifier {
    /// Checks sale, sequence, links, hashes and time order entry by entry; with `expectedHead` (the last
    /// hash the sale row recorded) it also detects entries cut off the end.
    public static func verify(_ entries: [EvidenceEntry], saleID: String, expectedHead: String? = nil) -> EvidenceVerification {
        var previousHash = EvidenceEntry.genesisHash
        var previousTime = Int64.min
        for (index, entry) in entries.enumerated() {
            if entry.saleID != saleID { return .broken(index: index, problem: .wrongSale(found: entry.saleID)) }
            if entry.sequence != index { return .broken(index: index, problem: .sequenceGap(expected: index, found: entry.sequence)) }
            if !ConfirmationHashing.constantTimeEquals(entry.computedHash, entry.entryHash) {
                return .broken(index: index, problem: .entryHashMismatch)
            }
            if entry.previousHash != previousHash { return .broken(index: index, problem: .previousHashMismatch) }
            if entry.atMilliseconds < previousTime { return .broken(index: index, problem: .timeWentBackwards) }
            previousHash = entry.entryHash
            previousTime = entry.atMilliseconds
        }
        if let expectedHead, expectedHead != previousHash {
            return .broken(index: entries.count, problem: .headMismatch(expected: expectedHead, found: previousHash))
        }
        return .intact(count: entries.count, headHash: previousHash)
    }
}
