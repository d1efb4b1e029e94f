import Crypto
import Foundation
import Testing

@testable import TMNormCore

@Suite("Evidence log: signed notes, checkpoints, proof bundles and leaves")
struct SignedNoteTests {
    static let signer = NoteSigner(name: "tmnorm.test/log", seed: Array(repeating: 7, count: 32))

    @Test("the key id is the first four bytes of SHA-256(name ‖ LF ‖ 0x01 ‖ public key) and keys round-trip")
    func keyEncoding() throws {
        let signer = try #require(Self.signer)
        let publicKey = Array(signer.verifier.publicKey.rawRepresentation)
        let expected = Array(SHA256.hash(data: Array("tmnorm.test/log".utf8) + [0x0A, 0x01] + publicKey).prefix(4))
        #expect(signer.verifier.keyID == expected)
        let text = signer.verifier.encoded
        #expect(text.hasPrefix("tmnorm.test/log+\(Hex.encode(expected))+"))
        #expect(try NoteVerifier.parse(text).get().keyID == expected)
        let again = try NoteSigner.parse(signer.encoded).get()
        #expect(again.verifier.encoded == text)
        #expect(signer.encoded.hasPrefix("PRIVATE+KEY+tmnorm.test/log+"))
    }

    @Test("keys whose base64 holds plus signs parse: only the first separators split")
    func plusInBase64() throws {
        var tried = 0
        for byte in UInt8(0)...UInt8(255) {
            let signer = try #require(NoteSigner(name: "log", seed: Array(repeating: byte, count: 32)))
            let verifierText = signer.verifier.encoded
            guard verifierText.split(separator: "+").count > 3 || signer.encoded.split(separator: "+").count > 5 else { continue }
            tried += 1
            #expect(try NoteVerifier.parse(verifierText).get().encoded == verifierText)
            #expect(try NoteSigner.parse(signer.encoded).get().encoded == signer.encoded)
        }
        #expect(tried > 10)
    }

    @Test("a known Go note verifier key parses with its key id (the signed-note spec's example)")
    func goExample() throws {
        // From the C2SP signed-note spec / golang.org/x/mod/sumdb/note documentation.
        let text = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        let verifier = try NoteVerifier.parse(text).get()
        #expect(verifier.name == "PeterNeumann")
        #expect(verifier.encoded == text)
        #expect((try? NoteVerifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").get()) == nil)
    }

    @Test("a checkpoint signs, encodes in the C2SP layout and verifies; a changed byte or other key does not")
    func checkpointRoundTrip() throws {
        let signer = try #require(Self.signer)
        let checkpoint = Checkpoint(origin: signer.name, size: 8, root: RFC6962Vectors.roots[7])
        let note = try signer.sign(checkpoint.text)
        let text = note.encoded
        #expect(text.hasPrefix("tmnorm.test/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"))
        #expect(text.contains("\n\n\u{2014} tmnorm.test/log "))
        #expect(text.hasSuffix("\n"))
        let (_, parsed) = try Checkpoint.verify(note: Array(text.utf8), verifier: signer.verifier).get()
        #expect(parsed == checkpoint)
        let forged = text.replacingOccurrences(of: "\n8\n", with: "\n9\n")
        #expect((try? Checkpoint.verify(note: Array(forged.utf8), verifier: signer.verifier).get()) == nil)
        let other = try #require(NoteSigner(name: "tmnorm.test/log", seed: Array(repeating: 8, count: 32)))
        #expect((try? Checkpoint.verify(note: Array(text.utf8), verifier: other.verifier).get()) == nil)
    }

    @Test("malformed checkpoints and notes are refused with a reason, never a trap")
    func malformed() {
        let inputs = [
            "", "\n", "\n\n", "a\n1\n\n", "a\n01\nAAAA\n\n— a AAAA\n", "a\n1\nnot base64\n\n— x AAAAAAAA\n",
            "a\n99999999999999999999\nAAAA\n", "a\n1\n" + String(repeating: "A", count: 43) + "=\n\n— a\n",
            "text\n\n— name +++\n", "text\n\nno dash\n", "te\u{1}xt\n\n— a AAAAAAAA\n",
        ]
        for input in inputs {
            if case .success = Checkpoint.parse(input) { Issue.record("checkpoint accepted: \(input)") }
            if case .success(let note) = SignedNote.parse(Array(input.utf8)), case .success = Checkpoint.parse(note.text) {
                Issue.record("note accepted: \(input)")
            }
        }
        #expect(SignedNote.parse([0xFF, 0x0A, 0x0A]) == .failure(.malformed("not UTF-8")))
        #expect(SignedNote.parse([UInt8](repeating: 0x0A, count: SignedNote.maxBytes + 1)) == .failure(.tooLarge))
        #expect((try? NoteVerifier.parse("").get()) == nil)
        #expect((try? NoteVerifier.parse("a+b+c+d").get()) == nil)
        #expect((try? NoteSigner.parse("PRIVATE+KEY+a+00000000+AAAA").get()) == nil)
    }

