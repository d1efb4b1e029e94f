import Crypto
import Foundation

/// One value of an evidence leaf. Only identifiers, times, hashes, counts and fixed codes: there is no case
/// for free text, so a name, phone number or address cannot be put in the log by mistake.
public enum EvidenceValue: Equatable, Sendable {
    case id(UUID)
    case time(Date)
    /// A hex SHA-256 (of a text, a document, a file).
    case sha256(String)
    /// A keyed hash (HMAC) of a phone number, hex.
    case phoneKey(String)
    case integer(Int)
    /// A fixed code from the program (`offer_sent`, `sms`), lower-case ASCII letters, digits, `_ . -`.
    case code(String)
    /// Several codes, in order (a decision's reasons).
    case codes([String])
}

/// A leaf of the evidence log: canonical JSON (keys sorted, no spaces, RFC 8785 style) of a kind and
/// typed fields. The bytes are what the tree hashes; they never change once written.
public struct EvidenceLeaf: Equatable, Sendable {
    public let kind: String
    public let fields: [String: EvidenceValue]

    /// Why a leaf was refused.
    public enum Problem: Error, Equatable, Sendable {
        case badKey(String)
        case badValue(String)
    }

    /// A leaf; refuses keys and codes outside `[a-z0-9_.-]` and hashes that are not 64 lower-case hex digits.
    public init(kind: String, fields: [String: EvidenceValue]) throws {
        guard Self.isCode(kind) else { throw Problem.badValue("kind") }
        for (key, value) in fields {
            guard Self.isCode(key), key != "kind" else { throw Problem.badKey(key) }
            switch value {
            case .sha256(let hex), .phoneKey(let hex):
                guard Self.isHex64(hex) else { throw Problem.badValue(key) }
            case .code(let code):
                guard Self.isCode(code) else { throw Problem.badValue(key) }
            case .codes(let codes):
                guard codes.count <= 64, codes.allSatisfy(Self.isCode) else { throw Problem.badValue(key) }
            case .id, .time, .integer: break
            }
        }
        self.kind = kind
        self.fields = fields
    }

    static func isCode(_ text: String) -> Bool {
        let bytes = text.utf8
        return !bytes.isEmpty && bytes.count <= 64
            && bytes.allSatisfy {
                ASCII.isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || $0 == 0x2E || $0 == 0x2D
            }
    }

    /// The canonical JSON bytes: `{"kind":…,<fields sorted by key>}`; times in UTC to the millisecond.
    public var bytes: [UInt8] {
        var all = fields.mapValues(Self.json)
        all["kind"] = "\"\(kind)\""
        let body = all.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\"\($0)\":\(all[$0] ?? "null")" }.joined(separator: ",")
        return Array("{\(body)}".utf8)
    }

    static func json(_ value: EvidenceValue) -> String {
        switch value {
        case .id(let uuid): return "\"\(uuid.uuidString.lowercased())\""
        case .time(let date): return "\"\(Self.utc(date))\""
        case .sha256(let hex), .phoneKey(let hex), .code(let hex): return "\"\(hex)\""
        case .integer(let n): return String(n)
        case .codes(let codes): return "[" + codes.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        }
    }

    /// `yyyy-mm-ddThh:mm:ss.mmmZ` in UTC, computed without a formatter (pure and locale-free).
    static func utc(_ date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let msOfDay = millis - days * 86_400_000
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int64, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(msOfDay / 3_600_000, 2)):"
            + "\(pad(msOfDay / 60000 % 60, 2)):\(pad(msOfDay / 1000 % 60, 2)).\(pad(msOfDay % 1000, 3))Z"
    }
}

extension EvidenceLeaf {
    /// The leaf of one entry of a sale's evidence chain: the sale, the entry's place, event, time, the offer
    /// text's hash and the chain's own hashes (which cover the rest, so the free-text detail stays out).
    /// A value that is not of its kind (never the case for entries the program makes) is left out.
    public static func saleEvidence(_ entry: EvidenceEntry) -> EvidenceLeaf {
        var fields: [String: EvidenceValue] = [
            "seq": .integer(entry.sequence), "event": .code(entry.event.rawValue),
            "at": .time(Date(timeIntervalSince1970: TimeInterval(entry.atMilliseconds) / 1000)),
        ]
        if let sale = UUID(uuidString: entry.saleID) { fields["sale"] = .id(sale) }
        if let text = entry.offerTextSHA256, isHex64(text) { fields["text_sha256"] = .sha256(text) }
        if let channel = entry.channel, isCode(channel) { fields["channel"] = .code(channel) }
        if isHex64(entry.entryHash) { fields["entry_hash"] = .sha256(entry.entryHash) }
        if isHex64(entry.previousHash) { fields["previous_hash"] = .sha256(entry.previousHash) }
        // Every key and value above passed its check, so the leaf is valid.
        return (try? EvidenceLeaf(kind: "sale_evidence", fields: fields)) ?? EvidenceLeaf(unchecked: "sale_evidence", fields: [:])
    }

