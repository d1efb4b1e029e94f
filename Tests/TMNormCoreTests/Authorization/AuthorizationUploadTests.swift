import Foundation
import Testing
@testable import TMNormCore

@Suite("Evidence uploads: type by content, extension, size")
struct AuthorizationUploadTests {
    static let pdf = Array("%PDF-1.7\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0]
    static let exe: [UInt8] = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]

    @Test(
        "accepted uploads are typed by their first bytes",
        arguments: [
            ("skatteattest.pdf", pdf, "application/pdf"), ("SKATTEATTEST.PDF", pdf, "application/pdf"),
            ("logo.png", png, "image/png"), ("bilde.JPEG", [0xFF, 0xD8, 0xFF, 0xE0] as [UInt8], "image/jpeg"),
            ("avtale.docx", zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("avtale.odt", zip, "application/vnd.oasis.opendocument.text"),
        ] as [(String, [UInt8], String)])
    func accepted(name: String, head: [UInt8], mediaType: String) throws {
        let type = try AuthorizationUploadPolicy.standard.check(fileName: name, byteCount: 5000, leadingBytes: head)
        #expect(type.mediaType == mediaType)
    }

    @Test(
        "wrong, empty or too large uploads are refused with the reason",
        arguments: [
            (
                "virus.pdf", exe, 5000,
                AuthorizationError.uploadTypeNotAllowed(fileName: "virus.pdf", allowed: ["pdf", "png", "jpg", "jpeg", "docx", "odt"])
            ),
            ("notat.txt", Array("hei".utf8), 3, .uploadTypeNotAllowed(fileName: "notat.txt", allowed: ["pdf", "png", "jpg", "jpeg", "docx", "odt"])),
            ("attest.png", pdf, 5000, .uploadExtensionMismatch(fileName: "attest.png", expected: ["pdf"])),
            ("arkiv.zip", zip, 5000, .uploadExtensionMismatch(fileName: "arkiv.zip", expected: ["docx", "odt"])),
            ("uten-endelse", pdf, 5000, .uploadExtensionMismatch(fileName: "uten-endelse", expected: ["pdf"])),
            ("tom.pdf", [], 0, .emptyUpload(fileName: "tom.pdf")),
            ("stor.pdf", pdf, 10 * 1024 * 1024 + 1, .uploadTooLarge(fileName: "stor.pdf", bytes: 10_485_761, limit: 10_485_760)),
        ] as [(String, [UInt8], Int, AuthorizationError)])
    func refused(name: String, head: [UInt8], bytes: Int, expected: AuthorizationError) {
        #expect(throws: expected) {
            try AuthorizationUploadPolicy.standard.check(fileName: name, byteCount: bytes, leadingBytes: head)
        }
    }

    @Test("upload errors map to 413 and 415 for the server")
    func statuses() {
        #expect(AuthorizationError.uploadTooLarge(fileName: "a", bytes: 2, limit: 1).httpStatus == 413)
        #expect(AuthorizationError.uploadTypeNotAllowed(fileName: "a", allowed: []).httpStatus == 415)
    }

    @Test("a checked upload becomes document evidence with the detected type, not the claimed one")
    func evidence() throws {
        let e = try AuthorizationUploadPolicy.standard.evidence(
            fileName: "attest.pdf", byteCount: 1234, leadingBytes: Self.pdf, storageKey: "k/1")
        #expect(
            e == .document(AuthorizationDocumentEvidence(fileName: "attest.pdf", mediaType: "application/pdf", byteCount: 1234, storageKey: "k/1")))
        #expect(AuthorizationUploadPolicy.standard.leadingBytesNeeded == 8)
    }
}
