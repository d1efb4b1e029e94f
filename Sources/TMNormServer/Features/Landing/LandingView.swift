import TMNormCore

/// The public landing page: what a consumer who was called can do, each with one link.
enum LandingView {
    static func render(context: PageContext) -> String {
        let title = context.t(Phrase(nb: "Ble du ringt av en selger?", en: "Were you called by a salesperson?"))
        return Layout.page(title: title, context: context, titleInContent: true) {
            el("section", .class("hero")) {
                el("h1") { title }
                el("p") {
                    context.t(
                        Phrase(
                            nb:
                                "Callsentrene i bransjens ordning følger regler for når og hvem de ringer. Her kan du sjekke et callsenter, be én bedrift slutte å ringe deg og klage på en samtale.",
                            en:
                                "The call centres in the industry's scheme follow rules on when and whom they call. Here you can check a call centre, ask one business to stop calling you and complain about a call."
                        ))
                }
            }
            el("div", .class("tiles")) {
                tile(
                    href: SiteRoute.publicRegister.path, title: context.t(Phrase(nb: "Sjekk et callsenter", en: "Check a call centre")),
                    text: context.t(
                        Phrase(
                            nb: "Se om callsenteret er godkjent av Callcenternemnda, eller om godkjenningen er suspendert.",
                            en: "See whether the call centre is approved by the board, or whether its approval is suspended.")))
                tile(
                    href: SiteRoute.stopCalls.path, title: context.t(Phrase(nb: "Stopp anrop fra én bedrift", en: "Stop calls from one business")),
                    text: context.t(
                        Phrase(
                            nb: "Skriv bedriftens navn og nummeret ditt. Du bekrefter med en kode på SMS, og bedriften må slutte å ringe.",
                            en: "Type the business's name and your number. You confirm with a code by SMS, and the business must stop calling.")))
                tile(
                    href: SiteRoute.complaint.path, title: context.t(Phrase(nb: "Klag på en samtale", en: "Complain about a call")),
                    text: context.t(
                        Phrase(
                            nb: "Fortell hva som skjedde. Du får et saksnummer og en lenke der du kan følge saken.",
                            en: "Tell us what happened. You get a case reference and a link to follow the case.")))
                el("a", .class("card"), .href(PublicHeader.reservationRegisterURL), .init("rel", "external noopener")) {
                    el("h2") { context.t(Phrase(nb: "Reserver deg mot all telefonsalg", en: "Opt out of all telemarketing")) }
                    el("p") {
                        context.t(
                            Phrase(
                                nb: "Reservasjonsregisteret hos Brønnøysundregistrene gjelder alle selgere. Åpner brreg.no.",
                                en: "The national reservation register at Brønnøysundregistrene covers every seller. Opens brreg.no."))
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Reglene i korte trekk", en: "The rules in short")) }
            el("ul") {
                el("li") {
                    context.t(
                        Phrase(
                            nb: "Telefonsalg er bare lov mandag–fredag kl. 09.00–21.00, ikke lørdag, søndag eller helligdager.",
                            en: "Telemarketing is allowed only Monday–Friday 09:00–21:00, not on Saturdays, Sundays or public holidays."))
                }
                el("li") {
                    context.t(
                        Phrase(
                            nb: "Er du reservert, skal du ikke ringes – med mindre du er kunde hos bedriften eller har sagt ja til å bli ringt.",
                            en: "If you have opted out, you must not be called – unless you are a customer of the business or agreed to be called."))
                }
                el("li") {
                    context.t(
                        Phrase(
                            nb: "Et salg på telefon er bare bindende når du har bekreftet tilbudet skriftlig.",
                            en: "A sale by phone binds you only once you have confirmed the offer in writing."))
                }
            }
        }
    }

    private static func tile(href: String, title: String, text: String) -> Node {
        el("a", .class("card"), .href(href)) {
            el("h2") { title }
            el("p") { text }
        }
    }
}
