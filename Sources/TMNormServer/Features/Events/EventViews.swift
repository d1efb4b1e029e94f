import Foundation
import TMNormCore

/// The public event pages, bokmål first; one column that reads on a phone.
enum EventViews {
    static func kindLabel(_ kind: ProgrammeSlotKind) -> Phrase {
        switch kind {
        case .talk: Phrase(nb: "Innlegg", en: "Talk")
        case .discussion: Phrase(nb: "Diskusjon", en: "Discussion")
        case .break: Phrase(nb: "Pause", en: "Break")
        case .lunch: Phrase(nb: "Lunsj", en: "Lunch")
        case .dinner: Phrase(nb: "Middag", en: "Dinner")
        }
    }

    static func statusLabel(_ status: RegistrationStatus) -> Phrase {
        switch status {
        case .confirmed: Phrase(nb: "Bekreftet", en: "Confirmed")
        case .waitlisted: Phrase(nb: "På venteliste", en: "On the waiting list")
        case .cancelled: Phrase(nb: "Avmeldt", en: "Cancelled")
        }
    }

    static func price(_ ore: Int, _ context: PageContext) -> String {
        ore == 0 ? context.t(Phrase(nb: "gratis", en: "free")) : NorwegianFormat.amount(ore: ore)
    }

    static func when(_ event: EventModel) -> String {
        "\(NorwegianFormat.isoDay(event.day)) \(event.startTime)–\(event.endTime)"
    }