    static func isHex64(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ASCII.isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    init(unchecked kind: String, fields: [String: EvidenceValue]) {
        self.kind = kind
        self.fields = fields
    }
}

extension EvidenceLeaf {
    /// The leaf of a wash certificate: the wash, the list's and the register copy's hashes, the counts, and
    /// the SHA-256 of the certificate exactly as stored (which covers the rest).
    public static func washCertificate(wash: UUID, certificate: WashCertificate, storedJSON: String) -> EvidenceLeaf {
        var fields: [String: EvidenceValue] = [
            "wash": .id(wash), "at": .time(certificate.washedAt), "rows": .integer(certificate.rows),
            "callable": .integer(certificate.callable), "rejected": .integer(certificate.rejected),
            "certificate_sha256": .sha256(Hex.encode(SHA256.hash(data: Array(storedJSON.utf8)))),
        ]
        if isHex64(certificate.listSHA256) { fields["list_sha256"] = .sha256(certificate.listSHA256) }
        if isHex64(certificate.register.sha256) { fields["register_sha256"] = .sha256(certificate.register.sha256) }
        return (try? EvidenceLeaf(kind: "wash_certificate", fields: fields)) ?? EvidenceLeaf(unchecked: "wash_certificate", fields: [:])
    }
}

extension EvidenceLeaf {
    /// The leaf of a may-call decision: the decision, the campaign, the keyed hash of the number, the
    /// verdict with its reason codes, the rule set's parts and the register copy, and when it was decided.
    public static func mayCall(
        decision: UUID, campaign: UUID, numberKey: String, allowed: Bool, reasons: [String], ruleSet: [String],
        registerSnapshot: String?, at: Date
    ) -> EvidenceLeaf {
        var fields: [String: EvidenceValue] = [
            "decision": .id(decision), "campaign": .id(campaign), "allowed": .code(allowed ? "yes" : "no"), "at": .time(at),
            "reasons": .codes(reasons.filter(isCode)), "rule_set": .codes(ruleSet.map { $0.lowercased() }.filter(isCode)),
        ]
        if isHex64(numberKey) { fields["number_key"] = .phoneKey(numberKey) }
        if let registerSnapshot, isCode(registerSnapshot.lowercased()) {
            fields["register_snapshot"] = .code(registerSnapshot.lowercased())
        }
        return (try? EvidenceLeaf(kind: "may_call", fields: fields)) ?? EvidenceLeaf(unchecked: "may_call", fields: [:])
    }
}

extension EvidenceLeaf {
    /// The leaf of a register import that switched in: the stored copy, the delivered file's hash and the
    /// counts. Each import is logged once, when it becomes the active copy.
    public static func registerImport(
        snapshot: UUID, sourceSHA256: String, numbers: Int, persons: Int, rows: Int, rejected: Int, obtainedAt: Date, at: Date
    ) -> EvidenceLeaf {
        var fields: [String: EvidenceValue] = [
            "snapshot": .id(snapshot), "numbers": .integer(numbers), "persons": .integer(persons), "rows": .integer(rows),
            "rejected": .integer(rejected), "obtained_at": .time(obtainedAt), "at": .time(at),
        ]
        if isHex64(sourceSHA256) { fields["source_sha256"] = .sha256(sourceSHA256) }
        return (try? EvidenceLeaf(kind: "register_import", fields: fields)) ?? EvidenceLeaf(unchecked: "register_import", fields: [:])
    }

    /// The leaf of an authorization decision: the application or the centre's record, its new state, and the
    /// SHA-256 of the stored document exactly as written (which covers the decision's text and reasons).
    public static func authorization(
        kind: AuthorizationLeafKind, subject: UUID, centre: UUID, state: String, storedJSON: String, at: Date
    ) -> EvidenceLeaf {
        var fields: [String: EvidenceValue] = [
            "subject": .id(subject), "centre": .id(centre), "at": .time(at),
            "document_sha256": .sha256(Hex.encode(SHA256.hash(data: Array(storedJSON.utf8)))),
        ]
        let code = state.lowercased()
        if isCode(code) { fields["state"] = .code(code) }
        return (try? EvidenceLeaf(kind: kind.rawValue, fields: fields)) ?? EvidenceLeaf(unchecked: kind.rawValue, fields: [:])
    }

    /// The leaf of a board's confirmed complaint decision: the case, the outcome, the sanction if any, and
    /// the SHA-256 of the reasons as decided (the reasons themselves may name people, so they stay out).
    public static func complaintDecision(complaint: UUID, outcome: String, sanction: String?, reasons: String, at: Date) -> EvidenceLeaf {
        var fields: [String: EvidenceValue] = [
            "complaint": .id(complaint), "at": .time(at),
            "reasons_sha256": .sha256(Hex.encode(SHA256.hash(data: Array(reasons.utf8)))),
        ]
        if isCode(outcome.lowercased()) { fields["outcome"] = .code(outcome.lowercased()) }
        if let sanction, isCode(sanction.lowercased()) { fields["sanction"] = .code(sanction.lowercased()) }
        return (try? EvidenceLeaf(kind: "complaint_decision", fields: fields)) ?? EvidenceLeaf(unchecked: "complaint_decision", fields: [:])
    }
}

/// Which authorization document a leaf records.
public enum AuthorizationLeafKind: String, Sendable, CaseIterable {
    /// An application's state changed (submitted, approved, refused …).
    case application = "authorization_application"
    /// A centre's record changed (approval, warning, suspension, revocation, renewal).
    case record = "authorization_record"
}
