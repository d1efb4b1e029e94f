import Foundation

/// Why a webhook signature header was refused.
public enum WebhookSignatureProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case missingHeader
    /// Not of the form `t=UNIX,v1=HEX[,v1=HEX…]`.
    case malformedHeader
    /// The timestamp is further from now than the tolerance (a replay, or a wrong clock).
    case timestampOutsideTolerance(timestamp: Int64, now: Int64, tolerance: Int64)
    /// No `v1` signature matches any of the secrets.
    case signatureMismatch

    public var description: String {
        switch self {
        case .missingHeader: "missing \(WebhookSignature.headerName) header"
        case .malformedHeader: "\(WebhookSignature.headerName) must look like t=1700000000,v1=<64 hex digits>"
        case .timestampOutsideTolerance(let t, let now, let tolerance): "timestamp \(t) is more than \(tolerance) s from now (\(now))"
        case .signatureMismatch: "no v1 signature matches the payload"
        }
    }
}

/// Signs and verifies webhook payloads: header `t=UNIX,v1=HEX`, where HEX is HMAC-SHA256 of "UNIX.payload".
///
/// The timestamp is inside the signed text, so a captured request cannot be replayed later; several `v1`
/// values and several secrets allow a secret to be rotated without downtime.
public enum WebhookSignature {
    /// The header that carries the signature.
    public static let headerName = "X-TMNorm-Webhook-Signature"
    /// Default tolerance between the signed timestamp and the receiver's clock.
    public static let defaultTolerance: Int64 = 300

    /// The header value for a payload signed at `timestamp` (seconds since 1970).
    public static func header(payload: [UInt8], secret: some Sequence<UInt8>, timestamp: Int64) -> String {
        "t=\(timestamp),v1=\(ConfirmationHashing.hmacSHA256Hex(key: secret, message: signedBytes(payload, timestamp)))"
    }

    /// Checks the header against the payload with any of `secrets` (current first, then the one being
    /// retired), and the timestamp against `now` within `tolerance` seconds; returns the timestamp.
    @discardableResult
    public static func verify(
        header: String?, payload: [UInt8], secrets: [[UInt8]], now: Int64, tolerance: Int64 = defaultTolerance
    ) throws(WebhookSignatureProblem) -> Int64 {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingHeader }
        var timestamp: Int64?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw .malformedHeader }
            switch pair[0] {
            case "t":
                guard timestamp == nil, let value = Int64(pair[1]) else { throw .malformedHeader }
                timestamp = value
            case "v1": signatures.append(pair[1])
            default: continue  // unknown schemes are ignored so a later v2 does not break old receivers
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformedHeader }
        guard abs(now - timestamp) <= tolerance else {
            throw .timestampOutsideTolerance(timestamp: timestamp, now: now, tolerance: tolerance)
        }
        let message = signedBytes(payload, timestamp)
        for secret in secrets {
            for signature in signatures where ConfirmationHashing.isValidHMACSHA256(hexSignature: signature, key: secret, message: message) {
                return timestamp
            }
        }
        throw .signatureMismatch
    }

    static func signedBytes(_ payload: [UInt8], _ timestamp: Int64) -> [UInt8] {
        Array("\(timestamp).".utf8) + payload
    }
}
