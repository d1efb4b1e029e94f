/// Demo text: the ethical guidelines for telemarketing adopted 11 Oct 2007 (a paraphrase, not the official text).
enum GuidelineDemoEthics2007 {
    static let markdown = #"""
        > **Demo:** Dette er en omskrevet eksempeltekst laget for TMNorm. Den er *ikke* den offisielle
        > teksten til de etiske retningslinjene og kan ikke brukes som kilde.

        # Etiske retningslinjer for telefonsalg

        Vedtatt av NORDMA og HSH 11. oktober 2007. Gjelder for medlemmene fra 1. april 2008.

        ## 1. Formål

        Retningslinjene skal sikre at telefonsalg til forbrukere skjer på en redelig måte, slik at
        forbrukerne får tillit til bransjen og til dem som ringer på vegne av oppdragsgivere.

        ## 2. Virkeområde

        Retningslinjene gjelder for alle medlemmer som driver telefonsalg til forbrukere, enten de ringer
        selv eller bruker et callcenter. Medlemmet har ansvar for at callcenteret følger retningslinjene.

        ## 3. Presentasjon

        1. Selgeren oppgir sitt navn og navnet på virksomheten det ringes på vegne av.
        2. Selgeren sier tidlig i samtalen at formålet er salg.
        3. Selgeren opplyser om retten til å reservere seg mot telefonsalg.

        ## 4. Redelighet

        - Selgeren skal ikke gi uriktige eller villedende opplysninger om pris, vilkår eller bindingstid.
        - Selgeren skal ikke utøve press, og skal avslutte samtalen høflig når forbrukeren ønsker det.
        - Selgeren skal være ekstra varsom overfor eldre og andre som kan ha vanskelig for å vurdere tilbudet.

        ## 5. Ringetider

        Det ringes ikke til forbrukere på søndager og helligdager, og ikke på hverdager før kl. 09.00
        eller etter kl. 21.00.

        ## 6. Reservasjon

        Ringelister skal vaskes mot **Reservasjonsregisteret** før bruk. Den som ber om ikke å bli
        oppringt igjen, skal føres på virksomhetens interne sperreliste.

        ## 7. Bekreftelse av kjøp

        Kjøp som avtales på telefon skal bekreftes skriftlig, med pris, vilkår og opplysninger om angrerett.

        ## 8. Klager

        Medlemmene skal ha en ordning for å ta imot og besvare klager raskt og saklig.

        ## 9. Oppfølging

        Brudd på retningslinjene kan meldes til foreningene. Mer om ordningen finnes på
        [www.example.org](https://www.example.org/etiske-retningslinjer).
        """#
}
