import Foundation
import TMNormCore

/// The consumer's pages, in plain language.
enum ConsumerBlockView {
    static func start(business: String, problems: [FieldProblem], suggestions: [String] = [], context: PageContext) -> String {
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.text(context.language) }
        return Layout.page(title: context.t(Phrase(nb: "Slipp telefonsalg fra en bedrift", en: "Stop sales calls from a business")), context: context)
        {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Velg bedriften og skriv mobilnummeret ditt. Du får en kode på SMS. Når du har bekreftet, skal bedriften og alle som ringer for den, ikke ringe deg med salg. Sperren utløper aldri.",
                        en:
                            "Choose the business and enter your mobile number. You get a code by SMS. Once confirmed, the business and everyone calling on its behalf must not make sales calls to you. The block never expires."
                    ))
            }
            el("p", .class("hint")) {
                context.t(
                    Phrase(
                        nb: "Vil du reservere deg mot alle? Bruk Reservasjonsregisteret hos Brønnøysundregistrene.",
                        en: "Want to opt out of all sales calls? Use the national reservation register (Brønnøysundregistrene)."))
                " "
                el("a", .href(PublicHeader.reservationRegisterURL), .init("rel", "external noopener")) { "brreg.no" }
            }
            if !suggestions.isEmpty {
                el("div", .class("notice"), .id("business-suggestions-found")) {
                    el("p") { context.t(Phrase(nb: "Mente du en av disse?", en: "Did you mean one of these?")) }
                    el("ul") {
                        for name in suggestions {
                            el("li") { el("a", .href(SiteRoute.stopCalls.path(query: ["business": name]))) { name } }
                        }
                    }
                }
            }
            Form.post(SiteRoute.stopCalls.path, csrf: context.csrf) {
                Form.field(
                    context.t(Phrase(nb: "Bedriftens navn eller organisasjonsnummer", en: "The business's name or organisation number")),
                    name: "business",
                    value: String(business.prefix(200)),
                    autocomplete: "off",
                    suggest: (SiteRoute.stopCallsBusinesses.path, "business-list"),
                    hint: context.t(
                        Phrase(
                            nb: "Begynn å skrive navnet, så foreslår vi bedrifter. Organisasjonsnummeret står i tilbudet, f.eks. 948 757 494.",
                            en: "Start typing the name and we suggest businesses. The organisation number is in the offer, e.g. 948 757 494.")),
                    error: error("business"))
                Form.field(
                    context.t(Phrase(nb: "Mobilnummer", en: "Mobile number")), name: "phone", type: "tel", autocomplete: "tel", error: error("phone"))
                Form.submit(context.t(Phrase(nb: "Send kode", en: "Send code")))
            }
        }
    }

    static func code(requestID: UUID, problem: String?, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Skriv inn koden", en: "Enter the code")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb: "Vi har sendt en kode på SMS. Den gjelder i 15 minutter.",
                        en: "We have sent you a code by SMS. It is valid for 15 minutes."))
            }
            Form.post(SiteRoute.stopCallsRequest(requestID).path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Kode", en: "Code")), name: "code", type: "text", autocomplete: "one-time-code", error: problem)
                Form.submit(context.t(Phrase(nb: "Bekreft", en: "Confirm")))
            }
        }
    }

    static func done(business: String, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Nummeret er sperret", en: "Your number is blocked")), context: context) {
            el("p", .class("notice"), .init("role", "status")) {
                context.t(
                    Phrase(
                        nb: "\(business) og alle som ringer på vegne av bedriften, skal ikke lenger ringe deg med salg.",
                        en: "\(business) and everyone calling on its behalf must no longer make sales calls to you."))
            }
        }
    }
}
