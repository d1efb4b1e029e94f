import ArgumentParser
import Foundation
import TMNormCore
import TMNormServer

/// `tmnorm register import FILE`, `tmnorm register list`.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "The national reservation register (Reservasjonsregisteret).",
        subcommands: RegisterCommand.subcommands)

    /// Imports a register delivery into a new snapshot and switches it in when the whole file is read.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a register delivery (docs/register-format.md) as the new active snapshot.")

        @Argument(help: "The delivery: register CSV, or one phone number per line.") var file: String
        @OptionGroup var database: DatabaseOptions
        @Option(help: "The call centre whose licensed copy this is (default: the installation's copy).") var org: String?
        @Option(name: .customLong("obtained-at"), help: "When the delivery was obtained, YYYY-MM-DD or ISO 8601 (default: now).") var obtainedAt:
            String?
        @Option(
            help:
                "Plain number files: do the reservations also cover voluntary organisations? yes (default: a plain file does not say, and most reserved people also reserve against them) or no."
        )
        var voluntary: String = "yes"
        @Flag(help: "Print the import record as JSON.") var json = false
        @Flag(
            help:
                "Import even when the delivery has no valid rows or shrinks the active copy by more than TMNORM_REGISTER_MAX_SHRINK_PERCENT (default 10)."
        ) var force = false

        func run() async throws {
            let obtained = try obtainedAt.map(RegisterCommand.parseInstant)
            guard let voluntary = RegisterVoluntaryOption.parse(self.voluntary) else {
                throw ValidationError("--voluntary must be yes or no")
            }
            let entry = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await RegisterDirectory.importFile(
                    path: file, orgnr: org, obtainedAt: obtained, plainVoluntary: voluntary, force: force, app: app)
            }
            if json {
                print(try RegisterCommand.json(entry))
                return
            }
            print(
                "Imported \(entry.file_name): \(entry.numbers) numbers, \(entry.persons) persons from \(entry.rows) rows; \(entry.rejected_rows) rows rejected."
            )
            print("Snapshot \(entry.id) is active (sha256 \(entry.sha256)).")
            for problem in entry.problems.prefix(20) { print("  line \(problem.line): \(problem.reason)") }
            if entry.problems.count > 20 { print("  … \(entry.problems.count - 20) more (tmnorm register list --json)") }
        }
    }

    /// Lists the import history.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List register imports, newest first.")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "JSON array.") var json = false

        func run() async throws {
            let entries = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await RegisterDirectory.history(app: app)
            }
            if json {
                print(try RegisterCommand.json(entries))
                return
            }
            for entry in entries {
                print(
                    "\(entry.status.padding(toLength: 10, withPad: " ", startingAt: 0)) \(OsloTime.iso8601(entry.imported_at))  \(entry.owner ?? "installation")  \(entry.file_name)  numbers=\(entry.numbers) persons=\(entry.persons) rejected=\(entry.rejected_rows)\(entry.error.map { "  error: \($0)" } ?? "")"
                )
            }
        }
    }

    static func parseInstant(_ text: String) throws -> Date {
        if let day = try? LocalDate(parsing: text) {
            return try OsloTime.parseTimestamp(day.iso8601 + "T00:00:00")
        }
        do { return try OsloTime.parseTimestamp(text) } catch {
            throw ValidationError("--obtained-at: \(error.description)")
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
