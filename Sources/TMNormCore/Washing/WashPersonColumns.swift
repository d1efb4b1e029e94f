import Foundation

/// Reads a list row's person columns into a `PersonIdentity` key (only when the register or a block list
/// has persons to match).
struct WashPersonColumns {
    let layout: WashColumnLayout
    let encoding: TextEncoding
    /// All parts person matching needs are present in the header.
    let isComplete: Bool

    init(layout: WashColumnLayout, encoding: TextEncoding) {
        self.layout = layout
        self.encoding = encoding
        isComplete = layout.missingPersonRoles.isEmpty
    }

    /// The row's person key, or nil when a part is empty or invalid. An address column holding
    /// "Storgata 12 B" is split when there is no (filled) house number column.
    func key<Source>(_ row: CSVRowScanner<Source>, scratch: inout [UInt8]) -> UInt64? {
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
