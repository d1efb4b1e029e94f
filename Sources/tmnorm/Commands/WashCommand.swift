import ArgumentParser
import Foundation
import TMNormCore
import TMNormIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tmnorm wash LIST.csv --register SNAPSHOT_OR_FILE --out CALLABLE.csv --rejected REJECTED.csv [--json]`
struct WashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wash",
        abstract: "Wash a call list against the reservation register and internal block lists.",
        discussion: """
            Writes the callable rows unchanged to --out and the rejected rows, with a `reason` column, to \
            --rejected. Every input row ends in exactly one of the two. See docs/washing.md.
            """)

    @Argument(help: "The call list (CSV with a header row; ';', ',' or tab; UTF-8 or Windows-1252).")
    var list: String

    @Option(help: "A register snapshot (from `tmnorm register build`) or a register CSV/plain file.")
    var register: String

    @Option(help: "Where to write the callable rows.")
    var out: String

    @Option(help: "Where to write the rejected rows (with a `reason` column).")
    var rejected: String

    @Option(name: .customLong("phone-column"), help: "The phone column: header name or 1-based position.")
    var phoneColumn: String?

    @Option(help: "Client organisation number: apply its internal block lists and exemptions (needs --database).")
    var client: String?

    @Option(help: "The server database holding block lists and exemptions.")
    var database: String?

    @Flag(help: "The campaign is for a voluntary organisation: only reservations covering voluntary organisations apply.")
    var voluntary = false

    @Option(
        name: .customLong("register-voluntary"),
        help: "A plain register file's numbers also cover voluntary organisations: yes (default, fail closed) or no.")
    var registerVoluntary: String = "yes"

    @Option(name: .customLong("certificate"), help: "Also write the wash certificate (JSON) to this file.")
    var certificatePath: String?

    @Option(help: "Who washes (recorded on the certificate).")
    var washedBy: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown"

    @Option(help: "Calling period rule: same-month (default) or max-age-days:N.")
    var freshness: String = "same-month"

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func run() async throws {
        guard let rule = WashFreshnessRule(parsing: freshness) else {
            throw ValidationError("--freshness must be same-month or max-age-days:N")
        }
        guard let plainVoluntary = RegisterVoluntaryOption.parse(registerVoluntary) else {
            throw ValidationError("--register-voluntary must be yes or no")
        }
        let snapshot = try WashCommandSupport.loadRegister(register, voluntary: plainVoluntary)
        var policy = WashPolicy(isVoluntaryOrganisation: voluntary, phoneColumn: phoneColumn.map(WashColumnSelector.init(parsing:)))
        if let client {
            let orgnr: OrganisationNumber
            do { orgnr = try OrganisationNumber(client) } catch { throw ValidationError("--client \(client): \(error.description)") }
            // The client's block lists and exemptions come from the server's database.
            policy = try await DatabaseWashPolicy.policy(base: policy, client: orgnr, databasePath: database)
        }
        let washer = Washer(register: snapshot, policy: policy, memory: HugePageAllocator())
        let bar = WashProgressBar()
        let summary: WashSummary
        do {
            summary = try washer.washFile(at: list, callableTo: out, rejectedTo: rejected) { bar.update($0) }
        } catch {
            bar.finish()
            WashCommandSupport.fail(error.description, error.norwegian)
        }
        bar.finish()
        let certificate = WashCertificate.issue(summary: summary, washedAt: Date(), washedBy: washedBy, rule: rule)
        if let certificatePath {
            try WashCommandSupport.writeJSON(certificate, to: certificatePath)
        }
        if json {
            print(WashCommandSupport.jsonLine(WashSummaryJSON(summary: summary, certificate: certificate)))
        } else {
            WashCommandSupport.printReadable(summary, certificate: certificate)
        }
    }
}

/// The `--json` shape: `{"rows", "callable", "rejected", "by_reason", "register": {"id", "sha256", "obtained_at"}, …}`.
struct WashSummaryJSON: Encodable {
    struct Register: Encodable {
        let id: String
        let sha256: String
        let obtained_at: String
    }

    let rows: Int
    let callable: Int
    let rejected: Int
    let by_reason: [String: Int]
    let register: Register
    let exempted: Int
    let list_sha256: String
    let encoding: String
    let delimiter: String
    let phone_column: String
    let person_matching: Bool
    let missing_person_columns: [String]
    let malformed_rows: [WashMalformedRow]
    let valid_until: String?
    let invalid_reason: String?

    init(summary s: WashSummary, certificate c: WashCertificate) {
        rows = s.rows
        callable = s.callable
        rejected = s.rejected
        by_reason = s.byReason
        register = Register(id: s.register.id, sha256: s.register.sha256, obtained_at: OsloTime.iso8601(s.register.obtainedAt))
        exempted = s.exempted
        list_sha256 = s.listSHA256
        encoding = s.encoding.rawValue
        delimiter = s.delimiter
        phone_column = s.phoneColumn
        person_matching = s.personMatching
        missing_person_columns = s.missingPersonColumns
        malformed_rows = s.malformedRows
        valid_until = c.validUntil.map(OsloTime.iso8601)
        invalid_reason = c.invalidReason
    }
}
