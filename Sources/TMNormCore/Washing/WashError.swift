/// Why a list could not be washed at all (row-level problems are rejections, not errors).
public enum WashError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes.
    case emptyInput
    /// Not text: a NUL byte, many control characters, or a known binary format (e.g. an Excel workbook).
    case binaryInput(String)
    /// Text in an encoding other than UTF-8 or Windows-1252, e.g. UTF-16.
    case unknownEncoding(String)
    /// The header line uses more than one of `;`, `,` and tab outside quotes.
    case mixedDelimiters([String])
    /// The header line is longer than the row limit or has a broken quote.
    case malformedHeader(String)
    /// No header names a phone column (the header is listed).
    case noPhoneColumn(header: [String])
    /// Several headers name a phone column; `--phone-column` must choose.
    case ambiguousPhoneColumn([String])
    /// The column given by name or number is not in the header.
    case phoneColumnNotFound(String, header: [String])
    /// Reading the input or writing an output failed.
    case io(ByteIOError)

    public var description: String {
        switch self {
        case .emptyInput:
            "the list is empty: expected a header row and one row per contact"
        case .binaryInput(let detail):
            "the list is not a text (CSV) file: \(detail)"
        case .unknownEncoding(let name):
            "the list is encoded as \(name): save it as UTF-8 or Windows-1252 (Excel: \"CSV UTF-8\" or \"CSV (semicolon separated)\")"
        case .mixedDelimiters(let found):
            "the header row mixes delimiters (\(found.joined(separator: ", "))): use one of ';', ',' or tab, and quote names that contain another"
        case .malformedHeader(let detail):
            "the header row is unusable: \(detail)"
        case .noPhoneColumn(let header):
            "no phone column found in the header (\(Self.list(header))): name it e.g. 'telefon' or 'mobil', or give --phone-column"
        case .ambiguousPhoneColumn(let names):
            "several columns look like phone numbers (\(Self.list(names))): choose one with --phone-column"
        case .phoneColumnNotFound(let wanted, let header):
            "phone column '\(Self.clip(wanted, 40))' is not in the header (\(Self.list(header)))"
        case .io(let error):
            error.description
        }
    }

    /// The message in Norwegian bokmål, for people.
    public var norwegian: String {
        switch self {
        case .emptyInput:
            "lista er tom: forventet en overskriftsrad og én rad per kontakt"
        case .binaryInput(let detail):
            "lista er ikke en tekstfil (CSV): \(detail)"
        case .unknownEncoding(let name):
            "lista er kodet som \(name): lagre den som UTF-8 eller Windows-1252 (Excel: «CSV UTF-8» eller «CSV (semikolonseparert)»)"
        case .mixedDelimiters(let found):
            "overskriftsraden blander skilletegn (\(found.joined(separator: ", "))): bruk ett av ';', ',' eller tabulator"
        case .malformedHeader(let detail):
            "overskriftsraden kan ikke brukes: \(detail)"
        case .noPhoneColumn(let header):
            "fant ingen telefonkolonne i overskriftsraden (\(Self.list(header))): kall den f.eks. «telefon» eller «mobil», eller oppgi --phone-column"
        case .ambiguousPhoneColumn(let names):
            "flere kolonner ser ut som telefonnumre (\(Self.list(names))): velg én med --phone-column"
        case .phoneColumnNotFound(let wanted, let header):
            "telefonkolonnen «\(Self.clip(wanted, 40))» finnes ikke i overskriftsraden (\(Self.list(header)))"
        case .io(let error):
            error.norwegian
        }
    }

    /// The header names as shown in a message: at most 20 names of at most 40 characters, at most 400
    /// characters in all, control characters replaced, so a huge or hostile header is never echoed whole.
    static func list(_ names: [String]) -> String {
        var shown = ""
        for (index, name) in names.prefix(20).enumerated() {
            let item = "'" + clip(name, 40) + "'"
            if shown.count + item.count > 400 { return shown + ", …" }
            shown += (index == 0 ? "" : ", ") + item
        }
        return names.count > 20 ? shown + ", …" : shown
    }

    /// A name cut to `limit` characters with control characters replaced by U+FFFD.
    static func clip(_ text: String, _ limit: Int) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.prefix(limit + 1).map {
                    $0.properties.generalCategory == .control ? "\u{FFFD}" : $0
                }))
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }
}

extension WashError {
    /// The same problem in washing's words.
    init(_ error: TextInputError) {
        switch error {
        case .emptyInput: self = .emptyInput
        case .binaryInput(let detail): self = .binaryInput(detail)
        case .unknownEncoding(let name): self = .unknownEncoding(name)
        }
    }
}
