import Foundation
import Vapor

/// An uploaded list of phone numbers, as block lists and existing customers are added.
enum NumberListUpload {
    /// Reads an uploaded list: one number per line, or CSV whose first column (or a `telefon`/`phone` column) holds numbers.
    static func numbers(fromCSV text: String) -> [(label: String, raw: String)] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let delimiter: Character = lines[0].contains(";") ? ";" : (lines[0].contains(",") ? "," : "\t")
        var column = 0
        var firstLine = 1
        let header = lines[0].split(separator: delimiter, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if let index = header.firstIndex(where: {
            ["telefon", "tlf", "mobil", "mobilnummer", "phone", "telefonnummer", "nummer", "number"].contains($0)
        }) {
            column = index
            firstLine = 2
            lines.removeFirst()
        }
        var result: [(String, String)] = []
        for (offset, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false)
            let raw = column < fields.count ? String(fields[column]).trimmingCharacters(in: CharacterSet(charactersIn: " \"")) : ""
            result.append(("line \(offset + firstLine)", raw))
        }
        return result
    }
}

/// What adding an uploaded list did: rows added, rows already there, and rows refused (by line, with the reason).
struct ListAdditionOutcome: Content {
    var added = 0
    var alreadyBlocked = 0
    var problems: [FieldProblem] = []
}
