/// One problem found while importing a register file, with its line number.
public struct RegisterImportProblem: Sendable, Codable, Equatable {
    /// 1-based physical line number (the header is line 1).
    public var line: Int
    /// What is wrong, in English.
    public var reason: String
    /// What is wrong, in Norwegian bokmål (nil in reports stored before it was kept).
    public var reasonNorwegian: String?
    /// True when the whole row was dropped; false when only a part (one phone number, or the person
    /// because of a missing address part) was, and the rest of the reservation was kept.
    public var rowRejected: Bool

    public init(line: Int, reason: String, reasonNorwegian: String? = nil, rowRejected: Bool) {
        self.line = line
        self.reason = reason
        self.reasonNorwegian = reasonNorwegian
        self.rowRejected = rowRejected
    }
}

/// What an import read, kept and dropped.
public struct RegisterImportReport: Sendable, Codable, Equatable {
    public var sourceFileName: String
    /// Lower-case hex SHA-256 of the file.
    public var sourceSHA256: String
    public var format: RegisterSourceFormat
    public var encoding: TextEncoding
    /// Data rows read (header and blank lines not counted).
    public var rows: Int
    /// Rows whose reservation covers telephone marketing and were used.
    public var telephoneReservations: Int
    /// Rows reserving only against addressed mail (not used for telephone washing).
    public var skippedNotTelephone: Int
    /// Blank lines skipped.
    public var blankLines: Int
    /// Rows dropped entirely.
    public var rejectedRows: Int
    /// Phone numbers dropped (the rest of their row kept).
    public var rejectedPhones: Int
    /// Rows whose person could not be formed (the row's numbers kept).
    public var rowsWithoutPerson: Int
    /// Distinct numbers / persons in the snapshot, and the subsets covering voluntary organisations.
    public var numbers: Int
    public var persons: Int
    public var voluntaryNumbers: Int
    public var voluntaryPersons: Int
    /// The first problems in file order (at most `RegisterImporter.maxListedProblems`).
    public var problems: [RegisterImportProblem]
    /// All problems, including those not listed.
    public var problemCount: Int
}

/// Why a register file could not be imported at all (nothing is switched in then).
public enum RegisterImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyFile
    case binaryFile(String)
    case unknownEncoding(String)
    /// The first line is neither the documented header nor a phone number.
    case notARegisterFile(String)
    case io(ByteIOError)

    public var description: String {
        switch self {
        case .emptyFile: "the register file is empty"
        case .binaryFile(let detail): "the register file is not text: \(detail)"
        case .unknownEncoding(let name): "the register file is encoded as \(name): expected UTF-8 or Windows-1252"
        case .notARegisterFile(let detail):
            "not a register file: \(detail); expected the header \(RegisterImporter.headerLine) or one phone number per line (docs/register-format.md)"
        case .io(let error): error.description
        }
    }

    /// The message in Norwegian bokmål.
    public var norwegian: String {
        switch self {
        case .emptyFile: "registerfila er tom"
        case .binaryFile(let detail): "registerfila er ikke tekst: \(detail)"
        case .unknownEncoding(let name): "registerfila er kodet som \(name): forventet UTF-8 eller Windows-1252"
        case .notARegisterFile(let detail):
            "ikke en registerfil: \(detail); forventet overskriften \(RegisterImporter.headerLine) eller ett telefonnummer per linje (docs/register-format.md)"
        case .io(let error): error.norwegian
        }
    }
}
