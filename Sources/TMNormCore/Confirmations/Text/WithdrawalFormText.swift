/// The standard withdrawal form (angreskjema) with the trader's details filled in, as plain text.
///
/// Norwegian wording follows the form in FOR-2014-06-20-777 (angrerettforskriften); the English is the
/// model withdrawal form of Directive 2011/83/EU annex I(B), which the Norwegian form implements.
public enum WithdrawalFormText {
    /// The form for an offer; the trader is the client, the product is pre-filled, the consumer's lines are blank.
    public static func render(for offer: ConfirmationOffer, language: OfferLanguage) -> String {
        let trader = ([offer.client.name] + addressParts(offer.client)).joined(separator: ", ")
        let blank = "______________________________"
        switch language {
        case .norwegian:
            let goods = offer.productKind == .goods
            return """
                \(OfferPhrases.of(.norwegian).formTitle)
                ved kjøp av varer og tjenester som ikke er finansielle tjenester
                Fyll ut og returner dette skjemaet dersom du ønsker å gå fra avtalen.

                Utfylt skjema sendes til:
                \(trader)

                Jeg/vi underretter herved om at jeg/vi ønsker å gå fra min/vår avtale om kjøp av følgende (sett kryss):
                [\(goods ? " " : "X")] tjenester (spesifiser nedenfor)
                [\(goods ? "X" : " ")] varer (spesifiser nedenfor)
                \(offer.product)

                Avtalen ble inngått den (dato): \(blank) (ved kjøp av tjenester)
                Varen ble mottatt den (dato): \(blank) (ved kjøp av varer)

                Forbrukerens/forbrukernes navn: \(blank)
                Forbrukerens/forbrukernes adresse: \(blank)
                Dato: \(blank)
                Forbrukerens/forbrukernes underskrift (dersom papirskjema benyttes): \(blank)
                """
        case .english:
            return """
                \(OfferPhrases.of(.english).formTitle)
                (complete and return this form only if you wish to withdraw from the contract)

                To: \(trader)

                I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract of sale of the following goods (*)/for the provision of the following service (*):
                \(offer.product)

                Ordered on (*)/received on (*): \(blank)
                Name of consumer(s): \(blank)
                Address of consumer(s): \(blank)
                Signature of consumer(s) (only if this form is notified on paper): \(blank)
                Date: \(blank)
                (*) Delete as appropriate.
                """
        }
    }

    /// Address and e-mail, the form's "geographic address and e-mail" (phone is not part of the form).
    static func addressParts(_ trader: OfferTrader) -> [String] {
        [trader.address, trader.email?.address].compactMap { $0 }
    }
}
