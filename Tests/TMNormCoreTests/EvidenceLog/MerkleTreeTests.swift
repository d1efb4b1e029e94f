import Foundation
import Testing

@testable import TMNormCore

/// The RFC 6962 reference vectors of the Certificate Transparency implementations (the eight standard leaves,
/// the heads of trees of 1…8 of them, and inclusion and consistency proofs over them).
enum RFC6962Vectors {
    static func h(_ hex: String) -> LogHash { HexBytes.decode(Array(hex.utf8)) ?? [] }

    static let leaves: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map { h($0) }

    /// Heads of the trees of the first 1…8 leaves.
    static let roots: [LogHash] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { h($0) }

    /// (leaf index, tree size, proof).
    static let inclusion: [(UInt64, UInt64, [LogHash])] = [
        (0, 1, []),
        (
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ].map { h($0) }
        ),
        (
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ].map { h($0) }
        ),
        (2, 3, [h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]),
        (
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ].map { h($0) }
        ),
    ]

    /// (from, to, proof).
    static let consistency: [(UInt64, UInt64, [LogHash])] = [
        (1, 1, []),
        (
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ].map { h($0) }
        ),
        (
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ].map { h($0) }
        ),
        (
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ].map { h($0) }
        ),
        (
            6, 7,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ].map { h($0) }
        ),
    ]
}

/// Stored perfect nodes of a tree of the given leaves, as the server keeps them.
struct NodeStore {
    var nodes: [LogNodeID: LogHash] = [:]
    var frontier = MerkleFrontier()

    init(_ leaves: [[UInt8]]) {
        for leaf in leaves {
            for (id, hash) in frontier.append(leafHash: MerkleTree.leafHash(leaf)) { nodes[id] = hash }
        }
    }
    func lookup(_ id: LogNodeID) -> LogHash? { nodes[id] }
}

/// The RFC's recursive definition, straight from the text, to compare the stored-node version against.
func referenceRoot(_ leaves: ArraySlice<[UInt8]>) -> LogHash {
    if leaves.isEmpty { return MerkleTree.emptyRoot }
    if leaves.count == 1 { return MerkleTree.leafHash(leaves[leaves.startIndex]) }
    var k = 1
    while k * 2 < leaves.count { k *= 2 }
    let mid = leaves.startIndex + k
    return MerkleTree.nodeHash(referenceRoot(leaves[leaves.startIndex..<mid]), referenceRoot(leaves[mid...]))
}

@Suite("Evidence log: RFC 6962 Merkle tree")
struct MerkleTreeTests {
    @Test("the empty tree's head is SHA-256 of nothing")
    func empty() {
        #expect(Hex.encode(MerkleTree.emptyRoot) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleTree.root(leafHashes: []) == MerkleTree.emptyRoot)
    }

    @Test("heads of trees of 1…8 reference leaves match the RFC 6962 vectors, from the frontier and from stored nodes")
    func roots() {
        for size in 1...8 {
            let leaves = Array(RFC6962Vectors.leaves.prefix(size))
            let expected = RFC6962Vectors.roots[size - 1]
            #expect(MerkleTree.root(leafHashes: leaves.map { MerkleTree.leafHash($0) }) == expected, "size \(size)")
            let store = NodeStore(leaves)
            #expect(store.frontier.root == expected)
            #expect(MerkleProof.root(size: UInt64(size), lookup: store.lookup) == expected)
        }
    }

    @Test("a big store answers the head of every smaller size as the recursive definition does")
    func earlierHeads() {
        let leaves = (0..<70).map { [UInt8(truncatingIfNeeded: $0), 0x42] }
        let store = NodeStore(leaves)
        for size in 0...70 {
            #expect(MerkleProof.root(size: UInt64(size), lookup: store.lookup) == referenceRoot(leaves[0..<size]))
        }
    }

