import ArgumentParser
import Foundation
import TMNormCore
import TMNormIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shared pieces of `tmnorm wash` and `tmnorm register build`: loading, output, errors.
enum WashCommandSupport {
    /// A snapshot file is mapped; a register CSV or plain file is imported in memory first.
    static func loadRegister(_ path: String, voluntary: Bool) throws -> RegisterSnapshot {
        if RegisterSnapshot.isSnapshotFile(path: path) {
            do { return try RegisterSnapshot.load(path: path) } catch { fail(error.description, error.norwegian) }
        }
        do {
            let result = try RegisterImporter.importFile(
                path: path, obtainedAt: fileDate(path), plainVoluntary: voluntary, obtainedAtBasis: .delivery)
            if result.report.problemCount > 0 {
                FileHandle.standardError.write(
                    Data("register: \(result.report.problemCount) problem(s) in \(path); see `tmnorm register build` for the list\n".utf8))
            }
            return result.snapshot
        } catch {
            fail(error.description, error.norwegian)
        }
    }

    /// When a register file was obtained, if not given: its modification time.
    static func fileDate(_ path: String) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return attributes?[.modificationDate] as? Date ?? Date()
    }

    /// Prints the message (English, then Norwegian) to stderr and exits with status 1.
    static func fail(_ english: String, _ norwegian: String) -> Never {
        FileHandle.standardError.write(Data("error: \(english)\nfeil: \(norwegian)\n".utf8))
        exit(1)
    }

    static func jsonLine(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func writeJSON(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func printReadable(_ s: WashSummary, certificate c: WashCertificate) {
        print("rows      \(s.rows)")
        print("callable  \(s.callable)")
        print("rejected  \(s.rejected)")
        for reason in WashReason.allCases where s.count(reason) > 0 {
            print("  \(reason.code.padding(toLength: 20, withPad: " ", startingAt: 0)) \(s.count(reason))")
        }
        if s.exempted > 0 { print("exempted from the register: \(s.exempted)") }
        if !s.malformedRows.isEmpty {
            let lines = s.malformedRows.prefix(20).map { "\($0.line) (\($0.detail))" }.joined(separator: ", ")
            print("malformed rows on lines: \(lines)\(s.count(.malformedRow) > 20 ? ", …" : "")")
        }
        print("list      sha256 \(s.listSHA256), \(s.encoding.rawValue), delimiter \(s.delimiter), phone column '\(s.phoneColumn)'")
        if !s.personMatching {
            print("person matching off: the list has no \(s.missingPersonColumns.joined(separator: ", ")) column(s)")
        }
        let basis =
            switch s.register.obtainedAtBasis {
            case .given?: " (date given at import)"
            case .delivery?: " (the delivered file's date)"
            case .imported?: " (date of the import: none was given)"
            case nil: ""
            }
        print("register  \(s.register.id) sha256 \(s.register.sha256) obtained \(OsloTime.iso8601(s.register.obtainedAt))\(basis)")
        if let until = c.validUntil {
            print("callable until \(OsloTime.iso8601(until)) (\(c.rule))")
        } else if let why = c.invalidReason {
            print("NOT valid for calling: \(why)")
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal and at most ten times a second.
final class WashProgressBar {
    private let enabled = isatty(2) == 1
    private var lastDraw = Date.distantPast
    private var drawn = false

    func update(_ p: WashProgress) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = Date()
        drawn = true
        let rows = "\(p.rows) rows"
        guard let total = p.totalBytes, total > 0 else {
            FileHandle.standardError.write(Data("\r\(p.bytesRead >> 20) MB, \(rows)".utf8))
            return
        }
        let fraction = min(1, Double(p.bytesRead) / Double(total))
        let filled = Int(fraction * 30)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(Int(fraction * 100))% \(rows)".utf8))
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
