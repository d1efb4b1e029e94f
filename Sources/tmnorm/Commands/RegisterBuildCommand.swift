import ArgumentParser
import Foundation
import TMNormCore
import TMNormIO

/// `tmnorm register build FILE --out SNAPSHOT [--voluntary yes|no] [--obtained-at TIME] [--json]`: builds a
/// register snapshot file from a register delivery without a database (the file-only workflow).
struct RegisterBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a register snapshot file from a register CSV or plain file (docs/register-format.md).")

    @Argument(help: "The register delivery: CSV with the documented header, or one phone number per line.")
    var file: String

    @Option(help: "Where to write the snapshot (written atomically).")
    var out: String

    @Option(help: "A plain file's numbers also cover voluntary organisations: yes (default, fail closed) or no.")
    var voluntary: String = "yes"

    @Option(name: .customLong("obtained-at"), help: "When the delivery was obtained (ISO 8601; default: the file's modification time).")
    var obtainedAt: String?

    @Option(help: "Snapshot id (default: reg-DATE-SHA256PREFIX).")
    var id: String?

    @Flag(help: "Print the import report as one JSON object.")
    var json = false

    func run() throws {
        guard let plainVoluntary = RegisterVoluntaryOption.parse(voluntary) else { throw ValidationError("--voluntary must be yes or no") }
        let obtained: Date
        if let obtainedAt {
            do { obtained = try OsloTime.parseTimestamp(obtainedAt) } catch {
                throw ValidationError("--obtained-at: \(error.description)")
            }
        } else {
            obtained = WashCommandSupport.fileDate(file)
        }
        let result: RegisterImportResult
        do {
            result = try RegisterImporter.importFile(
                path: file, obtainedAt: obtained, plainVoluntary: plainVoluntary, snapshotID: id,
                obtainedAtBasis: obtainedAt == nil ? .delivery : .given)
        } catch {
            WashCommandSupport.fail(error.description, error.norwegian)
        }
        do { try result.snapshot.write(to: out) } catch { WashCommandSupport.fail(error.description, error.norwegian) }
        let r = result.report
        if json {
            print(WashCommandSupport.jsonLine(RegisterBuildJSON(id: result.snapshot.metadata.id, snapshot: out, report: r)))
            return
        }
        print("snapshot  \(result.snapshot.metadata.id) → \(out) (\(result.snapshot.byteCount >> 10) KiB)")
        print("source    \(r.sourceFileName) sha256 \(r.sourceSHA256) (\(r.format.rawValue), \(r.encoding.rawValue))")
        print(
            "rows      \(r.rows) read, \(r.telephoneReservations) telephone reservations, \(r.skippedNotTelephone) mail only, \(r.rejectedRows) rejected"
        )
        print("numbers   \(r.numbers) (\(r.voluntaryNumbers) covering voluntary organisations), \(r.rejectedPhones) rejected")
        print("persons   \(r.persons) (\(r.voluntaryPersons) covering voluntary organisations), \(r.rowsWithoutPerson) rows without a person")
        for problem in r.problems.prefix(50) {
            print("line \(problem.line): \(problem.rowRejected ? "row rejected" : "part dropped"): \(problem.reason)")
        }
        if r.problemCount > 50 { print("… \(r.problemCount - 50) more problem(s); use --json for the first \(r.problems.count)") }
    }
}

/// The `--json` shape of `register build`.
struct RegisterBuildJSON: Encodable {
    let id: String
    let snapshot: String
    let report: RegisterImportReport
}
