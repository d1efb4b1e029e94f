import Foundation

/// The exact text of a written offer in one language, and its SHA-256.
///
/// It holds no secret (no link token, no code): the server stores it, shows it on the offer page exactly
/// as sent, and the acceptance records `sha256`. Messages (SMS, e-mail) wrap it with the link and code.
public struct OfferDocument: Sendable, Hashable, Codable {
    public let language: OfferLanguage
    /// Lines separated by "\n".
    public let text: String
    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public let sha256: String
    /// The last day to accept, as stated in the text.
    public let acceptByDay: LocalDate

    public init(language: OfferLanguage, text: String, acceptByDay: LocalDate) {
        self.language = language
        self.text = text
        self.sha256 = ConfirmationHashing.sha256Hex(text)
        self.acceptByDay = acceptByDay
    }
}

/// Renders the full written offer: parties, terms, the mandatory statement, how to answer, withdrawal, the form.
public enum OfferDocumentRenderer {
    /// `smsReplies` says whether the text may mention answering by SMS (policy on and a mobile number known).
    public static func render(
        _ offer: ConfirmationOffer, language: OfferLanguage, acceptByDay: LocalDate, smsReplies: Bool,
        withdrawal: WithdrawalPolicy = .standard, earliestAcceptance: Date? = nil, confirmationOf exemption: ConfirmationExemption? = nil
    ) -> OfferDocument {
        let p = OfferPhrases.of(language)
        let nb = language == .norwegian
        var lines: [String]
        if exemption != nil {
            // An exempt sale: no offer to accept, but a confirmation of the agreement with the withdrawal right.
            lines = [nb ? "Bekreftelse av avtale inngått på telefon" : "Confirmation of an agreement made by telephone", ""]
            lines += parties(offer, language)
            lines += [
                "",
                nb
                    ? "Avtalen ble inngått i telefonsamtalen. Denne bekreftelsen gir deg vilkårene og angreretten din."
                    : "The agreement was made in the telephone call. This confirmation gives you its terms and your right of withdrawal.",
                "", p.offerHeading,
            ]
            lines += terms(offer, language)
        } else {
            lines = [p.title, ""]
            lines += parties(offer, language)
            lines += ["", p.bindingStatement, "", p.offerHeading]
            lines += terms(offer, language)
            lines += ["", p.answerHeading]
            lines += OfferAnswerText.lines(offer, language: language, acceptByDay: acceptByDay, smsReplies: smsReplies)
        }
        if let earliest = earliestAcceptance {
            let when = OfferDateText.dateTime(OsloTime.localDateTime(of: earliest), language)
            lines.append(
                language == .norwegian
                    ? "Strøm: etter energiloven kan du tidligst akseptere dette tilbudet 24 timer etter at du fikk det, det vil si fra \(when)."
                    : "Electricity: under the Energy Act you can accept this offer at the earliest 24 hours after you received it, that is from \(when)."
            )
        }
        lines += ["", p.withdrawalHeading]
        lines += OfferAnswerText.withdrawal(offer, language: language, smsReplies: smsReplies, policy: withdrawal, confirmation: exemption != nil)
        lines += ["", WithdrawalFormText.render(for: offer, language: language)]
        return OfferDocument(language: language, text: lines.joined(separator: "\n"), acceptByDay: acceptByDay)
    }

    /// Renders with the deadline the policy gives an offer sent at `deadlines.sentAt`.
    public static func render(
        _ offer: ConfirmationOffer, language: OfferLanguage, deadlines: OfferDeadlines, policy: ConfirmationPolicy = .standard,
        earliestAcceptance: Date? = nil
    ) -> OfferDocument {
        render(
            offer, language: language, acceptByDay: deadlines.acceptByDay,
            smsReplies: policy.smsRepliesEnabled && offer.consumer.phone != nil, withdrawal: policy.withdrawal,
            earliestAcceptance: earliestAcceptance)
    }

    static func parties(_ offer: ConfirmationOffer, _ language: OfferLanguage) -> [String] {
        let client = ([trader(offer.client, language)] + offer.client.contactParts(language)).joined(separator: ", ")
        let sellerContact = offer.seller.contactParts(language).joined(separator: ", ")
        switch language {
        case .norwegian:
            return [
                "Til: \(offer.consumer.name)",
                "Fra: \(client)",
                "Selger: \(trader(offer.seller, language)) ringte deg på vegne av \(offer.client.name). Kontakt: \(sellerContact)",
            ]
        case .english:
            return [
                "To: \(offer.consumer.name)",
                "From: \(client)",
                "Seller: \(trader(offer.seller, language)) called you on behalf of \(offer.client.name). Contact: \(sellerContact)",
            ]
        }
    }

