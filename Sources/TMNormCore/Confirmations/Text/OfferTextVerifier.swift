/// Checks a rendered offer text for every required item, so nothing is sent that lacks one (a safety
/// net behind `ConfirmationChecker`, and the check that the mandatory statement and form are really there).
public enum OfferTextVerifier {
    /// The required items not found in the text, in `MissingOfferItem` order; empty when complete.
    public static func missingItems(in text: String, offer: ConfirmationOffer, language: OfferLanguage) -> [MissingOfferItem] {
        let p = OfferPhrases.of(language)
        let nb = language == .norwegian
        let required: [(MissingOfferItem, [String])] = [
            (.sellerName, [offer.seller.name]),
            (.sellerOrganisationNumber, [offer.seller.organisationNumber.formatted]),
            (.sellerContact, [offer.seller.contactParts(language).joined(separator: ", ")]),
            (.clientName, [offer.client.name]),
            (.clientOrganisationNumber, [offer.client.organisationNumber.formatted]),
            (.clientAddress, [offer.client.address ?? ""]),
            (.clientContact, [offer.client.contactParts(language).joined(separator: ", ")]),
            (.product, [offer.product]),
            (.price, [offer.price.formatted(language)]),
            (.bindingPeriod, [OfferDateText.binding(offer.bindingMonths, language)]),
            (
                .withdrawalDeadline,
                [
                    p.withdrawalHeading,
                    nb ? "Angrefristen er \(offer.withdrawalPeriodDays) dager" : "withdrawal period is \(offer.withdrawalPeriodDays) days",
                ]
            ),
            (.withdrawalForm, [p.formTitle, nb ? "Utfylt skjema sendes til:" : "hereby give notice that"]),
            (.bindingOnlyAfterWrittenAcceptance, [p.bindingStatement]),
            (.acceptanceInstructions, [p.answerHeading, nb ? "Aksepter:" : "Accept:", nb ? "Takk nei:" : "Decline:"]),
        ]
        return required.filter { _, needles in needles.contains { !text.contains($0) } }.map(\.0)
    }

    /// The same for a rendered document.
    public static func missingItems(in document: OfferDocument, offer: ConfirmationOffer) -> [MissingOfferItem] {
        missingItems(in: document.text, offer: offer, language: document.language)
    }
}
