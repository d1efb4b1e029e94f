/// A business named in an offer as the server knows it; any field may be missing until checked.
public struct OfferParty: Sendable, Hashable, Codable {
    public var name: String?
    public var organisationNumber: OrganisationNumber?
    /// Postal (geographic) address on one line, e.g. "Storgata 1, 0155 Oslo".
    public var address: String?
    public var phone: PhoneNumber?
    public var email: EmailAddress?
    /// A voluntary organisation (frivillig organisasjon): its campaigns are exempt by default.
    public var isVoluntaryOrganisation: Bool

    public init(
        name: String?, organisationNumber: OrganisationNumber?, address: String? = nil,
        phone: PhoneNumber? = nil, email: EmailAddress? = nil, isVoluntaryOrganisation: Bool = false
    ) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.address = address
        self.phone = phone
        self.email = email
        self.isVoluntaryOrganisation = isVoluntaryOrganisation
    }
}

/// A business as it appears in a checked offer: name and organisation number always present.
public struct OfferTrader: Sendable, Hashable, Codable {
    public let name: String
    public let organisationNumber: OrganisationNumber
    public let address: String?
    public let phone: PhoneNumber?
    public let email: EmailAddress?

    public init(name: String, organisationNumber: OrganisationNumber, address: String?, phone: PhoneNumber?, email: EmailAddress?) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.address = address
        self.phone = phone
        self.email = email
    }

    /// "22 12 34 56", "912 34 567" or the national digits for other lengths.
    public var phoneFormatted: String? {
        guard let national = phone?.national else { return nil }
        let d = Array(national)
        guard d.count == 8 else { return national }
        if d[0] == "4" || d[0] == "9" { return "\(String(d[0..<3])) \(String(d[3..<5])) \(String(d[5..<8]))" }
        return "\(String(d[0..<2])) \(String(d[2..<4])) \(String(d[4..<6])) \(String(d[6..<8]))"
    }

    /// Contact lines in order: address, phone, e-mail (those present).
    public func contactParts(_ language: OfferLanguage) -> [String] {
        var parts: [String] = []
        if let address { parts.append(address) }
        if let phone = phoneFormatted { parts.append(language == .norwegian ? "tlf. \(phone)" : "tel. \(phone)") }
        if let email { parts.append(email.address) }
        return parts
    }
}
