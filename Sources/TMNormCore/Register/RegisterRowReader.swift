import Foundation

/// Turns register rows into reservations in a `RegisterSnapshotBuilder`, counting and reporting problems.
struct RegisterRowReader {
    let encoding: TextEncoding
    let format: RegisterSourceFormat
    let plainVoluntary: Bool
    let phoneTable: PhoneAllocationTable
    /// Plain files hold millions of numbers: classified from bytes like list rows (see `PhoneFieldClassifier`).
    let classifier: PhoneFieldClassifier
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
    /// The numbers of the current row (kept between rows for its capacity).
    private var numberKeys: [UInt32] = []
    /// The y/n columns.
    private static let flagColumns = [(8, "telephone"), (9, "addressed_mail"), (10, "voluntary_orgs")]
    /// Person keys from the row's bytes (the String path for text it leaves).
    private let personReader: PersonKeyReader

    init(encoding: TextEncoding, format: RegisterSourceFormat, plainVoluntary: Bool, phoneTable: PhoneAllocationTable) {
        self.encoding = encoding
        self.format = format
        self.plainVoluntary = plainVoluntary
        self.phoneTable = phoneTable
        classifier = PhoneFieldClassifier.forTable(phoneTable)
        personReader = PersonKeyReader(encoding: encoding)
    }

    mutating func read<Source>(_ row: CSVRowScanner<Source>) {
        if format == .plain, !row.streamedThrough, row.content.contains(0x0A) {
            rows += 1
            readPlainLines(row)
            return
        }
        if let defect = row.defect {
            rows += 1
            reject(line: row.rowLine, defect.explanation, nb: defect.norwegian)
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
            reject(line: row.rowLine, "a NUL byte splits the line", nb: "et NUL-tegn deler linjen")
            return
        }
        telephoneReservations += 1
        let classifier = self.classifier
        let encoding = self.encoding
        let verdict = row.withFieldValue(0, scratch: &scratch) { classifier.verdict($0, encoding: encoding) }
        if case .callable(let key) = verdict {
            builder.addNumber(key, voluntary: plainVoluntary)
            return
        }
        let text = field(row, 0)
        switch number(text) {
        case .success(let key): builder.addNumber(key, voluntary: plainVoluntary)
        case .failure(let reason): reject(line: row.rowLine, reason)
        }
    }

    /// A quote opened on one line and closed on a later one made the scanner read those lines as one
    /// quoted field. In a plain file every line is a reservation of its own: each line is read by itself
    /// (its quotes dropped), so a stray quote costs the lines it is on, not the numbers in between
    /// (found by fuzz/run register: `"918001267` … `+4670234567"` dropped the three numbers between).
    private mutating func readPlainLines<Source>(_ row: CSVRowScanner<Source>) {
        let content = row.content
        var start = 0
        var line = row.rowLine
        for end in 0...content.count where end == content.count || content[end] == 0x0A {
            var bytes = Array(UnsafeRawBufferPointer(rebasing: content[start..<end]))
            start = end + 1
            defer { line += 1 }
            if bytes.last == 0x0D { bytes.removeLast() }
            bytes.removeAll { $0 == 0x22 }
            let first = line == row.rowLine
            let verdict = bytes.withUnsafeBytes { classifier.verdict(TextDecoder.trimmed($0), encoding: encoding) }
            if verdict == .missing {
                // `read` counted the row once: a first line left empty is that row, rejected; later empty
                // lines are blank lines.
                if first { reject(line: line, "a quote without a number", nb: "et anførselstegn uten nummer") } else { blankLines += 1 }
                continue
            }
            if !first { rows += 1 }
            telephoneReservations += 1
            if case .callable(let key) = verdict {
                builder.addNumber(key, voluntary: plainVoluntary)
                continue
            }
            let text = bytes.withUnsafeBytes { TextDecoder.trimmedText($0, as: encoding) }
            switch number(text) {
            case .success(let key): builder.addNumber(key, voluntary: plainVoluntary)
            case .failure(let reason): reject(line: line, reason)
            }
        }
    }