    @Test("a proof bundle round-trips and verifies offline; a tampered leaf, proof or checkpoint is refused")
    func proofBundle() throws {
        let signer = try #require(Self.signer)
        let store = NodeStore(RFC6962Vectors.leaves)
        let note = try signer.sign(Checkpoint(origin: signer.name, size: 8, root: store.frontier.root).text)
        let proof = try #require(MerkleProof.inclusion(index: 5, size: 8, lookup: store.lookup))
        let bundle = ProofBundle(leaf: RFC6962Vectors.leaves[5], index: 5, proof: proof, checkpoint: note)
        let parsed = try ProofBundle.parse(Array(bundle.encoded.utf8)).get()
        #expect(parsed == bundle)
        #expect((try? parsed.verify(signer.verifier).get())?.size == 8)
        let wrongLeaf = ProofBundle(leaf: [1, 2, 3], index: 5, proof: proof, checkpoint: note)
        #expect(wrongLeaf.verify(signer.verifier) == .failure(.proof(.rootMismatch)))
        let wrongIndex = ProofBundle(leaf: RFC6962Vectors.leaves[5], index: 4, proof: proof, checkpoint: note)
        #expect(wrongIndex.verify(signer.verifier) == .failure(.proof(.rootMismatch)))
        let tamperedNote = SignedNote(text: note.text.replacingOccurrences(of: "\n8\n", with: "\n7\n"), signatures: note.signatures)
        let wrongHead = ProofBundle(leaf: RFC6962Vectors.leaves[5], index: 5, proof: proof, checkpoint: tamperedNote)
        #expect(wrongHead.verify(signer.verifier) == .failure(.checkpoint(.badSignature)))
        for bad in ["", "x\n\n", ProofBundle.header + "\nleaf !\nindex 1\n\n", ProofBundle.header + "\nleaf AA==\nindex -1\n\n"] {
            #expect((try? ProofBundle.parse(Array(bad.utf8)).get()) == nil)
        }
    }

    @Test("a leaf is canonical JSON: sorted keys, lower-case UUIDs, UTC milliseconds; free text is refused")
    func leaf() throws {
        let id = try #require(UUID(uuidString: "6F1B3C2E-0A4D-4E55-9A1B-2C3D4E5F6071"))
        let hash = String(repeating: "ab", count: 32)
        let leaf = try EvidenceLeaf(
            kind: "sale_evidence",
            fields: [
                "sale": .id(id), "at": .time(Date(timeIntervalSince1970: 1_786_000_000.5)), "seq": .integer(3),
                "text_sha256": .sha256(hash), "event": .code("offer_sent"),
            ])
        #expect(
            String(decoding: leaf.bytes, as: UTF8.self)
                == "{\"at\":\"2026-08-06T07:06:40.500Z\",\"event\":\"offer_sent\",\"kind\":\"sale_evidence\","
                + "\"sale\":\"6f1b3c2e-0a4d-4e55-9a1b-2c3d4e5f6071\",\"seq\":3,\"text_sha256\":\"\(hash)\"}")
        #expect(throws: EvidenceLeaf.Problem.badValue("event")) {
            try EvidenceLeaf(kind: "x", fields: ["event": .code("Ola Nordmann")])
        }
        #expect(throws: EvidenceLeaf.Problem.badValue("phone")) {
            try EvidenceLeaf(kind: "x", fields: ["phone": .phoneKey("41234567")])
        }
        #expect(throws: EvidenceLeaf.Problem.badKey("Name")) { try EvidenceLeaf(kind: "x", fields: ["Name": .integer(1)]) }
        #expect(EvidenceLeaf.utc(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(EvidenceLeaf.utc(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }
}

@Suite("Evidence log: the witness")
struct WitnessTests {
    func refusal(_ result: Result<Void, Witness.Refusal>) -> Witness.Refusal? {
        if case .failure(let refusal) = result { return refusal }
        return nil
    }

    static let origin = "tmnorm.test/log"
    static func head(_ store: NodeStore, _ size: UInt64) -> Checkpoint {
        Checkpoint(origin: origin, size: size, root: MerkleProof.root(size: size, lookup: store.lookup) ?? [])
    }

    @Test("a grown log with a valid consistency proof is accepted; the first checkpoint is taken on trust")
    func accepts() {
        let store = NodeStore(RFC6962Vectors.leaves)
        let proof = MerkleProof.consistency(from: 3, to: 7, lookup: store.lookup) ?? []
        #expect((try? Witness.check(seen: Self.head(store, 3), new: Self.head(store, 7), proof: proof).get()) != nil)
        #expect((try? Witness.check(seen: nil, new: Self.head(store, 7), proof: []).get()) != nil)
        #expect((try? Witness.check(seen: Self.head(store, 7), new: Self.head(store, 7), proof: []).get()) != nil)
    }

