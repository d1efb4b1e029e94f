/// `DisplayName.problem`'s reasons (English, from the core) in both languages.
enum DisplayNameWords {
    static func phrase(_ reason: String) -> Phrase {
        if reason == "is required" { return Phrase(nb: "må fylles ut", en: reason) }
        if reason == "must be one line" { return Phrase(nb: "må stå på én linje", en: reason) }
        if reason.hasPrefix("must be at most "), let count = Int(reason.split(separator: " ")[4]) {
            return Phrase(nb: "kan være høyst \(count) tegn", en: reason)
        }
        if reason.hasPrefix("must not contain control characters") {
            return Phrase(nb: "kan ikke inneholde kontrolltegn", en: reason)
        }
        if reason.hasPrefix("must not contain text-direction overrides") {
            return Phrase(nb: "kan ikke inneholde tegn som snur tekstretningen", en: reason)
        }
        return Phrase(nb: "er ugyldig", en: reason)
    }
}
