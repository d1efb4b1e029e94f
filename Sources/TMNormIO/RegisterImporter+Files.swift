import Foundation
import TMNormCore

extension RegisterImporter {
    /// Imports the file at `path`. `obtainedAt` is when the delivery was received (the month rule uses it);
    /// `plainVoluntary` says whether the numbers of a plain file also cover voluntary organisations; a plain file
    /// does not say, and most reserved people also reserve against them, so it defaults to yes (fail closed).
    public static func importFile(
        path: String, obtainedAt: Date, plainVoluntary: Bool = true, snapshotID: String? = nil,
        phoneTable: PhoneAllocationTable = .nkom2026, obtainedAtBasis: RegisterDateBasis? = nil
    ) throws(RegisterImportError) -> RegisterImportResult {
        let source: FileByteSource
        do { source = try FileByteSource(path: path) } catch { throw .io(error) }
        return try importRegister(
            from: source, fileName: URL(fileURLWithPath: path).lastPathComponent, obtainedAt: obtainedAt,
            plainVoluntary: plainVoluntary, snapshotID: snapshotID, phoneTable: phoneTable, obtainedAtBasis: obtainedAtBasis)
    }
}
