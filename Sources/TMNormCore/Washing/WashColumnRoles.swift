import Foundation

/// How the caller names the phone column: by header text or by 1-based position.
public enum WashColumnSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case position(Int)

    /// "3" is a position, anything else a name.
    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let n = Int(trimmed), n >= 1 { self = .position(n) } else { self = .name(trimmed) }
    }

    public var description: String {
        switch self {
        case .name(let name): name
        case .position(let n): "#\(n)"
        }
    }
}

/// What a list column holds, recognised from its header.
public enum WashColumnRole: String, Sendable, Codable, CaseIterable {
    case phone, firstName = "first_name", lastName = "last_name", street, houseNumber = "house_number"
    case houseLetter = "house_letter", postcode

    /// Header names (after `normalisedHeader`) that mean this role.
    static let recognisedNames: [WashColumnRole: Set<String>] = [
        .phone: [
            "telefon", "telefonnr", "telefonnummer", "tlf", "tlfnr", "tlfnummer", "tel", "telnr", "mobil",
            "mobilnr", "mobilnummer", "mobiltelefon", "mobiltlf", "mobiltelefonnummer", "mobile", "mobilephone",
            "mobilenumber", "mobileno", "cellphone", "phone", "phonenumber", "phoneno", "telephone",
            "telephonenumber", "msisdn",
        ],
        .firstName: ["fornavn", "firstname", "givenname", "forename"],
        .lastName: ["etternavn", "lastname", "surname", "familyname"],
        .street: [
            "adresse", "gateadresse", "gatenavn", "gate", "veiadresse", "vegadresse", "bostedsadresse",
            "street", "streetaddress", "streetname", "address", "address1", "adresse1", "adresselinje1",
        ],
        .houseNumber: ["husnummer", "husnr", "housenumber", "houseno", "streetnumber"],
        .houseLetter: ["husbokstav", "bokstav", "houseletter"],
        .postcode: ["postnummer", "postnr", "postkode", "postcode", "postalcode", "zip", "zipcode"],
    ]

    /// Lower case, æ/ø/å and other diacritics folded (ø → o, æ → ae), everything but letters and digits
    /// removed: "Tlf.nr", "TLF NR" and "tlf_nr" all become "tlfnr".
    static func normalisedHeader(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "æ": out += "ae"
            case "ø": out += "o"
            case "å": out += "a"
            case "ß": out += "ss"
            default:
                let folded = String(scalar).folding(options: [.diacriticInsensitive], locale: nil)
                for f in folded.unicodeScalars where f.properties.isAlphabetic || ("0"..."9").contains(f) {
                    out.unicodeScalars.append(f)
                }
            }
        }
        return out
    }

    /// The role a header name means, if any.
    static func role(ofHeader name: String) -> WashColumnRole? {
        let key = normalisedHeader(name)
        return allCases.first { recognisedNames[$0]?.contains(key) == true }
    }
}

/// Which list columns hold what, decided once from the header.
struct WashColumnLayout: Sendable, Equatable {
    /// 0-based index of the phone column.
    var phone: Int
    /// 0-based indices of the person columns found (first occurrence of each role).
    var person: [WashColumnRole: Int]

    /// The roles person matching needs that the header lacks (empty = person matching on).
    var missingPersonRoles: [WashColumnRole] {
        var missing: [WashColumnRole] = [.firstName, .lastName, .street, .postcode].filter { person[$0] == nil }
        if person[.houseNumber] == nil && person[.street] == nil { missing.append(.houseNumber) }
        return missing
    }

    /// Finds the columns; `selector` overrides the phone column detection.
    static func detect(header: [String], selector: WashColumnSelector?) throws(WashError) -> WashColumnLayout {
        let phone: Int
        switch selector {
        case .position(let n):
            guard n >= 1 && n <= header.count else { throw .phoneColumnNotFound(String(n), header: header) }
            phone = n - 1
        case .name(let wanted):
            if let exact = header.firstIndex(of: wanted) {
                phone = exact
            } else {
                let key = WashColumnRole.normalisedHeader(wanted)
                guard let loose = header.firstIndex(where: { WashColumnRole.normalisedHeader($0) == key }) else {
                    throw .phoneColumnNotFound(wanted, header: header)
                }
                phone = loose
            }
        case nil:
            let candidates = header.indices.filter { WashColumnRole.role(ofHeader: header[$0]) == .phone }
            guard let first = candidates.first else { throw .noPhoneColumn(header: header) }
            guard candidates.count == 1 else { throw .ambiguousPhoneColumn(candidates.map { header[$0] }) }
            phone = first
        }
        var person: [WashColumnRole: Int] = [:]
        for (index, name) in header.enumerated() where index != phone {
            if let role = WashColumnRole.role(ofHeader: name), role != .phone, person[role] == nil {
                person[role] = index
            }
        }
        return WashColumnLayout(phone: phone, person: person)
    }
}
