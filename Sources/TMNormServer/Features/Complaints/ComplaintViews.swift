import Foundation
import TMNormCore

/// The consumer's complaint pages, in plain language, bokmål first.
enum ComplaintViews {
    struct FormModel: Sendable {
        let input: ComplaintWebRoutes.FormInput
        /// Problems by form field, in both languages.
        let problems: [String: Phrase]
    }

    /// The form field a problem of the intake rules belongs to.
    static func formField(_ field: String) -> String {
        switch field {
        case "business_orgnr", "business_name": "business"
        case "called_at": "date"
        case "contact.name": "contact_name"
        case "contact.email": "contact_email"
        case "contact.phone": "contact_phone"
        default: field
        }
    }

    static func reasonLabel(_ reason: ComplaintReason) -> Phrase {
        switch reason {
        case .reserved: Phrase(nb: "De ringte selv om jeg er reservert", en: "They called although I am reserved")
        case .callingHours: Phrase(nb: "De ringte utenfor tillatt tid", en: "They called outside the allowed hours")
        case .callerID: Phrase(nb: "Skjult nummer eller mobilnummer", en: "Hidden number or a mobile number")
        case .noWrittenAcceptance:
            Phrase(
                nb: "Solgt uten skriftlig aksept, eller faktura uten at jeg godtok",
                en: "Sold without written acceptance, or invoiced without my accepting")
        case .withdrawalRefused: Phrase(nb: "De nektet meg å angre", en: "They refused my withdrawal")
        case .pressure: Phrase(nb: "Press eller uhøflighet", en: "Pressure or rudeness")
        case .other: Phrase(nb: "Annet", en: "Something else")
        }
    }

    static func stateLabel(_ state: ComplaintState) -> Phrase {
        switch state {
        case .unverified: Phrase(nb: "Venter på at du bekrefter med koden", en: "Waiting for you to confirm with the code")
        case .awaitingAnswer:
            Phrase(
                nb: "Mottatt. Bedriften er bedt om å svare; nemnda ser deretter på saken.",
                en: "Received. The business has been asked to answer; the board then looks at the case.")
        case .answered, .overdue:
            Phrase(
                nb: "Bedriftens svarfrist er ute eller svaret er kommet; saken går snart til nemnda.",
                en: "The business has answered or its deadline has passed; the case goes to the board soon.")
        case .withBoard: Phrase(nb: "Nemnda behandler saken.", en: "The board is handling the case.")
        case .decided, .closed: Phrase(nb: "Nemnda har avgjort saken.", en: "The board has decided the case.")
        }
    }

