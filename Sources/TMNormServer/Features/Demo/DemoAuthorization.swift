import Fluent
import Foundation
import TMNormCore
import Vapor

/// Demo data for the authorization scheme, built by `AuthorizationDemo.scenario` so every step passed the real
/// checks: UniCall approved, ProffCom in its year-1 follow-up, Smart 1 suspended, Aktiv Partner under
/// review, Teleperformance approved.
enum DemoAuthorization {
    static let centres = ["unicall", "proffcom", "smart1", "aktivpartner", "teleperformance"]

    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        let now = app.clock.now()
        var chosen: [(UUID, AuthorizationDemoCentre)] = []
        for key in centres {
            guard let id = ids[key], let organisation = try await OrganisationModel.find(id, on: db) else { continue }
            chosen.append((id, AuthorizationDemoCentre(orgnr: try OrganisationNumber(organisation.orgnr), name: organisation.name)))
        }
        let board = try await AuthorizationCases.board(settings: app.authorizationSettings, on: db)
        let scenario = try AuthorizationDemo.scenario(centres: chosen.map(\.1), board: board, today: OsloTime.localDate(of: now))
        let byOrgnr = Dictionary(uniqueKeysWithValues: chosen.map { ($0.1.orgnr.digits, $0.0) })
        for record in scenario.records {
            guard let organisationID = byOrgnr[record.centre.digits] else { continue }
            try await AuthorizationRecordModel(organisationID: organisationID, record: record, updatedAt: now).create(on: db)
        }
        try writeDocuments(scenario.applications, app: app)
        for application in scenario.applications {
            guard let organisationID = byOrgnr[application.applicant.digits] else { continue }
            let modelID = UUID()
            try await AuthorizationApplicationModel(id: modelID, organisationID: organisationID, application: application, at: now).create(on: db)
            for fee in scenario.fees where fee.applicationID == application.id {
                try await AuthorizationFeeModel(applicationID: modelID, fee: fee, at: now).create(on: db)
            }
        }
    }

    /// Each demo document exists as a small PDF under the data directory, so its link opens a file.
    static func writeDocuments(_ applications: [AuthorizationApplication], app: Application) throws {
        var written = Set<String>()
        for application in applications {
            for case .document(let document) in application.evidence.values where written.insert(document.storageKey).inserted {
                guard let url = AuthorizationCases.fileURL(storageKey: document.storageKey, app: app) else { continue }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try pdf(title: "Demodokument: \(document.fileName)", byteCount: document.byteCount).write(to: url, options: .atomic)
            }
        }
    }

    /// A one-page PDF with one line of text, padded with a PDF comment to `byteCount` bytes.
    static func pdf(title: String, byteCount: Int) -> Data {
        let ascii = String(title.unicodeScalars.map { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" ? Character($0) : "-" })
        let stream = "BT /F1 14 Tf 72 770 Td (\(ascii)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        func document(padding: Int) -> String {
            // A comment after the header pads the file; the offsets in the cross-reference table follow it.
            var body = "%PDF-1.4\n" + (padding > 2 ? "%" + String(repeating: " ", count: padding - 2) + "\n" : "")
            var offsets: [Int] = []
            for (index, object) in objects.enumerated() {
                offsets.append(body.utf8.count)
                body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
            }
            let xref = body.utf8.count
            body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
            for offset in offsets { body += String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n" }
            body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
            return body
        }
        let unpadded = document(padding: 0).utf8.count
        // Offsets grow by the padding, so their widths never change (10 digits in the table).
        let body = document(padding: byteCount - unpadded)
        return Data(body.utf8)
    }
}
