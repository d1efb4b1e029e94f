import Foundation
import Testing
@testable import TMNormCore

@Suite("Evidence chain")
struct EvidenceChainTests {
    static let offerHash = ConfirmationHashing.sha256Hex("offer text")
    static let key = Array("fingerprint-key".utf8)

    static func chain(saleID: String = "sale-1") -> [EvidenceEntry] {
        let base = Date(timeIntervalSince1970: 1_780_300_000)
        let steps: [(EvidenceEventKind, TimeInterval, String?, String?)] = [
            (.registered, 0, nil, "staff"), (.sent, 1, offerHash, "sms"), (.delivered, 30, nil, "sms"),
            (.opened, 600, offerHash, "link"), (.accepted, 660.5, offerHash, "link"), (.receiptSent, 661, nil, "email"),
        ]
        var entries: [EvidenceEntry] = []
        for (event, offset, hash, channel) in steps {
            let fingerprint = channel == "link" ? EvidenceFingerprint.hash(ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0", key: key) : nil
            entries.append(
                .make(
                    after: entries.last, saleID: saleID, event: event, at: base.addingTimeInterval(offset),
                    offerTextSHA256: hash, channel: channel, fingerprint: fingerprint, detail: event == .sent ? "msg-1" : nil))
        }
        return entries
    }

    @Test("a chain built entry by entry verifies, starting from the genesis hash")
    func intact() throws {
        let entries = Self.chain()
        #expect(entries.first?.previousHash == EvidenceEntry.genesisHash)
        #expect(entries.map(\.sequence) == Array(0..<6))
        let head = try #require(entries.last?.entryHash)
        #expect(EvidenceChainVerifier.verify(entries, saleID: "sale-1", expectedHead: head) == .intact(count: 6, headHash: head))
        #expect(EvidenceChainVerifier.verify([], saleID: "sale-1") == .intact(count: 0, headHash: EvidenceEntry.genesisHash))
        #expect(entries[4].atMilliseconds == 1_780_300_660_500)
    }

    static func altered(_ e: EvidenceEntry, event: EvidenceEventKind? = nil, at: Int64? = nil, detail: String?? = nil, saleID: String? = nil)
        -> EvidenceEntry
    {
        EvidenceEntry(
            saleID: saleID ?? e.saleID, sequence: e.sequence, event: event ?? e.event, atMilliseconds: at ?? e.atMilliseconds,
            offerTextSHA256: e.offerTextSHA256, channel: e.channel, fingerprint: e.fingerprint,
            detail: detail ?? e.detail, previousHash: e.previousHash, entryHash: e.entryHash)
    }

    typealias Tamper = @Sendable ([EvidenceEntry]) -> [EvidenceEntry]

    static let tampering: [(name: String, tamper: Tamper, index: Int, problem: EvidenceProblem)] = [
        (
            "event changed",
            {
                var e = $0; e[4] = altered(e[4], event: .declined); return e
            }, 4, .entryHashMismatch
        ),
        (
            "time changed",
            {
                var e = $0; e[3] = altered(e[3], at: e[3].atMilliseconds + 1); return e
            }, 3, .entryHashMismatch
        ),
        (
            "detail removed",
            {
                var e = $0; e[1] = altered(e[1], detail: .some(nil)); return e
            }, 1, .entryHashMismatch
        ),
        (
            "entry removed from the middle",
            {
                var e = $0; e.remove(at: 2); return e
            }, 2, .sequenceGap(expected: 2, found: 3)
        ),
        (
            "two entries swapped",
            {
                var e = $0; e.swapAt(3, 4); return e
            }, 3, .sequenceGap(expected: 3, found: 4)
        ),
        ("first entry removed", { Array($0.dropFirst()) }, 0, .sequenceGap(expected: 0, found: 1)),
        (
            "entry from another sale",
            {
                var e = $0; e[2] = chain(saleID: "sale-2")[2]; return e
            }, 2, .wrongSale(found: "sale-2")
        ),
        (
            "altered and rehashed, but the next link breaks",
            { entries in
                var e = entries
                let forged = EvidenceEntry.make(
                    after: e[3], saleID: "sale-1", event: .declined, at: e[4].at, offerTextSHA256: e[4].offerTextSHA256, channel: "link")
                e[4] = forged
                return e
            }, 5, .previousHashMismatch
        ),
        ("last entry cut off", { Array($0.dropLast()) }, 5, .headMismatch(expected: chain().last?.entryHash ?? "", found: chain()[4].entryHash)),
    ]

    @Test("altered, removed, reordered or foreign entries are found, with the index", arguments: tampering)
    func tampered(_ row: (name: String, tamper: Tamper, index: Int, problem: EvidenceProblem)) {
        let head = Self.chain().last?.entryHash
        #expect(
            EvidenceChainVerifier.verify(row.tamper(Self.chain()), saleID: "sale-1", expectedHead: head)
                == .broken(index: row.index, problem: row.problem), "\(row.name)")
    }

