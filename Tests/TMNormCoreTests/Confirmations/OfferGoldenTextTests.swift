import Foundation
import Testing
@testable import TMNormCore

/// The exact Norwegian offer text for the fixture sale: any change to wording changes every offer hash,
/// so it must be deliberate (update this golden text in the same commit and say why). Changed in issue 12:
/// the offer now states every item of angrerettloven § 8 (total with all charges, payment, delivery,
/// duration and termination, proportionate payment for a service started early, the right to complain).
@Suite("Offer text, golden")
struct OfferGoldenTextTests {
    static let link = "https://tmnorm.example/t/AbCdEfGhIjKlMnOpQrStUvWx"

    static let norwegianDocument = """
        Skriftlig tilbud etter telefonsamtale

        Til: Kari Nordmann
        Fra: Fjordkraft Demo AS (org.nr. 923 609 016), Postboks 1, 5804 Bergen, tlf. 55 00 00 00, angrerett@fjordkraft.example
        Selger: Ring Norge AS (org.nr. 974 760 673) ringte deg på vegne av Fjordkraft Demo AS. Kontakt: Torggata 2, 0181 Oslo, tlf. 22 12 34 56, kundeservice@ringnorge.example

        Du er bare bundet av avtalen hvis du aksepterer dette tilbudet skriftlig. Et muntlig ja i telefonen er ikke nok.

        Tilbudet
        Produkt: Strømavtale Fastpris 12
        Pris: 399,00 kr per måned
        Bindingstid: 12 måneder
        Sum i bindingstiden med mva. og alle gebyrer: 4 788,00 kr (399,00 kr per måned)
        Betaling: Faktura hver måned, 14 dagers betalingsfrist.
        Levering: Leveransen starter 01.09.2026.
        Varighet: løpende avtale med 12 måneders binding.
        Oppsigelse: Én måneds oppsigelse etter bindingstiden, skriftlig til kundeservice.
        Ber du om at tjenesten starter før angrefristen er ute, og angrer du deretter, betaler du en forholdsmessig del av prisen for det som er levert.
        Reklamasjon: du har lovfestet rett til å klage på mangler ved varen eller tjenesten.
        Oppstart: 01.09.2026
        Vilkår: Fri etablering. Faktura hver måned.

        Slik svarer du
        Svarfrist: 15.06.2026 kl. 23.59. Svarer du ikke innen fristen, faller tilbudet bort.
        Aksepter: åpne lenken i meldingen du fikk og trykk «Jeg aksepterer tilbudet», eller svar på SMS-en med JA og koden din.
        Takk nei: åpne lenken og trykk «Nei takk», eller svar på SMS-en med NEI og koden din.
        Du skal ikke betale for noe du ikke har akseptert skriftlig.

        Angrerett
        Du har 14 dagers angrerett etter angrerettloven. Angrefristen er 14 dager fra dagen du aksepterer tilbudet. Faller siste dag på en lørdag, søndag eller helligdag, forlenges fristen til neste virkedag.
        Du kan gå fra avtalen uten å oppgi grunn. Du kan svare ANGRE og koden din på SMS, bruke lenken i meldingen, eller sende en tydelig melding, gjerne angreskjemaet nedenfor, til Fjordkraft Demo AS, Postboks 1, 5804 Bergen, angrerett@fjordkraft.example. Det er nok at du sender meldingen før fristen går ut.

        Angreskjema
        ved kjøp av varer og tjenester som ikke er finansielle tjenester
        Fyll ut og returner dette skjemaet dersom du ønsker å gå fra avtalen.

        Utfylt skjema sendes til:
        Fjordkraft Demo AS, Postboks 1, 5804 Bergen, angrerett@fjordkraft.example

        Jeg/vi underretter herved om at jeg/vi ønsker å gå fra min/vår avtale om kjøp av følgende (sett kryss):
        [X] tjenester (spesifiser nedenfor)
        [ ] varer (spesifiser nedenfor)
        Strømavtale Fastpris 12

        Avtalen ble inngått den (dato): ______________________________ (ved kjøp av tjenester)
        Varen ble mottatt den (dato): ______________________________ (ved kjøp av varer)

        Forbrukerens/forbrukernes navn: ______________________________
        Forbrukerens/forbrukernes adresse: ______________________________
        Dato: ______________________________
        Forbrukerens/forbrukernes underskrift (dersom papirskjema benyttes): ______________________________
        """

    static let norwegianSMS =
        "Fjordkraft Demo AS (org.nr. 923 609 016): Tilbud på Strømavtale Fastpris 12, 399,00 kr/mnd, bindingstid 12 mnd. Du er bare bundet hvis du aksepterer skriftlig. Se hele tilbudet: https://tmnorm.example/t/AbCdEfGhIjKlMnOpQrStUvWx Svar JA K7M2QX for å akseptere eller NEI K7M2QX for å takke nei innen 15.06.2026. Angrerett 14 dager."

    @Test("the Norwegian offer document is exactly the golden text")
    func norwegianDocument() throws {
        let document = OfferDocumentRenderer.render(
            try ConfirmationFixtures.offer, language: .norwegian, acceptByDay: try LocalDate(parsing: "2026-06-15"), smsReplies: true)
        #expect(document.text == Self.norwegianDocument)
        #expect(document.sha256 == ConfirmationHashing.sha256Hex(Self.norwegianDocument))
    }

    @Test("the Norwegian offer SMS is exactly the golden text, GSM-7 in 3 segments")
    func norwegianSMS() throws {
        let sms = try OfferMessageComposer.sms(
            try ConfirmationFixtures.offer, language: .norwegian, link: Self.link, code: "K7M2QX",
            acceptByDay: try LocalDate(parsing: "2026-06-15"))
        #expect(sms.text == Self.norwegianSMS)
        #expect(sms.size == SMSSegmentCount(encoding: .gsm7, units: 329, segments: 3))
        #expect(!sms.productShortened)
    }
}