    private mutating func readCSV<Source>(_ row: CSVRowScanner<Source>) {
        let expected = RegisterImporter.columns.count
        guard row.fieldCount == expected else {
            reject(
                line: row.rowLine, "\(row.fieldCount) fields, expected \(expected) separated by ';'",
                nb: "\(row.fieldCount) felt, ventet \(expected) skilt med «;»")
            return
        }
        guard row.withFieldValue(0, scratch: &scratch, { !TextDecoder.trimmed($0).isEmpty }) else {
            reject(line: row.rowLine, "reservation_id is empty", nb: "reservasjons-id (reservation_id) mangler")
            return
        }
        // No array per row (flags, the column list, the numbers): 2.5 M rows paid ~0.3 s for them.
        var telephone = false
        var voluntary = false
        for (index, name) in Self.flagColumns {
            let flag: Bool? = row.withFieldValue(index, scratch: &scratch) { raw in
                let bytes = TextDecoder.trimmed(raw)
                guard bytes.count == 1 else { return nil }
                switch bytes[0] | 0x20 {
                case 0x79: return true  // y
                case 0x6E: return false  // n
                default: return nil
                }
            }
            guard let flag else {
                reject(
                    line: row.rowLine, "\(name) is '\(field(row, index))', expected y or n", nb: "\(name) er «\(field(row, index))», ventet y eller n"
                )
                return
            }
            if index == 8 { telephone = flag } else if index == 10 { voluntary = flag }
        }
        guard telephone else {
            skippedNotTelephone += 1
            return
        }
        telephoneReservations += 1
        var partial: [RegisterPhoneRejection] = []
        var kept = 0
        let classifier = self.classifier
        let encoding = self.encoding
        var failed: [String] = []
        var keys = numberKeys
        numberKeys = []
        keys.removeAll(keepingCapacity: true)
        row.withFieldValue(7, scratch: &scratch) { raw in
            // Numbers separated by '|', each classified from its bytes; only failures become Strings.
            var start = 0
            for end in 0...raw.count where end == raw.count || raw[end] == 0x7C {
                let part = TextDecoder.trimmed(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end + 1
                guard !part.isEmpty else { continue }
                if case .callable(let key) = classifier.verdict(part, encoding: encoding) {
                    keys.append(key)
                } else {
                    failed.append(TextDecoder.decode(part, as: encoding))
                }
            }
        }
        for key in keys { builder.addNumber(key, voluntary: voluntary) }
        kept += keys.count
        numberKeys = keys
        for text in failed {
            if case .failure(let reason) = number(text) {
                rejectedPhones += 1
                partial.append(reason)
            }
        }
        if let person = personKey(row) {
            builder.addPerson(person, voluntary: voluntary)
            kept += 1
        } else {
            rowsWithoutPerson += 1
            partial.append(
                RegisterPhoneRejection(
                    "no person kept: first_name, last_name, street and a 4-digit postcode are required",
                    nb: "ingen person lagret: fornavn, etternavn, gate og et postnummer med 4 siffer må være med"))
        }
        if kept == 0 {
            reject(line: row.rowLine, partial.map(\.text).joined(separator: "; "), nb: partial.map(\.norwegian).joined(separator: "; "))
        } else {
            for reason in partial {
                note(RegisterImportProblem(line: row.rowLine, reason: reason.text, reasonNorwegian: reason.norwegian, rowRejected: false))
            }
        }
    }

    /// The key of a storable number, or why it is not stored.
    private func number(_ text: String) -> Result<UInt32, RegisterPhoneRejection> {
        switch PhoneNumber.parse(text, table: phoneTable) {
        case .valid(let phone):
            guard let key = phone.eightDigitKey, phone.kind == .mobile || phone.kind == .fixed else {
                return .failure(
                    RegisterPhoneRejection(
                        "phone '\(text)' is a \(phone.kind.rawValue) number, not a consumer line",
                        nb: "telefon «\(text)» er et \(Self.kindNorwegian(phone.kind)), ikke en forbrukerlinje"))
            }
            return .success(key)
        case .foreign, .invalid:
            let problem: PhoneNumberProblem? = if case .failure(let p) = PhoneNumber.validate(text, table: phoneTable) { p } else { nil }
            return .failure(
                RegisterPhoneRejection(
                    "phone '\(text)': \(problem?.description ?? "invalid")", nb: "telefon «\(text)»: \(problem?.norwegian ?? "ugyldig")"))
        }
    }

    /// The row's person key (columns 1–5), from its bytes where `PersonKeyReader` can, else through Strings.
    private mutating func personKey<Source>(_ row: CSVRowScanner<Source>) -> UInt64? {
        if let first = row.unescapedFieldBytes(1), let last = row.unescapedFieldBytes(2), let street = row.unescapedFieldBytes(3),
            let number = row.unescapedFieldBytes(4), let postcode = row.unescapedFieldBytes(5)
        {
            let fields = PersonFieldBytes(firstName: first, lastName: last, street: street, houseNumber: number, postcode: postcode)
            switch personReader.key(fields, splitAddress: false) {
            case .key(let key): return key
            case .noIdentity: return nil
            case .needsText: break
            }
        }
        let parts = (1...5).map { field(row, $0) }
        return PersonIdentity(firstName: parts[0], lastName: parts[1], street: parts[2], houseNumber: parts[3], postcode: parts[4])?.key
    }

    private mutating func field<Source>(_ row: CSVRowScanner<Source>, _ k: Int) -> String {
        let encoding = self.encoding
        return row.withFieldValue(k, scratch: &scratch) { TextDecoder.trimmedText($0, as: encoding) }
    }

    private mutating func reject(line: Int, _ reason: String, nb: String) {
        rejectedRows += 1
        note(RegisterImportProblem(line: line, reason: reason, reasonNorwegian: nb, rowRejected: true))
    }

    private mutating func reject(line: Int, _ reason: RegisterPhoneRejection) { reject(line: line, reason.text, nb: reason.norwegian) }

    static func kindNorwegian(_ kind: PhoneKind) -> String {
        switch kind {
        case .mobile: "mobilnummer"
        case .fixed: "fasttelefonnummer"
        case .m2m: "maskin-til-maskin-nummer"
        case .special: "spesialnummer"
        case .short: "kortnummer"
        case .foreign: "utenlandsk nummer"
        case .invalid: "ugyldig nummer"
        }
    }

    private mutating func note(_ problem: RegisterImportProblem) {
        problemCount += 1
        if problems.count < RegisterImporter.maxListedProblems { problems.append(problem) }
    }
}

/// A reason a phone number or row was not stored.
struct RegisterPhoneRejection: Error, CustomStringConvertible {
    let text: String
    let norwegian: String
    init(_ text: String, nb: String) {
        self.text = text
        self.norwegian = nb
    }
    var description: String { text }
}
