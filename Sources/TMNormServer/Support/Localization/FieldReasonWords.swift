/// The generic validation reasons (from decoding and shared input readers) in both languages. Feature code
/// gives its own reasons as `Phrase`s (`FieldProblem(field:_:)`); this covers what the framework says.
enum FieldReasonWords {
    static func phrase(_ reason: String) -> Phrase {
        switch reason {
        case "is required": return Phrase(nb: "må fylles ut", en: "is required")
        case "must not be null": return Phrase(nb: "må ha en verdi", en: "must not be null")
        case "must not be empty": return Phrase(nb: "kan ikke være tomt", en: "must not be empty")
        case "must be a string": return Phrase(nb: "må være tekst", en: "must be a string")
        case "must be an integer", "must be a whole number": return Phrase(nb: "må være et heltall", en: "must be a whole number")
        case "must be a number": return Phrase(nb: "må være et tall", en: "must be a number")
        case "must be true or false": return Phrase(nb: "må være ja eller nei", en: "must be true or false")
        case "must be a date YYYY-MM-DD": return Phrase(nb: "må være en dato (dd.mm.åååå)", en: "must be a date (dd.mm.yyyy)")
        case "is not a valid Norwegian number":
            return Phrase(nb: "er ikke et gyldig norsk telefonnummer", en: "is not a valid Norwegian phone number")
        case "is not a valid e-mail address": return Phrase(nb: "er ikke en gyldig e-postadresse", en: "is not a valid e-mail address")
        case "is after today": return Phrase(nb: "kan ikke være etter i dag", en: "cannot be after today")
        case "must not be in the future": return Phrase(nb: "kan ikke være fram i tid", en: "must not be in the future")
        default:
            if reason.hasPrefix("must be a date YYYY-MM-DD") {
                return Phrase(nb: "må være en gyldig dato (dd.mm.åååå)", en: "must be a valid date (dd.mm.yyyy)")
            }
            if reason.hasPrefix("must be an ISO 8601 time") {
                return Phrase(nb: "må være et gyldig tidspunkt", en: "must be a valid date and time")
            }
            if reason.hasPrefix("must be of type") || reason.hasPrefix("must be ") {
                return Phrase(nb: "har feil form", en: reason)
            }
            return Phrase(nb: "er ugyldig", en: reason)
        }
    }
}