    @Test("inclusion proofs generated from stored nodes equal the reference vectors and verify")
    func inclusionVectors() {
        let store = NodeStore(RFC6962Vectors.leaves)
        for (index, size, proof) in RFC6962Vectors.inclusion {
            #expect(MerkleProof.inclusion(index: index, size: size, lookup: store.lookup) == proof, "\(index)@\(size)")
            let leafHash = MerkleTree.leafHash(RFC6962Vectors.leaves[Int(index)])
            let root = RFC6962Vectors.roots[Int(size) - 1]
            #expect(
                (try? MerkleProof.verifyInclusion(index: index, size: size, leafHash: leafHash, proof: proof, root: root)
                    .get()) != nil)
        }
    }

    @Test("corrupted inclusion proofs are refused: wrong index, size, leaf, root, flipped bits, extra or missing hashes")
    func inclusionCorrupted() {
        let store = NodeStore(RFC6962Vectors.leaves)
        for (index, size, proof) in RFC6962Vectors.inclusion where !proof.isEmpty {
            let leafHash = MerkleTree.leafHash(RFC6962Vectors.leaves[Int(index)])
            let root = RFC6962Vectors.roots[Int(size) - 1]
            func refused(_ i: UInt64, _ n: UInt64, _ leaf: LogHash, _ p: [LogHash], _ r: LogHash) -> Bool {
                if case .failure = MerkleProof.verifyInclusion(index: i, size: n, leafHash: leaf, proof: p, root: r) {
                    return true
                }
                return false
            }
            #expect(refused(index &+ 1, size, leafHash, proof, root))
            #expect(refused(index ^ 2, size, leafHash, proof, root))
            #expect(refused(index, size * 2, leafHash, proof, root))
            #expect(refused(index, size / 2, leafHash, proof, root))
            #expect(refused(index, size, MerkleTree.leafHash([9]), proof, root))
            #expect(refused(index, size, leafHash, proof, MerkleTree.emptyRoot))
            #expect(refused(index, size, leafHash, proof + [root], root))
            #expect(refused(index, size, leafHash, [root] + proof, root))
            #expect(refused(index, size, leafHash, Array(proof.dropLast()), root))
            #expect(refused(index, size, leafHash, proof + [[]], root))
            for i in proof.indices {
                var flipped = proof
                flipped[i][0] ^= 8
                #expect(refused(index, size, leafHash, flipped, root))
            }
            _ = store
        }
        #expect(MerkleProof.inclusion(index: 8, size: 8, lookup: store.lookup) == nil)
        #expect(MerkleProof.inclusion(index: 0, size: 0, lookup: store.lookup) == nil)
        #expect(MerkleProof.inclusion(index: 0, size: 9, lookup: store.lookup) == nil)
    }

    @Test("consistency proofs generated from stored nodes equal the reference vectors and verify")
    func consistencyVectors() {
        let store = NodeStore(RFC6962Vectors.leaves)
        for (from, to, proof) in RFC6962Vectors.consistency {
            #expect(MerkleProof.consistency(from: from, to: to, lookup: store.lookup) == proof, "\(from)→\(to)")
            let r1 = RFC6962Vectors.roots[Int(from) - 1]
            let r2 = RFC6962Vectors.roots[Int(to) - 1]
            #expect(
                (try? MerkleProof.verifyConsistency(from: from, to: to, fromRoot: r1, toRoot: r2, proof: proof).get())
                    != nil)
            guard !proof.isEmpty else { continue }
            func refused(_ m: UInt64, _ n: UInt64, _ a: LogHash, _ b: LogHash, _ p: [LogHash]) -> Bool {
                if case .failure = MerkleProof.verifyConsistency(from: m, to: n, fromRoot: a, toRoot: b, proof: p) {
                    return true
                }
                return false
            }
            #expect(refused(from - 1, to, r1, r2, proof))
            #expect(refused(from + 1, to, r1, r2, proof))
            #expect(refused(from, to * 2, r1, r2, proof))
            #expect(refused(from, to / 2, r1, r2, proof))
            #expect(refused(from, to, r2, r1, proof))
            #expect(refused(from, to, r1, r2, []))
            #expect(refused(from, to, r1, r2, proof + [r1]))
            #expect(refused(from, to, r1, r2, [proof[0]] + proof))
            #expect(refused(from, to, r1, r2, Array(proof.dropLast())))
            for i in proof.indices {
                var flipped = proof
                flipped[i][0] ^= 16
                #expect(refused(from, to, r1, r2, flipped))
            }
        }
        #expect(MerkleProof.consistency(from: 5, to: 4, lookup: store.lookup) == nil)
    }

    @Test("every inclusion and consistency proof of trees up to 40 leaves verifies against the recursive heads")
    func exhaustive() {
        let leaves = (0..<40).map { Array("leaf \($0)".utf8) }
        let store = NodeStore(leaves)
        let heads = (0...40).map { referenceRoot(leaves[0..<$0]) }
        for size in 1...40 {
            for index in 0..<size {
                let proof = MerkleProof.inclusion(index: UInt64(index), size: UInt64(size), lookup: store.lookup) ?? []
                let ok = MerkleProof.verifyInclusion(
                    index: UInt64(index), size: UInt64(size), leafHash: MerkleTree.leafHash(leaves[index]), proof: proof,
                    root: heads[size])
                #expect((try? ok.get()) != nil, "\(index)@\(size)")
            }
            for from in 0...size {
                let proof = MerkleProof.consistency(from: UInt64(from), to: UInt64(size), lookup: store.lookup) ?? [[0]]
                let ok = MerkleProof.verifyConsistency(
                    from: UInt64(from), to: UInt64(size), fromRoot: heads[from], toRoot: heads[size], proof: proof)
                #expect((try? ok.get()) != nil, "\(from)→\(size)")
            }
        }
    }

    @Test("a frontier rebuilt from stored nodes continues the tree as the original does")
    func frontierResume() {
        let leaves = (0..<23).map { [UInt8($0)] }
        let store = NodeStore(Array(leaves.prefix(13)))
        let stored = MerkleTree.perfectNodes(covering: 0..<13).compactMap(store.lookup)
        guard var resumed = MerkleFrontier(size: 13, nodes: stored) else {
            Issue.record("frontier refused")
            return
        }
        for leaf in leaves.dropFirst(13) { resumed.append(leafHash: MerkleTree.leafHash(leaf)) }
        #expect(resumed.root == referenceRoot(leaves[...]))
        #expect(MerkleFrontier(size: 13, nodes: Array(stored.dropLast())) == nil)
    }
}
