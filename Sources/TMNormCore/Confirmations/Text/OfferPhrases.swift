/// The fixed sentences and headings of an offer in one language; the renderer writes them and the
/// verifier looks for them, so the two cannot drift apart.
public struct OfferPhrases: Sendable, Hashable {
    public let title: String
    /// The mandatory statement (angrerettloven: bound only after written acceptance).
    public let bindingStatement: String
    public let offerHeading: String
    public let answerHeading: String
    public let withdrawalHeading: String
    public let formTitle: String

    /// The phrases of a language.
    public static func of(_ language: OfferLanguage) -> OfferPhrases {
        switch language {
        case .norwegian: norwegian
        case .english: english
        }
    }

    static let norwegian = OfferPhrases(
        title: "Skriftlig tilbud etter telefonsamtale",
        bindingStatement: "Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig. Et muntlig ja i telefonen er ikke nok.",
        offerHeading: "Tilbudet",
        answerHeading: "Slik svarer du",
        withdrawalHeading: "Angrerett",
        formTitle: "Angreskjema")

    static let english = OfferPhrases(
        title: "Written offer following a telephone call",
        bindingStatement: "You are bound by the agreement only if you accept this offer in writing. Saying yes on the phone is not enough.",
        offerHeading: "The offer",
        answerHeading: "How to answer",
        withdrawalHeading: "Right of withdrawal",
        formTitle: "Model withdrawal form")
}

/// Dates and times as offers write them: "15.06.2026", "kl. 14.05" / "14:05".
enum OfferDateText {
    static func date(_ day: LocalDate) -> String { day.norwegianFormatted }

    static func time(_ time: LocalTime, _ language: OfferLanguage) -> String {
        let hh = CalendarError.pad(time.hour)
        let mm = CalendarError.pad(time.minute)
        return language == .norwegian ? "kl. \(hh).\(mm)" : "\(hh):\(mm)"
    }

    /// "15.06.2026 kl. 14.05" / "15.06.2026 at 14:05 (Norwegian time)".
    static func dateTime(_ local: LocalDateTime, _ language: OfferLanguage) -> String {
        language == .norwegian
            ? "\(date(local.date)) \(time(local.time, language))"
            : "\(date(local.date)) at \(time(local.time, language)) (Norwegian time)"
    }

    /// "12 måneder", "1 måned", "ingen bindingstid".
    static func binding(_ months: Int, _ language: OfferLanguage) -> String {
        switch (language, months) {
        case (.norwegian, 0): "ingen bindingstid"
        case (.norwegian, 1): "1 måned"
        case (.norwegian, _): "\(months) måneder"
        case (.english, 0): "no binding period"
        case (.english, 1): "1 month"
        case (.english, _): "\(months) months"
        }
    }
}