    @Test("a rehashed forgery at the very end is caught only by the recorded head")
    func forgedTail() throws {
        var entries = Self.chain()
        let head = try #require(entries.last?.entryHash)
        entries[5] = EvidenceEntry.make(after: entries[4], saleID: "sale-1", event: .withdrawn, at: entries[5].at, channel: "staff")
        #expect(EvidenceChainVerifier.verify(entries, saleID: "sale-1").isIntact)
        #expect(
            EvidenceChainVerifier.verify(entries, saleID: "sale-1", expectedHead: head)
                == .broken(index: 6, problem: .headMismatch(expected: head, found: entries[5].entryHash)))
    }

    @Test("entries dated before their predecessor are refused even when correctly hashed")
    func timeOrder() {
        var entries = Self.chain()
        entries.append(.make(after: entries.last, saleID: "sale-1", event: .withdrawn, at: Date(timeIntervalSince1970: 1_000)))
        #expect(EvidenceChainVerifier.verify(entries, saleID: "sale-1") == .broken(index: 6, problem: .timeWentBackwards))
    }

    @Test("the canonical form is length-prefixed, so moving text between fields changes the hash")
    func canonicalForm() {
        let at = Date(timeIntervalSince1970: 1)
        let a = EvidenceEntry.make(after: nil, saleID: "s", event: .opened, at: at, channel: "ab", detail: "c")
        let b = EvidenceEntry.make(after: nil, saleID: "s", event: .opened, at: at, channel: "a", detail: "bc")
        let c = EvidenceEntry.make(after: nil, saleID: "s", event: .opened, at: at, channel: "ab", detail: nil)
        let d = EvidenceEntry.make(after: nil, saleID: "s", event: .opened, at: at, channel: "ab", detail: "")
        #expect(Set([a.entryHash, b.entryHash, c.entryHash, d.entryHash]).count == 4)
        let text = String(
            decoding: EvidenceEntry.canonicalBytes(
                saleID: "s", sequence: 0, event: .opened, atMilliseconds: 1000, offerTextSHA256: nil, channel: "ab", fingerprint: nil, detail: "c\nd",
                previousHash: "0"), as: UTF8.self)
        #expect(
            text
                == "tmnorm-evidence-v1\nsale:1:s\nseq:1:0\nevent:6:opened\nat_ms:4:1000\noffer_sha256:-\nchannel:2:ab\nfingerprint:-\ndetail:3:c\nd\nprev:1:0\n"
        )
    }

    @Test("the fingerprint is keyed and separates IP from user agent")
    func fingerprint() {
        let f = EvidenceFingerprint.hash(ipAddress: "10.0.0.1", userAgent: "UA", key: Self.key)
        #expect(f.count == 64)
        #expect(f != EvidenceFingerprint.hash(ipAddress: "10.0.0.1", userAgent: "UA", key: Array("other".utf8)))
        #expect(f != EvidenceFingerprint.hash(ipAddress: "10.0.0.1U", userAgent: "A", key: Self.key))
        #expect(!f.contains("10.0.0.1"))
    }

    @Test("entries survive a JSON round trip and still verify")
    func codable() throws {
        let entries = Self.chain()
        let decoded = try JSONDecoder().decode([EvidenceEntry].self, from: try JSONEncoder().encode(entries))
        #expect(decoded == entries)
        #expect(EvidenceChainVerifier.verify(decoded, saleID: "sale-1").isIntact)
    }
}
