import Foundation

/// A file type accepted as evidence, recognised by its first bytes and its file-name extension.
public struct AuthorizationUploadType: Sendable, Hashable, Codable {
    public let mediaType: String
    /// Lower-case extensions without the dot.
    public let extensions: [String]
    /// The bytes every such file starts with.
    public let signature: [UInt8]

    public init(mediaType: String, extensions: [String], signature: [UInt8]) {
        self.mediaType = mediaType
        self.extensions = extensions
        self.signature = signature
    }

    public static let pdf = AuthorizationUploadType(mediaType: "application/pdf", extensions: ["pdf"], signature: Array("%PDF-".utf8))
    public static let png = AuthorizationUploadType(
        mediaType: "image/png", extensions: ["png"], signature: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    public static let jpeg = AuthorizationUploadType(mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], signature: [0xFF, 0xD8, 0xFF])
    /// Word documents are ZIP containers; the extension tells them from other ZIP files.
    public static let docx = AuthorizationUploadType(
        mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"],
        signature: [0x50, 0x4B, 0x03, 0x04])
    public static let odt = AuthorizationUploadType(
        mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"], signature: [0x50, 0x4B, 0x03, 0x04])
}

/// What uploads the application accepts (**policy**): types and a size limit. The browser's claimed type is
/// ignored; the file's own first bytes decide, and the extension must agree.
public struct AuthorizationUploadPolicy: Sendable, Hashable, Codable {
    public let maximumBytes: Int
    public let allowedTypes: [AuthorizationUploadType]

    public init(maximumBytes: Int, allowedTypes: [AuthorizationUploadType]) {
        self.maximumBytes = maximumBytes
        self.allowedTypes = allowedTypes
    }

    /// PDF, PNG, JPEG, DOCX and ODT up to 10 MiB.
    public static let standard = AuthorizationUploadPolicy(
        maximumBytes: 10 * 1024 * 1024, allowedTypes: [.pdf, .png, .jpeg, .docx, .odt])

    /// Bytes the server must pass to `check` (the longest signature).
    public var leadingBytesNeeded: Int { allowedTypes.map(\.signature.count).max() ?? 0 }

    /// The accepted type of an upload, or why it is refused. `leadingBytes` is the start of the file.
    public func check(fileName: String, byteCount: Int, leadingBytes: some Collection<UInt8>) throws(AuthorizationError) -> AuthorizationUploadType {
        guard byteCount > 0 else { throw .emptyUpload(fileName: fileName) }
        guard byteCount <= maximumBytes else {
            throw .uploadTooLarge(fileName: fileName, bytes: byteCount, limit: maximumBytes)
        }
        let head = Array(leadingBytes.prefix(leadingBytesNeeded))
        let ext = fileName.split(separator: ".").count > 1 ? fileName.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        let byContent = allowedTypes.filter { head.starts(with: $0.signature) }
        guard !byContent.isEmpty else {
            throw .uploadTypeNotAllowed(fileName: fileName, allowed: allowedTypes.flatMap(\.extensions))
        }
        guard let match = byContent.first(where: { $0.extensions.contains(ext) }) else {
            throw .uploadExtensionMismatch(fileName: fileName, expected: byContent.flatMap(\.extensions))
        }
        return match
    }

    /// A checked upload as evidence for an application.
    public func evidence(
        fileName: String, byteCount: Int, leadingBytes: some Collection<UInt8>, storageKey: String
    ) throws(AuthorizationError) -> AuthorizationEvidence {
        let type = try check(fileName: fileName, byteCount: byteCount, leadingBytes: leadingBytes)
        return .document(
            AuthorizationDocumentEvidence(fileName: fileName, mediaType: type.mediaType, byteCount: byteCount, storageKey: storageKey))
    }
}