    /// "Ring Norge AS (org.nr. 974 760 673)".
    static func trader(_ t: OfferTrader, _ language: OfferLanguage) -> String {
        "\(t.name) (\(language == .norwegian ? "org.nr." : "org. no.") \(t.organisationNumber.formatted))"
    }

    static func terms(_ offer: ConfirmationOffer, _ language: OfferLanguage) -> [String] {
        let nb = language == .norwegian
        var lines = [
            "\(nb ? "Produkt" : "Product"): \(offer.product)",
            "\(nb ? "Pris" : "Price"): \(offer.price.formatted(language))",
            "\(nb ? "Bindingstid" : "Binding period"): \(OfferDateText.binding(offer.bindingMonths, language))",
        ]
        let statutory = offer.statutory ?? OfferStatutoryTerms()
        for charge in statutory.otherCharges {
            lines.append("\(nb ? "I tillegg" : "In addition"): \(charge.description), \(charge.amount.formatted(language))")
        }
        let charges = statutory.chargesTotal ?? .zero
        if offer.price.period == .once {
            let total = (try? MoneyAmount(ore: offer.price.amount.ore + charges.ore)) ?? offer.price.amount
            lines.append(
                nb
                    ? "Totalpris med mva. og alle gebyrer og leveringskostnader: \(total.formatted(language))"
                    : "Total price including VAT and all fees and delivery charges: \(total.formatted(language))")
        } else if let total = offer.price.totalOverBinding(months: offer.bindingMonths),
            let withCharges = try? MoneyAmount(ore: total.ore + charges.ore)
        {
            lines.append(
                nb
                    ? "Sum i bindingstiden med mva. og alle gebyrer: \(withCharges.formatted(language)) (\(offer.price.formatted(language)))"
                    : "Total over the binding period including VAT and all fees: \(withCharges.formatted(language)) (\(offer.price.formatted(language)))"
            )
        } else {
            lines.append(
                nb
                    ? "Prisen er med mva. og alle avgifter" + (charges.ore > 0 ? "; gebyrene over kommer i tillegg én gang." : ".")
                    : "The price includes VAT and all charges" + (charges.ore > 0 ? "; the fees above are charged once in addition." : "."))
        }
        if let payment = statutory.payment { lines.append("\(nb ? "Betaling" : "Payment"): \(payment)") }
        if let delivery = statutory.delivery { lines.append("\(nb ? "Levering" : "Delivery"): \(delivery)") }
        if offer.price.period != .once {
            lines.append(
                nb
                    ? "Varighet: løpende avtale" + (offer.bindingMonths > 0 ? " med \(offer.bindingMonths) måneders binding" : " uten binding") + "."
                    : "Duration: ongoing agreement"
                        + (offer.bindingMonths > 0 ? " with a binding period of \(offer.bindingMonths) months" : " without a binding period") + ".")
        }
        if let termination = statutory.termination { lines.append("\(nb ? "Oppsigelse" : "Ending the agreement"): \(termination)") }
        switch offer.productKind {
        case .goods, .newspaperSubscription:
            if let payer = statutory.returnCostsPaidBy {
                lines.append(
                    payer == .consumer
                        ? (nb
                            ? "Retur: angrer du, betaler du selv kostnadene ved å sende varen tilbake."
                            : "Returns: if you withdraw, you pay the cost of returning the goods.")
                        : (nb
                            ? "Retur: angrer du, betaler selgeren kostnadene ved å sende varen tilbake."
                            : "Returns: if you withdraw, the seller pays the cost of returning the goods."))
            }
        case .service:
            lines.append(
                nb
                    ? "Ber du om at tjenesten starter før angrefristen er ute, og angrer du deretter, betaler du en forholdsmessig del av prisen for det som er levert."
                    : "If you ask for the service to start before the withdrawal period ends and then withdraw, you pay a proportionate part of the price for what has been provided."
            )
        }
        lines.append(
            nb
                ? "Reklamasjon: du har lovfestet rett til å klage på mangler ved varen eller tjenesten."
                : "Complaints: you have a statutory right to complain about defects in the goods or the service.")
        if let start = offer.startDate {
            lines.append("\(nb ? "Oppstart" : "Start"): \(OfferDateText.date(start))")
        }
        if let terms = offer.terms {
            lines.append("\(nb ? "Vilkår" : "Terms"): \(terms)")
        }
        return lines
    }
}