    static func list(upcoming: [EventModel], past: [EventModel], context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Arrangementer", en: "Events")), context: context) {
            el("p") {
                context.t(
                    Phrase(
                        nb: "Bransjedager og møter for callsentre, oppdragsgivere og kundesentre.",
                        en: "Industry days and meetings for call centres, their clients and customer centres."))
            }
            el("h2") { context.t(Phrase(nb: "Kommende", en: "Upcoming")) }
            if upcoming.isEmpty { el("p") { context.t(Phrase(nb: "Ingen kommende arrangementer.", en: "No upcoming events.")) } }
            el("ul", .class("event-list")) {
                for event in upcoming {
                    el("li") {
                        el("a", .href(SiteRoute.event(slug: event.slug).path)) { event.title }
                        " — \(when(event)), \(event.venue)"
                    }
                }
            }
            if !past.isEmpty {
                el("h2") { context.t(Phrase(nb: "Tidligere", en: "Past")) }
                el("ul", .class("event-list")) {
                    for event in past {
                        el("li") {
                            el("a", .href(SiteRoute.event(slug: event.slug).path)) { event.title }; " — \(NorwegianFormat.isoDay(event.day))"
                        }
                    }
                }
            }
        }
    }

    struct PageModel: Sendable {
        let event: EventModel
        let slots: [ProgrammeSlot]
        let window: RegistrationWindow
        let seatsLeft: Int
        let dinnerLeft: Int
        let waiting: Int
        let input: EventWebRoutes.FormInput
        /// Problems by field; "_" for the whole form.
        let problems: [String: String]
    }

    /// The programme as a timeline.
    static func timeline(_ slots: [ProgrammeSlot], context: PageContext) -> Node {
        el("ol", .class("timeline")) {
            for slot in slots {
                el("li", .class("slot slot-" + slot.kind.rawValue)) {
                    el("span", .class("slot-time")) {
                        el("time") { slot.start.formatted }
                        "–"
                        el("time") { slot.end.formatted }
                    }
                    el("span", .class("slot-body")) {
                        el("span", .class("slot-kind")) { context.t(kindLabel(slot.kind)) }
                        el("strong", .class("slot-title")) { slot.title }
                        if !slot.speaker.isEmpty { el("span", .class("slot-speaker")) { slot.speaker } }
                    }
                }
            }
        }
    }

    static func page(_ model: PageModel, context: PageContext) -> String {
        let event = model.event
        let input = model.input
        return Layout.page(title: event.title, context: context) {
            el("p", .class("event-when")) {
                el("strong") { when(event) }
                " · \(event.venue)"
            }
            if !event.details.isEmpty { el("p", .class("event-description")) { event.details } }
            el("dl", .class("event-facts")) {
                el("dt") { context.t(Phrase(nb: "Pris for medlemmer", en: "Price for members")) }
                el("dd") { price(event.memberPrice, context) }
                el("dt") { context.t(Phrase(nb: "Pris for andre", en: "Price for others")) }
                el("dd") { price(event.nonMemberPrice, context) }
                el("dt") { context.t(Phrase(nb: "Påmeldingsfrist", en: "Registration deadline")) }
                el("dd") { NorwegianFormat.isoDay(event.deadline) }
                el("dt") { context.t(Phrase(nb: "Ledige plasser", en: "Seats left")) }
                el("dd", .id("seats-left")) {
                    "\(model.seatsLeft)"
                    if model.waiting > 0 { context.t(Phrase(nb: " (\(model.waiting) på venteliste)", en: " (\(model.waiting) waiting)")) }
                }
            }
            el("p") {
                el("a", .href(SiteRoute.event(slug: event.slug + ".ics").path)) {
                    context.t(Phrase(nb: "Legg programmet i kalenderen (.ics)", en: "Add the programme to your calendar (.ics)"))
                }
            }
            el("h2") { context.t(Phrase(nb: "Program", en: "Programme")) }
            timeline(model.slots, context: context)
            el("h2", .id("pamelding")) { context.t(Phrase(nb: "Påmelding", en: "Registration")) }
            switch model.window {
            case .eventPast:
                el("p", .class("notice")) { context.t(Phrase(nb: "Arrangementet er over.", en: "The event is over.")) }
            case .deadlinePassed:
                el("p", .class("notice")) { context.t(Phrase(nb: "Påmeldingsfristen er ute.", en: "The registration deadline has passed.")) }
            case .open:
                if let general = model.problems["_"] {
                    el("p", .class("alert"), .init("role", "alert")) { general }
                } else if !model.problems.isEmpty {
                    el("p", .class("alert"), .init("role", "alert")) {
                        context.t(
                            Phrase(nb: "Noe må rettes — se merknadene ved feltene.", en: "Something needs correcting — see the notes by the fields."))
                    }
                }
                if model.seatsLeft == 0 {
                    el("p", .class("notice")) {
                        context.t(
                            Phrase(
                                nb: "Det er fullt. Meld deg på likevel: du kommer på ventelisten og får plass i tur og orden.",
                                en: "It is full. Register anyway: you go on the waiting list and get a seat in turn."))
                    }
                }
                Form.post(SiteRoute.event(slug: event.slug).path + "#pamelding", csrf: context.csrf) {
                    Form.field(
                        context.t(Phrase(nb: "Navn", en: "Name")), name: "name", value: String((input.name ?? "").prefix(200)), autocomplete: "name",
                        error: model.problems["name"])
                    Form.field(
                        context.t(Phrase(nb: "E-post", en: "E-mail")), name: "email", type: "email", value: String((input.email ?? "").prefix(254)),
                        autocomplete: "email", error: model.problems["email"])
                    // Registered businesses are suggested as the person types (the stop-calls form's public lookup).
                    Form.field(
                        context.t(Phrase(nb: "Organisasjon", en: "Organisation")), name: "organisation",
                        value: String((input.organisation ?? "").prefix(200)), required: false,
                        suggest: (SiteRoute.stopCallsBusinesses.path, "organisation-list"),
                        hint: context.t(
                            Phrase(nb: "Velg en registrert virksomhet eller skriv navnet", en: "Pick a registered business or type the name")),
                        error: model.problems["organisation"])
                    if event.dinnerCapacity > 0 {
                        Form.checkbox(
                            context.t(
                                Phrase(
                                    nb: "Jeg blir med på middagen (\(model.dinnerLeft) plasser igjen)",
                                    en: "I will join the dinner (\(model.dinnerLeft) seats left)")),
                            name: "dinner", checked: input.dinner != nil)
                    }
                    Form.field(
                        context.t(Phrase(nb: "Matbehov eller allergier", en: "Dietary needs or allergies")), name: "diet",
                        value: String((input.diet ?? "").prefix(500)), required: false, error: model.problems["diet"])
                    el("div", .class("field")) {
                        el("label", .for("f-comment")) { context.t(Phrase(nb: "Kommentar (valgfritt)", en: "Comment (optional)")) }
                        Form.textarea(name: "comment", value: String((input.comment ?? "").prefix(2000)), rows: 3, required: false)
                    }
                    if let via = input.via, !via.isEmpty {
                        void("input", .type("hidden"), .name("via"), .value(String(via.prefix(32))))
                    }
                    Form.submit(context.t(Phrase(nb: "Meld meg på", en: "Register me")))
                }
            }
        }
    }

    static func registered(event: EventModel, status: RegistrationStatus, created: Bool, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Takk for påmeldingen", en: "Thank you for registering")), context: context) {
            el("p", .class("notice"), .init("role", "status"), .id("registration-status")) {
                if !created {
                    context.t(
                        Phrase(
                            nb: "Denne e-postadressen er allerede påmeldt (\(statusLabel(status).nb.lowercased())). Du får ikke en plass til.",
                            en: "This e-mail address is already registered (\(statusLabel(status).en.lowercased())). You do not get a second seat."))
                } else if status == .confirmed {
                    context.t(Phrase(nb: "Du er påmeldt \(event.title).", en: "You are registered for \(event.title)."))
                } else {
                    context.t(
                        Phrase(
                            nb: "\(event.title) er fullt. Du står på ventelisten og får beskjed på e-post om du får plass.",
                            en: "\(event.title) is full. You are on the waiting list and will be told by e-mail if you get a seat."))
                }
            }
            el("p") {
                context.t(
                    Phrase(
                        nb: "Vi har sendt en e-post med lenken du kan melde deg av med, og programmet som kalenderfil.",
                        en: "We have sent an e-mail with the link to cancel, and the programme as a calendar file."))
            }
            el("p") {
                el("a", .href(SiteRoute.event(slug: event.slug).path)) {
                    context.t(Phrase(nb: "Tilbake til programmet", en: "Back to the programme"))
                }
            }
        }
    }

    static func registration(
        event: EventModel, registration: EventRegistrationModel, token: String, notice: Phrase?, context: PageContext
    ) -> String {
        Layout.page(title: event.title, context: context) {
            if let notice { el("p", .class("notice"), .init("role", "status")) { context.t(notice) } }
            el("dl") {
                el("dt") { context.t(Phrase(nb: "Navn", en: "Name")) }
                el("dd") { registration.name }
                el("dt") { context.t(Phrase(nb: "Når", en: "When")) }
                el("dd") { when(event) }
                el("dt") { context.t(Phrase(nb: "Status", en: "Status")) }
                el("dd", .id("registration-status")) { context.t(statusLabel(registration.status)) }
                el("dt") { context.t(Phrase(nb: "Middag", en: "Dinner")) }
                el("dd") { context.t(registration.dinner ? Phrase(nb: "Ja", en: "Yes") : Phrase(nb: "Nei", en: "No")) }
            }
            if registration.status != .cancelled, let id = registration.id {
                Form.post(SiteRoute.eventRegistration(slug: event.slug, id: id).path, csrf: context.csrf) {
                    void("input", .type("hidden"), .name("token"), .value(token))
                    Form.submit(context.t(Phrase(nb: "Meld meg av", en: "Cancel my registration")), class: "button danger")
                }
            }
        }
    }

    static func feedback(
        event: EventModel, registration: EventRegistrationModel, slots: [ProgrammeSlotModel], token: String, done: Bool, context: PageContext
    ) -> String {
        Layout.page(title: context.t(Phrase(nb: "Tilbakemelding: \(event.title)", en: "Feedback: \(event.title)")), context: context) {
            if done {
                el("p", .class("notice"), .init("role", "status")) {
                    context.t(
                        Phrase(nb: "Takk for tilbakemeldingen! Du kan endre den under.", en: "Thank you for your feedback! You may change it below."))
                }
            }
            if let id = registration.id {
                Form.post(SiteRoute.eventFeedback(slug: event.slug, id: id).path, csrf: context.csrf) {
                    void("input", .type("hidden"), .name("token"), .value(token))
                    for slot in slots {
                        if let slotID = slot.id?.uuidString.lowercased() {
                            scoreField(name: "score-" + slotID, label: "\(slot.startTime) \(slot.title)", context: context)
                        }
                    }
                    scoreField(name: "score-day", label: context.t(Phrase(nb: "Dagen som helhet", en: "The day as a whole")), context: context)
                    el("div", .class("field")) {
                        el("label", .for("f-comment")) { context.t(Phrase(nb: "Kommentar", en: "Comment")) }
                        Form.textarea(name: "comment", rows: 4, required: false)
                    }
                    Form.submit(context.t(Phrase(nb: "Send", en: "Send")))
                }
            }
        }
    }

    static func scoreField(name: String, label: String, context: PageContext) -> Node {
        el("fieldset", .class("field score")) {
            el("legend") { label }
            for score in 1...5 {
                el("span", .class("score-choice")) {
                    void("input", .type("radio"), .name(name), .id(name + "-\(score)"), .value("\(score)"))
                    el("label", .for(name + "-\(score)")) { "\(score)" }
                }
            }
        }
    }
}
