import Foundation
import NIOCore
import Vapor

/// Writes a streamed request body to a temporary file so large lists never sit in memory.
struct UploadSpool {
    let path: String

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A fresh path in the data directory's `uploads` folder.
    static func newPath(app: Application) throws -> String {
        let directory = URL(fileURLWithPath: app.config.dataDirectory).appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(UUID().uuidString.lowercased()).path
    }

    /// Writes a form upload (already collected by the route) to a spool file.
    static func save(_ file: File, on req: Request) async throws -> UploadSpool {
        let path = try newPath(app: req.application)
        try await req.fileio.writeFile(file.data, at: path)
        return UploadSpool(path: path)
    }

    static func spool(_ req: Request, maxBytes: Int, app: Application) async throws -> UploadSpool {
        let path = try newPath(app: app)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw AppError(.internalServerError, code: "spool", Phrase(nb: "Kunne ikke ta imot filen.", en: "Could not receive the file."))
        }
        var written = 0
        do {
            for try await chunk in req.body {
                written += chunk.readableBytes
                guard written <= maxBytes else {
                    throw AppError(.payloadTooLarge, code: "too-large", Phrase(nb: "Filen er for stor (over \(maxBytes / 1_048_576) MB). Bruk kommandolinjen for store lister.", en: "The file is too large (over \(maxBytes / 1_048_576) MB). Use the command line for large lists."))
                }
                try handle.write(contentsOf: Data(buffer: chunk))
            }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        guard written > 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw AppError.badRequest(Phrase(nb: "Tom fil: send CSV-listen som innhold.", en: "Empty body: send the CSV list as the body."))
        }
        return UploadSpool(path: path)
    }
}