    static func form(_ model: FormModel, context: PageContext) -> String {
        let input = model.input
        func error(_ field: String) -> String? { model.problems[field].map(context.t) }
        let chosen = Set(input.reasons ?? [])
        return Layout.page(
            title: context.t(Phrase(nb: "Klag på en telefonsamtale eller et salg", en: "Complain about a call or a sale")), context: context
        ) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Callcenternemnda behandler klager på medlemmer av bransjens ordning. Vi henter fakta om samtalen fra plattformen (registeret, ringelister og logger), ber bedriften svare, og nemnda avgjør. Du får en kode på SMS til nummeret som ble ringt.",
                        en:
                            "The call centre board handles complaints about members of the industry's scheme. We take the facts about the call from the platform (the register, call lists and logs), ask the business to answer, and the board decides. You get a code by SMS to the number that was called."
                    ))
            }
            if !model.problems.isEmpty {
                el("p", .class("alert"), .init("role", "alert")) {
                    context.t(
                        Phrase(nb: "Noe må rettes — se merknadene ved feltene.", en: "Something needs correcting — see the notes by the fields."))
                }
            }
            Form.post(SiteRoute.complaint.path, csrf: context.csrf) {
                Form.field(
                    context.t(
                        Phrase(
                            nb: "Bedriften som ringte (navn eller organisasjonsnummer)", en: "The business that called (name or organisation number)")
                    ),
                    name: "business", value: String((input.business ?? "").prefix(200)),
                    hint: context.t(
                        Phrase(
                            nb: "Skriv det du vet, f.eks. «Nordlys Energi» eller 948 757 494",
                            en: "Write what you know, e.g. “Nordlys Energi” or 948 757 494")),
                    error: error("business"))
                Form.field(
                    context.t(Phrase(nb: "Nummeret som ble ringt", en: "The number that was called")), name: "number", type: "tel",
                    value: String((input.number ?? "").prefix(40)), autocomplete: "tel",
                    hint: context.t(Phrase(nb: "Koden sendes hit på SMS", en: "The code is sent here by SMS")), error: error("number"))
                Form.field(
                    context.t(Phrase(nb: "Dag", en: "Day")), name: "date", type: "date", value: String((input.date ?? "").prefix(10)),
                    error: error("date"))
                Form.field(
                    context.t(Phrase(nb: "Omtrent klokken", en: "About what time")), name: "time", type: "time",
                    value: String((input.time ?? "").prefix(5)),
                    required: false, hint: context.t(Phrase(nb: "Kan stå tomt", en: "May be left empty")), error: error("time"))
                el("fieldset", .class("field")) {
                    el("legend") { context.t(Phrase(nb: "Hva skjedde?", en: "What happened?")) }
                    for reason in ComplaintReason.allCases {
                        el("div", .class("field checkbox")) {
                            Node.void(
                                "input",
                                [.id("r-" + reason.rawValue), .name("reasons[]"), .type("checkbox"), .value(reason.rawValue)]
                                    + (chosen.contains(reason.rawValue) ? [.init("checked", nil)] : []))
                            el("label", .for("r-" + reason.rawValue)) { context.t(reasonLabel(reason)) }
                        }
                    }
                    if let problem = error("reasons") { el("p", .class("field-error"), .id("e-reasons")) { problem } }
                }
                Form.field(
                    context.t(Phrase(nb: "Kode fra tilbuds-SMS (hvis du fikk en)", en: "Code from the offer SMS (if you got one)")),
                    name: "offer_code",
                    value: String((input.offer_code ?? "").prefix(20)), required: false, error: error("offer_code"))
                el("div", .class("field")) {
                    el("label", .for("f-text")) { context.t(Phrase(nb: "Fortell kort hva som skjedde", en: "Tell briefly what happened")) }
                    el("textarea", .id("f-text"), .name("text"), .init("rows", "6"), .init("maxlength", "5000")) {
                        String((input.text ?? "").prefix(5_000))
                    }
                    if let problem = error("text") { el("p", .class("field-error"), .id("e-text")) { problem } }
                }
                el("h2") { context.t(Phrase(nb: "Slik når nemnda deg", en: "How the board can reach you")) }
                el("p", .class("hint")) {
                    context.t(
                        Phrase(
                            nb: "Bedriften ser ikke kontaktopplysningene dine; bare nemnda og foreningen gjør det.",
                            en: "The business does not see your contact details; only the board and the association do."))
                }
                Form.field(
                    context.t(Phrase(nb: "Navn", en: "Name")), name: "contact_name", value: String((input.contact_name ?? "").prefix(200)),
                    required: false,
                    autocomplete: "name", error: error("contact_name"))
                Form.field(
                    context.t(Phrase(nb: "E-post", en: "E-mail")), name: "contact_email", type: "email",
                    value: String((input.contact_email ?? "").prefix(254)),
                    required: false, autocomplete: "email", error: error("contact_email"))
                Form.field(
                    context.t(Phrase(nb: "Telefon", en: "Phone")), name: "contact_phone", type: "tel",
                    value: String((input.contact_phone ?? "").prefix(40)),
                    required: false, error: error("contact_phone"))
                Form.submit(context.t(Phrase(nb: "Send klagen", en: "Send the complaint")))
            }
        }
    }

    static func code(id: UUID, reference: String, problem: String?, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Bekreft klagen", en: "Confirm the complaint")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Vi har sendt en kode på SMS til nummeret som ble ringt. Skriv den inn for å sende klagen \(reference). Koden gjelder i 30 minutter.",
                        en:
                            "We have sent a code by SMS to the number that was called. Enter it to send complaint \(reference). The code is valid for 30 minutes."
                    ))
            }
            Form.post(SiteRoute.complaintConfirm(id).path, csrf: context.csrf) {
                Form.field(context.t(Phrase(nb: "Kode", en: "Code")), name: "code", type: "text", autocomplete: "one-time-code", error: problem)
                Form.submit(context.t(Phrase(nb: "Bekreft", en: "Confirm")))
            }
        }
    }

    static func confirmed(reference: String, followPath: String, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Klagen er mottatt", en: "Your complaint has been received")), context: context) {
            el("p", .class("notice"), .init("role", "status")) {
                context.t(Phrase(nb: "Saksnummer: \(reference)", en: "Case reference: \(reference)"))
            }
            el("p") {
                context.t(
                    Phrase(
                        nb: "Ta vare på lenken under: der kan du følge saken. Den vises bare nå.",
                        en: "Keep the link below: it lets you follow the case. It is shown only now."))
            }
            el("p") { el("a", .href(followPath)) { context.t(Phrase(nb: "Følg saken \(reference)", en: "Follow case \(reference)")) } }
        }
    }

    struct CaseModel: Sendable {
        let reference: String
        let state: ComplaintState
        let business: String
        let calledAt: Date
        let reasons: [ComplaintReason]
        let receivedAt: Date
        /// The confirmed decision, once there is one.
        var decision: ComplaintDecision? = nil
        /// While the board waits for information (the clock stands still).
        var waitingSince: Date? = nil
    }

    static func followCase(_ model: CaseModel, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Klage \(model.reference)", en: "Complaint \(model.reference)")), context: context) {
            el("p", .class("notice"), .init("role", "status")) { context.t(stateLabel(model.state)) }
            el("dl") {
                el("dt") { context.t(Phrase(nb: "Bedrift", en: "Business")) }
                el("dd") { model.business }
                el("dt") { context.t(Phrase(nb: "Samtalen", en: "The call")) }
                el("dd") { NorwegianFormat.dateTime(model.calledAt) }
                el("dt") { context.t(Phrase(nb: "Hva skjedde", en: "What happened")) }
                el("dd") { el("ul") { for reason in model.reasons { el("li") { context.t(reasonLabel(reason)) } } } }
                el("dt") { context.t(Phrase(nb: "Mottatt", en: "Received")) }
                el("dd") { NorwegianFormat.dateTime(model.receivedAt) }
            }
            if let since = model.waitingSince {
                el("p", .class("notice")) {
                    context.t(
                        Phrase(
                            nb: "Nemnda venter på opplysninger (siden \(NorwegianFormat.date(since))); fristen forlenges med ventetiden.",
                            en: "The board is waiting for information (since \(NorwegianFormat.date(since))); the deadline moves by the waiting time."
                        ))
                }
            }
            if let decision = model.decision, let confirmed = decision.confirmedAt {
                el("div", .class("card"), .id("decision")) {
                    el("h2") { context.t(Phrase(nb: "Avgjørelse", en: "Decision")) + " " + NorwegianFormat.date(confirmed) }
                    el("p") { el("strong") { context.t(ComplaintCaseText.outcomeTitle(decision.outcome)) } }
                    el("p") { decision.reasons }
                }
            }
        }
    }
}
