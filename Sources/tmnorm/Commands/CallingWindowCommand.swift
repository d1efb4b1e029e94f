import ArgumentParser
import Foundation
import TMNormCore

/// `tmnorm calling-window --at ISO8601 | --from DATE --to DATE [--norm NAME] [--json]`.
struct CallingWindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calling-window",
        abstract: "Whether telephone marketing to consumers is allowed at a moment, or the allowed windows in a span.",
        discussion: """
            Times are ISO 8601 with an offset or Z (2026-12-01T09:00:00+01:00, 2026-12-01T08:00:00Z) or \
            without one, read as Europe/Oslo wall-clock time (2026-12-01T09:00); a time skipped when the \
            clocks go forward is read one hour later, a time that occurs twice as its first occurrence. \
            --from/--to take dates (YYYY-MM-DD, both days included) or two such times. Answers use the \
            rules in force at the moment asked about; output times carry the Oslo offset.
            """)

    @Option(help: "The moment to judge (ISO 8601).")
    var at: String?

    @Option(help: "Start of the span to list windows for (YYYY-MM-DD or ISO 8601).")
    var from: String?

    @Option(help: "End of the span (YYYY-MM-DD, included; or ISO 8601, excluded).")
    var to: String?

    @Option(help: "Also apply an industry norm by name (built in: \(IndustryNorm.builtIn.map(\.name).joined(separator: ", "))).")
    var norm: String?

    @Flag(help: "Print JSON: {\"at\", \"allowed\", \"reason\", \"next_allowed\"}, or an array of {\"start\", \"end\"}.")
    var json = false

    func validate() throws {
        switch (at, from, to) {
        case (.some, nil, nil), (nil, .some, .some): return
        default: throw ValidationError("give either --at TIME, or both --from and --to")
        }
    }

    func run() throws {
        do {
            let norm = try norm.map { name throws(CallingRulesError) in try IndustryNorm.builtIn(named: name) }
            if let at {
                try judge(at: try OsloTime.parseTimestamp(at), norm: norm)
            } else if let from, let to {
                try list(try windows(from: from, to: to, norm: norm))
            }
        } catch let error as CallingRulesError {
            throw fail(error.description, error.norwegian)
        } catch let error as CalendarError {
            throw fail(error.description, error.norwegian)
        }
    }

    private func judge(at instant: Date, norm: IndustryNorm?) throws {
        let d = try CallingRules.decide(at: instant, norm: norm)
        if json {
            print(try Self.encode(d.summary))
            return
        }
        print("\(OsloTime.iso8601(d.at))  \(d.allowed ? "allowed" : "not allowed") (\(d.reason.rawValue))")
        print("  \(d.textEnglish)")
        print("  \(d.textNorwegian)")
        print("  next allowed: \(d.nextAllowed.map(OsloTime.iso8601) ?? "none found")")
        var rules = "  rules: \(d.ruleSetID)\(d.statutoryInForce ? "" : " (not yet in force)")"
        if let name = d.normName { rules += "; norm: \(name) (\(d.normVersionID ?? "not yet in force"))" }
        print(rules)
    }

    private func windows(from: String, to: String, norm: IndustryNorm?) throws -> [CallingWindow] {
        if let first = try? LocalDate(parsing: from), let last = try? LocalDate(parsing: to) {
            return try CallingRules.allowedWindows(from: first, through: last, norm: norm)
        }
        return try CallingRules.allowedWindows(
            from: try OsloTime.parseTimestamp(from), to: try OsloTime.parseTimestamp(to), norm: norm)
    }

    private func list(_ windows: [CallingWindow]) throws {
        if json {
            print(try Self.encode(windows))
            return
        }
        if windows.isEmpty { print("no allowed windows") }
        for w in windows {
            let start = OsloTime.localDateTime(of: w.start)
            let end = OsloTime.localDateTime(of: w.end)
            let day = "\(start.date.weekday.norwegianName) \(start.date.norwegianFormatted)"
            print("\(day)  \(start.time.formatted)–\(end.time.formatted)  (\(OsloTime.iso8601(w.start)) – \(OsloTime.iso8601(w.end)))")
        }
    }

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes the reason to stderr in both languages; the returned exit code makes the process fail.
    private func fail(_ english: String, _ norwegian: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(english)\nfeil: \(norwegian)\n".utf8))
        return ExitCode(1)
    }
}
