import Foundation

/// Turns register rows into reservations in a `RegisterSnapshotBuilder`, counting and reporting problems.
struct RegisterRowReader {
    let encoding: WashTextEncoding
    let format: RegisterSourceFormat
    let plainVoluntary: Bool
    let phoneTable: PhoneAllocationTable
    var builder = RegisterSnapshotBuilder()
    var rows = 0
    var telephoneReservations = 0
    var skippedNotTelephone = 0
    var blankLines = 0
    var rejectedRows = 0
    var rejectedPhones = 0
    var rowsWithoutPerson = 0
    var problems: [RegisterImportProblem] = []
    var problemCount = 0
    private var scratch: [UInt8] = []

    init(encoding: WashTextEncoding, format: RegisterSourceFormat, plainVoluntary: Bool, phoneTable: PhoneAllocationTable) {
        self.encoding = encoding
        self.format = format
        self.plainVoluntary = plainVoluntary
        self.phoneTable = phoneTable
    }

    mutating func read<Source>(_ row: CSVRowScanner<Source>) {
        if let defect = row.defect {
            rows += 1
            reject(line: row.rowLine, Self.describe(defect))
            return
        }
        if row.contentIsBlank {
            blankLines += 1
            return
        }
        rows += 1
        switch format {
        case .plain: readPlain(row)
        case .csv: readCSV(row)
        }
    }

    private mutating func readPlain<Source>(_ row: CSVRowScanner<Source>) {
        guard row.fieldCount == 1 else {
            reject(line: row.rowLine, "a NUL byte splits the line")
            return
        }
        telephoneReservations += 1
        let text = field(row, 0)
        switch number(text) {
        case .success(let key): builder.addNumber(key, voluntary: plainVoluntary)
        case .failure(let reason): reject(line: row.rowLine, reason)
        }
    }

    private mutating func readCSV<Source>(_ row: CSVRowScanner<Source>) {
        let expected = RegisterImporter.columns.count
        guard row.fieldCount == expected else {
            reject(line: row.rowLine, "\(row.fieldCount) fields, expected \(expected) separated by ';'")
            return
        }
        let f = (0..<expected).map { field(row, $0) }
        guard !f[0].isEmpty else {
            reject(line: row.rowLine, "reservation_id is empty")
            return
        }
        var flags: [Bool] = []
        for (index, name) in [(8, "telephone"), (9, "addressed_mail"), (10, "voluntary_orgs")] {
            switch f[index].lowercased() {
            case "y": flags.append(true)
            case "n": flags.append(false)
            default:
                reject(line: row.rowLine, "\(name) is '\(f[index])', expected y or n")
                return
            }
        }
        guard flags[0] else {
            skippedNotTelephone += 1
            return
        }
        telephoneReservations += 1
        let voluntary = flags[2]
        var partial: [String] = []
        var kept = 0
        for raw in f[7].split(separator: "|") {
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            switch number(text) {
            case .success(let key):
                builder.addNumber(key, voluntary: voluntary)
                kept += 1
            case .failure(let reason):
                rejectedPhones += 1
                partial.append(reason.text)
            }
        }
        if let person = PersonIdentity(firstName: f[1], lastName: f[2], street: f[3], houseNumber: f[4], postcode: f[5]) {
            builder.addPerson(person.key, voluntary: voluntary)
            kept += 1
        } else {
            rowsWithoutPerson += 1
            partial.append("no person kept: first_name, last_name, street and a 4-digit postcode are required")
        }
        if kept == 0 {
            reject(line: row.rowLine, partial.joined(separator: "; "))
        } else {
            for reason in partial { note(RegisterImportProblem(line: row.rowLine, reason: reason, rowRejected: false)) }
        }
    }

    /// The key of a storable number, or why it is not stored.
    private func number(_ text: String) -> Result<UInt32, RegisterPhoneRejection> {
        switch PhoneNumber.parse(text, table: phoneTable) {
        case .valid(let phone):
            guard let key = phone.eightDigitKey, phone.kind == .mobile || phone.kind == .fixed else {
                return .failure(RegisterPhoneRejection("phone '\(text)' is a \(phone.kind.rawValue) number, not a consumer line"))
            }
            return .success(key)
        case .foreign(_, let reason), .invalid(_, let reason):
            return .failure(RegisterPhoneRejection("phone '\(text)': \(reason)"))
        }
    }

    private mutating func field<Source>(_ row: CSVRowScanner<Source>, _ k: Int) -> String {
        let encoding = self.encoding
        return row.withFieldValue(k, scratch: &scratch) { WashTextDecoder.decode($0, as: encoding) }
            .trimmingCharacters(in: .whitespaces)
    }

    private mutating func reject(line: Int, _ reason: String) {
        rejectedRows += 1
        note(RegisterImportProblem(line: line, reason: reason, rowRejected: true))
    }

    private mutating func reject(line: Int, _ reason: RegisterPhoneRejection) { reject(line: line, reason.text) }

    private mutating func note(_ problem: RegisterImportProblem) {
        problemCount += 1
        if problems.count < RegisterImporter.maxListedProblems { problems.append(problem) }
    }

    static func describe(_ defect: CSVRowDefect) -> String {
        switch defect {
        case .unterminatedQuote: "a quoted field is never closed (row ignored up to the end of its line)"
        case .textAfterClosingQuote(let field): "text after the closing quote in field \(field)"
        case .tooLong(let limit): "the line is longer than \(limit) bytes"
        }
    }
}

/// A reason a phone number or row was not stored.
struct RegisterPhoneRejection: Error, CustomStringConvertible {
    let text: String
    init(_ text: String) { self.text = text }
    var description: String { text }
}
