import TMNormCore

/// Phone-number kinds in words.
enum PhoneWords {
    static func kind(_ kind: PhoneKind) -> Phrase {
        switch kind {
        case .mobile: Phrase(nb: "mobilnummer", en: "mobile number")
        case .fixed: Phrase(nb: "fasttelefonnummer", en: "landline number")
        case .m2m: Phrase(nb: "maskin-til-maskin-nummer", en: "machine-to-machine number")
        case .special: Phrase(nb: "spesialnummer (8xx)", en: "special-service number (8xx)")
        case .short: Phrase(nb: "kortnummer", en: "short number")
        case .foreign: Phrase(nb: "utenlandsk nummer", en: "foreign number")
        case .invalid: Phrase(nb: "ugyldig nummer", en: "invalid number")
        }
    }
}
