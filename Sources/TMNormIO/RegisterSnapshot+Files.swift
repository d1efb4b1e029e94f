import Foundation
import TMNormCore

extension RegisterSnapshot {
    /// Loads a snapshot file (memory-mapped; ~1 ms whatever its size).
    public static func load(path: String) throws(RegisterSnapshotError) -> RegisterSnapshot {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .io(path: path, detail: (error as NSError).localizedDescription)
        }
        return try RegisterSnapshot(image: data)
    }

    /// True when the file at `path` starts with the snapshot signature (to tell it from a register CSV).
    public static func isSnapshotFile(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: signatureByteCount)) ?? Data()
        return hasSignature(head)
    }

    /// Writes the snapshot atomically (temporary file, then rename), so readers never see half a file.
    public func write(to path: String) throws(RegisterSnapshotError) {
        do {
            try image.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, detail: (error as NSError).localizedDescription)
        }
    }
}
