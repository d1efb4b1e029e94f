import Foundation

/// What an evidence entry records; raw values are stored and shown on the evidence page.
public enum EvidenceEventKind: String, Sendable, Codable, CaseIterable, Hashable {
    case registered
    case exempted
    case sent
    case delivered
    case opened
    case reminded
    case accepted
    case declined
    case expired
    case withdrawn
    case goodsReceived = "goods_received"
    case receiptSent = "receipt_sent"
}

/// One entry of a sale's append-only evidence chain; `entryHash` covers every other field and the
/// previous entry's hash, so altering, removing or reordering any entry breaks the chain.
public struct EvidenceEntry: Sendable, Hashable, Codable {
    public let saleID: String
    /// 0 for the first entry of a sale, then 1, 2, … without gaps.
    public let sequence: Int
    public let event: EvidenceEventKind
    /// The instant in whole milliseconds since 1970 (exact in the canonical form and in every database).
    public let atMilliseconds: Int64
    /// SHA-256 hex of the exact offer text the event concerns.
    public let offerTextSHA256: String?
    /// "link", "sms", "email", "staff", "system" …
    public let channel: String?
    /// Keyed hash of IP address and user agent (`EvidenceFingerprint`), never the raw values.
    public let fingerprint: String?
    /// Free detail, e.g. a message id or who registered a withdrawal form.
    public let detail: String?
    public let previousHash: String
    public let entryHash: String

    /// An entry as loaded from storage (check loaded chains with `EvidenceChainVerifier`).
    public init(
        saleID: String, sequence: Int, event: EvidenceEventKind, atMilliseconds: Int64, offerTextSHA256: String?,
        channel: String?, fingerprint: String?, detail: String?, previousHash: String, entryHash: String
    ) {
        self.saleID = saleID
        self.sequence = sequence
        self.event = event
        self.atMilliseconds = atMilliseconds
        self.offerTextSHA256 = offerTextSHA256
        self.channel = channel
        self.fingerprint = fingerprint
        self.detail = detail
        self.previousHash = previousHash
        self.entryHash = entryHash
    }

    /// The previous hash of a sale's first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The instant.
    public var at: Date { Date(timeIntervalSince1970: TimeInterval(atMilliseconds) / 1000) }

    /// The next entry of a chain (`previous` nil for the first), hashed.
    public static func make(
        after previous: EvidenceEntry?, saleID: String, event: EvidenceEventKind, at instant: Date,
        offerTextSHA256: String? = nil, channel: String? = nil, fingerprint: String? = nil, detail: String? = nil
    ) -> EvidenceEntry {
        make(
            afterSequence: previous?.sequence, previousHash: previous?.entryHash, saleID: saleID, event: event, at: instant,
            offerTextSHA256: offerTextSHA256, channel: channel, fingerprint: fingerprint, detail: detail)
    }

    /// The next entry given only the previous entry's sequence number and hash (nil for the first entry).
    public static func make(
        afterSequence previousSequence: Int?, previousHash previous: String?, saleID: String, event: EvidenceEventKind, at instant: Date,
        offerTextSHA256: String? = nil, channel: String? = nil, fingerprint: String? = nil, detail: String? = nil
    ) -> EvidenceEntry {
        let milliseconds = Int64((instant.timeIntervalSince1970 * 1000).rounded(.down))
        let sequence = previousSequence.map { $0 + 1 } ?? 0
        let previousHash = previous ?? genesisHash
        let hash = ConfirmationHashing.sha256Hex(
            bytes: canonicalBytes(
                saleID: saleID, sequence: sequence, event: event, atMilliseconds: milliseconds, offerTextSHA256: offerTextSHA256,
                channel: channel, fingerprint: fingerprint, detail: detail, previousHash: previousHash))
        return EvidenceEntry(
            saleID: saleID, sequence: sequence, event: event, atMilliseconds: milliseconds, offerTextSHA256: offerTextSHA256,
            channel: channel, fingerprint: fingerprint, detail: detail, previousHash: previousHash, entryHash: hash)
    }

    /// The hash this entry's fields give now (equal to `entryHash` unless the entry was altered).
    public var computedHash: String {
        ConfirmationHashing.sha256Hex(
            bytes: Self.canonicalBytes(
                saleID: saleID, sequence: sequence, event: event, atMilliseconds: atMilliseconds, offerTextSHA256: offerTextSHA256,
                channel: channel, fingerprint: fingerprint, detail: detail, previousHash: previousHash))
    }

    /// Canonical form, version 1: a header line, then one line per field in fixed order,
    /// `name:LENGTH:value` with LENGTH the value's UTF-8 byte count (so values may hold any character),
    /// or `name:-` for an absent value.
    static func canonicalBytes(
        saleID: String, sequence: Int, event: EvidenceEventKind, atMilliseconds: Int64, offerTextSHA256: String?,
        channel: String?, fingerprint: String?, detail: String?, previousHash: String
    ) -> [UInt8] {
        let fields: [(String, String?)] = [
            ("sale", saleID), ("seq", String(sequence)), ("event", event.rawValue), ("at_ms", String(atMilliseconds)),
            ("offer_sha256", offerTextSHA256), ("channel", channel), ("fingerprint", fingerprint), ("detail", detail),
            ("prev", previousHash),
        ]
        var out = Array("tmnorm-evidence-v1\n".utf8)
        for (name, value) in fields {
            out += Array(name.utf8)
            if let value {
                out += Array(":\(value.utf8.count):".utf8) + Array(value.utf8)
            } else {
                out += Array(":-".utf8)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}

/// Keyed fingerprint of the consumer's device: proves "the same browser" without storing IP or user agent.
public enum EvidenceFingerprint {
    /// HMAC-SHA256 hex over the length-prefixed IP address and user agent.
    public static func hash(ipAddress: String, userAgent: String, key: some Sequence<UInt8>) -> String {
        let message = "\(ipAddress.utf8.count):\(ipAddress)\(userAgent.utf8.count):\(userAgent)"
        return ConfirmationHashing.hmacSHA256Hex(key: key, message: Array(message.utf8))
    }
}