    @Test("a rollback, a same-size other root, a tree that does not extend the one seen, and another log are refused")
    func refuses() {
        let store = NodeStore(RFC6962Vectors.leaves)
        var forkedLeaves = RFC6962Vectors.leaves
        forkedLeaves[1] = [0xFF]
        let forked = NodeStore(forkedLeaves)
        #expect(refusal(Witness.check(seen: Self.head(store, 7), new: Self.head(store, 5), proof: [])) == .rollback(seen: 7, now: 5))
        if case .failure(.fork) = Witness.check(seen: Self.head(store, 5), new: Self.head(forked, 5), proof: []) {
        } else {
            Issue.record("same size, other root accepted")
        }
        let forkProof = MerkleProof.consistency(from: 3, to: 8, lookup: forked.lookup) ?? []
        if case .failure(.fork) = Witness.check(seen: Self.head(store, 3), new: Self.head(forked, 8), proof: forkProof) {
        } else {
            Issue.record("a forked tree accepted")
        }
        let other = Checkpoint(origin: "other/log", size: 8, root: store.frontier.root)
        #expect(refusal(Witness.check(seen: Self.head(store, 3), new: other, proof: [])) == .otherLog("other/log"))
    }

    @Test("a cosignature signs 'cosignature/v1', the time and the checkpoint with the witness key id (type 0x04)")
    func cosignature() throws {
        let witness = try #require(NoteSigner(name: "witness.test", seed: Array(repeating: 9, count: 32)))
        let checkpoint = Checkpoint(origin: Self.origin, size: 8, root: RFC6962Vectors.roots[7])
        let signature = try witness.cosign(checkpoint, time: 1_796_029_200)
        let publicKey = Array(witness.verifier.publicKey.rawRepresentation)
        #expect(signature.keyID == Array(SHA256.hash(data: Array("witness.test".utf8) + [0x0A, 0x04] + publicKey).prefix(4)))
        #expect(signature.signature.count == 72)
        #expect(signature.signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == 1_796_029_200)
        let message = Array(("cosignature/v1\ntime 1796029200\n" + checkpoint.text).utf8)
        #expect(witness.verifier.publicKey.isValidSignature(Array(signature.signature.dropFirst(8)), for: message))
        #expect(witness.cosignatureVerifierKey.hasPrefix("witness.test+\(Hex.encode(signature.keyID))+B"))
    }

    @Test("the log checks a witness's cosignature with its key: the right checkpoint and time pass; another text, key, name or a changed byte do not")
    func cosignatureVerifier() throws {
        let witness = try #require(NoteSigner(name: "witness.test", seed: Array(repeating: 9, count: 32)))
        let other = try #require(NoteSigner(name: "witness.test", seed: Array(repeating: 10, count: 32)))
        let checkpoint = Checkpoint(origin: Self.origin, size: 8, root: RFC6962Vectors.roots[7])
        let signature = try witness.cosign(checkpoint, time: 1_796_029_200)
        let verifier = try CosignatureVerifier.parse(witness.cosignatureVerifierKey).get()
        #expect(verifier.encoded == witness.cosignatureVerifierKey)
        #expect(verifier.time(of: signature, over: checkpoint.text) == 1_796_029_200)
        let otherText = Checkpoint(origin: Self.origin, size: 7, root: RFC6962Vectors.roots[6]).text
        #expect(verifier.time(of: signature, over: otherText) == nil)
        #expect(try CosignatureVerifier.parse(other.cosignatureVerifierKey).get().time(of: signature, over: checkpoint.text) == nil)
        var changed = signature.signature
        changed[3] ^= 1  // the time, which the signature covers
        #expect(verifier.time(of: .init(name: signature.name, keyID: signature.keyID, signature: changed), over: checkpoint.text) == nil)
        #expect(verifier.time(of: .init(name: "someone", keyID: signature.keyID, signature: signature.signature), over: checkpoint.text) == nil)
        // the log's own note key (type 0x01) is not a cosignature key, and malformed keys are refused without a trap
        for bad in [witness.verifier.encoded, "", "a+b", "witness.test+00000000+BA==", String(repeating: "+", count: 2000)] {
            #expect((try? CosignatureVerifier.parse(bad).get()) == nil, "\(bad.prefix(30))")
        }
        var wrongID = Array(witness.cosignatureVerifierKey.utf8)
        wrongID[13] = wrongID[13] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect((try? CosignatureVerifier.parse(String(decoding: wrongID, as: UTF8.self)).get()) == nil)
    }
}
