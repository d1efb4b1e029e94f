import Foundation
import NIOCore
import TMNormCore
import Vapor

/// Writes a streamed request body to a temporary file so large lists never sit in memory.
struct UploadSpool {
    let path: String

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A fresh path in the data directory's `uploads` folder, named after this process, so that a later
    /// process can tell what a crashed one left behind.
    static func newPath(app: Application) throws -> String {
        let directory = URL(fileURLWithPath: app.plumbing.dataDirectory).appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("\(getpid())-\(UUID().uuidString.lowercased())").path
    }

    /// Removes uploads whose process is gone (a crash skips the handler's cleanup), and unnamed ones older
    /// than an hour. Runs at start-up; several processes may share the folder, so live ones are spared.
    @discardableResult
    static func sweepOrphans(dataDirectory: String, now: Date = Date()) -> Int {
        let directory = URL(fileURLWithPath: dataDirectory).appendingPathComponent("uploads")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return 0 }
        var removed = 0
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let owner = name.split(separator: "-", maxSplits: 1).first.flatMap { ASCII.integer($0, maxDigits: 9) }
            let orphan: Bool
            if let owner, owner > 0 {
                // kill(pid, 0) fails with ESRCH when no such process exists.
                orphan = owner != Int(getpid()) && kill(pid_t(owner), 0) != 0 && errno == ESRCH
            } else {
                let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
                orphan = now.timeIntervalSince(modified) > 3600
            }
            if orphan, (try? FileManager.default.removeItem(atPath: path)) != nil { removed += 1 }
        }
        return removed
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
                    throw AppError(
                        .payloadTooLarge, code: "too-large",
                        Phrase(
                            nb: "Filen er for stor (over \(maxBytes / 1_048_576) MB). Bruk kommandolinjen for store lister.",
                            en: "The file is too large (over \(maxBytes / 1_048_576) MB). Use the command line for large lists."))
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
