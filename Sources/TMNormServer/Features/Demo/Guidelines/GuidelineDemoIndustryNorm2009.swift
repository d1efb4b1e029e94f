/// Demo text: "Bransjenorm for callcentre" of 19 Aug 2009 (a paraphrase, not the official text).
enum GuidelineDemoIndustryNorm2009 {
    static let markdown = #"""
        > **Demo:** Dette er en omskrevet eksempeltekst laget for TMNorm. Den er *ikke* den offisielle
        > teksten til Bransjenorm for callcentre og kan ikke brukes som kilde.

        # Bransjenorm for callcentre

        Vedtatt 19. august 2009 av NORDMA og HSH som grunnlag for ordningen Godkjent Callcenter.

        ## 1. Virkeområde

        Normen gjelder for callcentre som driver telefonsalg og kundeservice på vegne av egne eller andres
        virksomheter overfor forbrukere, og som er godkjent eller søker godkjenning i ordningen.

        ## 2. Operative krav

        ### 2.1 Lovkrav

        Callcenteret følger markedsføringsloven, angrerettloven, personopplysningsloven og
        arbeidsmiljøloven, og holder seg oppdatert om endringer.

        ### 2.2 Organisering

        Callcenteret er registrert i Enhetsregisteret, har betalt skatter og avgifter, og har oppgitt
        regnskapsfører og revisor.

        ### 2.3 Avtaler

        Oppdrag utføres etter skriftlig avtale med oppdragsgiver. Avtalen sier hvem som har ansvar for
        vasking av ringelister, behandling av personopplysninger og skriftlig bekreftelse av salg.

        ### 2.4 Statistikk

        Callcenteret fører statistikk over:

        1. antall besvarte samtaler,
        2. antall oppkoblede samtaler,
        3. antall klager per ringer.

        Statistikken legges fram for Callcenternemnda ved oppfølging etter første og andre år.

        ## 3. Opplæring

        Alle som ringer, får opplæring i regelverket, i normen og i oppdragsgiverens produkter før de
        ringer. Opplæringen dokumenteres og gjentas ved endringer.

        ## 4. Kvalitetskontroll

        Callcenteret følger opp hver ringer jevnlig, blant annet ved medlytt, og retter avvik.

        ## 5. Personopplysninger i samtaler

        Det spørres bare etter opplysninger som trengs for avtalen. Opplysningene behandles etter
        databehandleravtale med oppdragsgiveren.

        ## 6. Opptak av samtaler

        Samtaler tas bare opp når forbrukeren er informert om det ved samtalens start, og opptak
        oppbevares ikke lenger enn formålet krever.

        ## 7. Gyldig avtale

        En avtale inngått på telefon er bare gyldig når forbrukeren har fått tilbudet skriftlig og
        akseptert det skriftlig.

        ## 8. Reservasjoner

        Ringelister vaskes mot Reservasjonsregisteret før første kontakt og hver måned de brukes.
        Den som reserverer seg i samtalen, føres straks på oppdragsgiverens interne sperreliste.
        """#
}
