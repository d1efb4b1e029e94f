import Foundation
import TMNormCore
import Vapor

/// A wash as the API returns it: the summary the issue names plus the certificate and result links.
struct WashDTO: Content {
    struct RegisterRef: Content {
        let id: String
        let sha256: String
        let obtained_at: Date
    }

    struct Links: Content {
        let callable: String
        let rejected: String
    }

    let id: UUID
    let rows: Int
    let callable: Int
    let rejected: Int
    let by_reason: [String: Int]
    let register: RegisterRef
    let list_sha256: String
    let washed_at: Date
    let valid_until: Date?
    let invalid_reason: String?
    let block_list_versions: [String: String]
    let links: Links
    /// The campaign the wash was attached to when it was made (`?campaign=`).
    var campaign_id: UUID? = nil

    init(_ record: WashRecordModel, certificate: WashCertificate?) throws {
        let id = try record.requireID()
        self.id = id
        rows = record.rows
        callable = record.callable
        rejected = record.rejected
        by_reason = certificate?.byReason ?? [:]
        register = RegisterRef(
            id: certificate?.register.id ?? "", sha256: certificate?.register.sha256 ?? "",
            obtained_at: certificate?.register.obtainedAt ?? record.washedAt)
        list_sha256 = record.listSHA256
        washed_at = record.washedAt
        valid_until = record.validUntil
        invalid_reason = certificate?.invalidReason
        block_list_versions = certificate?.blockListVersions ?? [:]
        let base = "/api/v1/washes/\(id.uuidString.lowercased())"
        links = Links(callable: base + "/callable", rejected: base + "/rejected")
    }
}
