import Foundation

/// Reads a list row's person columns into a `PersonIdentity` key (only when the register or a block list
/// has persons to match).
struct WashPersonColumns {
    let layout: WashColumnLayout
    let encoding: TextEncoding
    /// All parts person matching needs are present in the header.
    let isComplete: Bool
    /// Column indices of the parts (-1 when the header has none), for the byte path.
    private let columns: [Int]

    init(layout: WashColumnLayout, encoding: TextEncoding) {
        self.layout = layout
        self.encoding = encoding
        isComplete = layout.missingPersonRoles.isEmpty
        columns = [WashColumnRole.firstName, .lastName, .street, .houseNumber, .houseLetter, .postcode].map { layout.person[$0] ?? -1 }
    }

    /// The row's person key, or nil when a part is empty or invalid. An address column holding
    /// "Storgata 12 B" is split when there is no (filled) house number column. Read from the row's bytes
    /// by `reader` when it can, else through Strings (the same key either way: `PersonKeyReaderTests`).
    func key<Source>(_ row: CSVRowScanner<Source>, reader: PersonKeyReader, scratch: inout [UInt8]) -> UInt64? {
        if let fields = fieldBytes(row) {
            switch reader.key(fields, splitAddress: true) {
            case .key(let key): return key
            case .noIdentity: return nil
            case .needsText: break
            }
        }
        return textKey(row, scratch: &scratch)
    }

    /// The parts' bytes in the window; nil when one is quoted with `""` inside (unescaped on the String path).
    @inline(__always)
    private func fieldBytes<Source>(_ row: CSVRowScanner<Source>) -> PersonFieldBytes? {
        guard let first = row.unescapedFieldBytes(columns[0]), let last = row.unescapedFieldBytes(columns[1]),
            let street = row.unescapedFieldBytes(columns[2]), let number = row.unescapedFieldBytes(columns[3]),
            let letter = row.unescapedFieldBytes(columns[4]), let postcode = row.unescapedFieldBytes(columns[5])
        else { return nil }
        return PersonFieldBytes(
            firstName: first, lastName: last, street: street, houseNumber: number, houseLetter: letter, postcode: postcode)
    }

    /// The key through Strings: `PersonIdentity` on the decoded, trimmed fields.
    func textKey<Source>(_ row: CSVRowScanner<Source>, scratch: inout [UInt8]) -> UInt64? {
        func text(_ role: WashColumnRole) -> String {
            guard let index = layout.person[role] else { return "" }
            return row.withFieldValue(index, scratch: &scratch) { TextDecoder.trimmedText($0, as: encoding) }
        }
        var street = text(.street)
        var houseNumber = text(.houseNumber)
        if houseNumber.isEmpty {
            let split = PersonIdentity.splitStreetAndNumber(street)
            street = split.street
            houseNumber = split.houseNumber
        }
        let letter = text(.houseLetter)
        if !letter.isEmpty { houseNumber += " " + letter }
        return PersonIdentity(
            firstName: text(.firstName), lastName: text(.lastName), street: street, houseNumber: houseNumber,
            postcode: text(.postcode)
        )?.key
    }
}
