import Foundation
import TMNormCore

/// The event administration: list, one event with its programme, participants, the door, badges.
enum EventAdminViews {
    static func eventFields(_ event: EventModel?, context: PageContext) -> [Node] {
        [
            Form.field(context.t(Phrase(nb: "Tittel", en: "Title")), name: "title", value: event?.title ?? ""),
            Form.field(context.t(Phrase(nb: "Dato", en: "Date")), name: "day", type: "date", value: event?.day ?? ""),
            Form.field(context.t(Phrase(nb: "Starter", en: "Starts")), name: "start_time", type: "time", value: event?.startTime ?? "11:00"),
            Form.field(context.t(Phrase(nb: "Slutter", en: "Ends")), name: "end_time", type: "time", value: event?.endTime ?? "23:00"),
            Form.field(context.t(Phrase(nb: "Sted", en: "Venue")), name: "venue", value: event?.venue ?? ""),
            el("div", .class("field")) {
                el("label", .for("f-description")) { context.t(Phrase(nb: "Beskrivelse", en: "Description")) }
                Form.textarea(name: "description", value: event?.details ?? "", rows: 4, required: false)
            },
            Form.field(
                context.t(Phrase(nb: "Plasser", en: "Seats")), name: "capacity", type: "number", value: event.map { String($0.capacity) } ?? "120"),
            Form.field(
                context.t(Phrase(nb: "Plasser til middagen", en: "Dinner seats")), name: "dinner_capacity", type: "number",
                value: event.map { String($0.dinnerCapacity) } ?? "80"),
            Form.field(
                context.t(Phrase(nb: "Påmeldingsfrist", en: "Registration deadline")), name: "deadline", type: "date", value: event?.deadline ?? ""),
            Form.field(
                context.t(Phrase(nb: "Pris for medlemmer (kr)", en: "Price for members (NOK)")), name: "member_price",
                value: event.map { kroner($0.memberPrice) } ?? "0", required: false),
            Form.field(
                context.t(Phrase(nb: "Pris for andre (kr)", en: "Price for others (NOK)")), name: "non_member_price",
                value: event.map { kroner($0.nonMemberPrice) } ?? "0", required: false),
            Form.checkbox(
                context.t(Phrase(nb: "Publisert (åpen for påmelding)", en: "Published (open for registration)")), name: "published",
                checked: event?.published ?? false),
        ]
    }

    static func kroner(_ ore: Int) -> String { ore % 100 == 0 ? String(ore / 100) : String(format: "%d,%02d", ore / 100, ore % 100) }

    static func list(events: [EventModel], mayCreate: Bool, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Arrangementer", en: "Events")), context: context) {
            if events.isEmpty { el("p") { context.t(Phrase(nb: "Ingen arrangementer du kan styre.", en: "No events you can manage.")) } }
            el("ul", .class("event-list")) {
                for event in events {
                    if let id = event.id {
                        el("li") {
                            el("a", .href(SiteRoute.eventAdmin(id).path)) { event.title }
                            " — \(NorwegianFormat.isoDay(event.day))"
                            if !event.published { " (" + context.t(Phrase(nb: "ikke publisert", en: "not published")) + ")" }
                        }
                    }
                }
            }
            if mayCreate {
                el("h2") { context.t(Phrase(nb: "Nytt arrangement", en: "New event")) }
                Form.post(SiteRoute.eventsAdmin.path, csrf: context.csrf) {
                    eventFields(nil, context: context)
                    Form.submit(context.t(Phrase(nb: "Opprett", en: "Create")))
                }
            }
        }
    }

    static func tabs(_ event: EventModel, context: PageContext) -> Node {
        guard let id = event.id else { return .fragment([]) }
        let links: [(SiteRoute, Phrase)] = [
            (.eventAdmin(id), Phrase(nb: "Arrangement", en: "Event")),
            (.eventParticipants(id), Phrase(nb: "Deltakere", en: "Participants")),
            (.eventCheckIn(id), Phrase(nb: "Innsjekking", en: "Check-in")),
            (.eventDiets(id), Phrase(nb: "Matbehov", en: "Dietary needs")),
            (.eventBadges(id), Phrase(nb: "Navneskilt", en: "Name badges")),
            (.eventRecruitment(id), Phrase(nb: "Verving", en: "Recruitment")),
            (.eventFeedbackResults(id), Phrase(nb: "Tilbakemeldinger", en: "Feedback")),
            (.event(slug: event.slug), Phrase(nb: "Offentlig side", en: "Public page")),
        ]
        return el("nav", .class("event-tabs no-print"), .aria("label", context.t(Phrase(nb: "Arrangementet", en: "The event")))) {
            el("ul") { for (route, label) in links { el("li") { el("a", .href(route.path)) { context.t(label) } } } }
        }
    }

    static func detail(
        event: EventModel, slots: [ProgrammeSlotModel], registrations: [EventRegistrationModel], organisers: [String], isAdministrator: Bool,
        context: PageContext
    ) -> String {
        let confirmed = registrations.filter { $0.status == .confirmed }
        return Layout.page(title: event.title, context: context) {
            tabs(event, context: context)
            el("dl", .class("event-facts")) {
                el("dt") { context.t(Phrase(nb: "Bekreftet", en: "Confirmed")) }
                el("dd") { "\(confirmed.count) / \(event.capacity)" }
                el("dt") { context.t(Phrase(nb: "Middag", en: "Dinner")) }
                el("dd") { "\(confirmed.filter(\.dinner).count) / \(event.dinnerCapacity)" }
                el("dt") { context.t(Phrase(nb: "Venteliste", en: "Waiting list")) }
                el("dd") { "\(registrations.filter { $0.status == .waitlisted }.count)" }
                el("dt") { context.t(Phrase(nb: "Avmeldt", en: "Cancelled")) }
                el("dd") { "\(registrations.filter { $0.status == .cancelled }.count)" }
            }
            el("h2") { context.t(Phrase(nb: "Program", en: "Programme")) }
            if let id = event.id {
                el("ol", .class("timeline")) {
                    for slot in slots {
                        el("li", .class("slot slot-" + slot.kind)) {
                            el("span", .class("slot-time")) { "\(slot.startTime)–\(slot.endTime)" }
                            el("span", .class("slot-body")) {
                                el("strong", .class("slot-title")) { slot.title }
                                if !slot.speaker.isEmpty { el("span", .class("slot-speaker")) { slot.speaker } }
                            }
                            if let slotID = slot.id {
                                Form.post(SiteRoute.eventSlotDelete(id, slot: slotID).path, csrf: context.csrf, class: "inline-form") {
                                    Form.submit(context.t(Phrase(nb: "Fjern", en: "Remove")), class: "button secondary small")
                                }
                            }
                        }
                    }
                }
                el("h3") { context.t(Phrase(nb: "Legg til et punkt", en: "Add a slot")) }
                Form.post(SiteRoute.eventSlots(id).path, csrf: context.csrf) {
                    Form.field(context.t(Phrase(nb: "Fra", en: "From")), name: "start", type: "time")
                    Form.field(context.t(Phrase(nb: "Til", en: "To")), name: "end", type: "time")
                    Form.field(context.t(Phrase(nb: "Tittel", en: "Title")), name: "title")
                    Form.field(context.t(Phrase(nb: "Innleder", en: "Speaker")), name: "speaker", required: false)
                    Form.select(
                        context.t(Phrase(nb: "Type", en: "Kind")), name: "kind",
                        options: ProgrammeSlotKind.allCases.map { (value: $0.rawValue, label: context.t(EventViews.kindLabel($0))) })
                    Form.submit(context.t(Phrase(nb: "Legg til", en: "Add")))
                }
                el("h2") { context.t(Phrase(nb: "Arbeidsgruppen", en: "The working group")) }
                if organisers.isEmpty {
                    el("p") { context.t(Phrase(nb: "Ingen arrangører ennå.", en: "No organisers yet.")) }
                } else {
                    el("ul") { for name in organisers { el("li") { name } } }
                }
                if isAdministrator {
                    Form.post(SiteRoute.eventOrganisers(id).path, csrf: context.csrf) {
                        Form.field(
                            context.t(Phrase(nb: "Gi arrangørrollen til (e-post)", en: "Give the organiser's role to (e-mail)")), name: "email",
                            type: "email")
                        Form.submit(context.t(Phrase(nb: "Legg til", en: "Add")))
                    }
                }
                el("h2") { context.t(Phrase(nb: "Detaljer", en: "Details")) }
                Form.post(SiteRoute.eventAdmin(id).path, csrf: context.csrf) {
                    eventFields(event, context: context)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")))
                }
            }
        }
    }

    static func participants(
        event: EventModel, rows: [EventRegistrationModel], filter: EventAdminRoutes.ParticipantFilter, members: [OrganisationModel],
        context: PageContext
    ) -> String {
        let names = Dictionary(uniqueKeysWithValues: members.compactMap { m in m.id.map { ($0, m.name) } })
        return Layout.page(title: context.t(Phrase(nb: "Deltakere: \(event.title)", en: "Participants: \(event.title)")), context: context) {
            tabs(event, context: context)
            if let id = event.id {
                el("form", .method("get"), .action(SiteRoute.eventParticipants(id).path), .class("filters")) {
                    el("div", .class("field")) {
                        el("label", .for("f-q")) { context.t(Phrase(nb: "Søk", en: "Search")) }
                        void("input", .id("f-q"), .name("q"), .type("search"), .value(filter.q))
                    }
                    Form.select(
                        context.t(Phrase(nb: "Status", en: "Status")), name: "status",
                        options: [(value: "", label: context.t(Phrase(nb: "Alle", en: "All")))]
                            + RegistrationStatus.allCases.map { (value: $0.rawValue, label: context.t(EventViews.statusLabel($0))) },
                        selected: filter.status)
                    Form.select(
                        context.t(Phrase(nb: "Middag", en: "Dinner")), name: "dinner",
                        options: [
                            (value: "", label: context.t(Phrase(nb: "Alle", en: "All"))),
                            (value: "yes", label: context.t(Phrase(nb: "Ja", en: "Yes"))),
                            (value: "no", label: context.t(Phrase(nb: "Nei", en: "No"))),
                        ], selected: filter.dinner)
                    el("button", .type("submit"), .class("button secondary")) { context.t(Phrase(nb: "Vis", en: "Show")) }
                }
                el("p") {
                    el("a", .href(SiteRoute.eventParticipantsCSV(id).path(query: ["q": filter.q, "status": filter.status, "dinner": filter.dinner])))
                    {
                        context.t(Phrase(nb: "Last ned som CSV (Excel)", en: "Download as CSV (Excel)"))
                    }
                }
            }
            el("p") { context.t(Phrase(nb: "\(rows.count) påmeldinger", en: "\(rows.count) registrations")) }
            el("div", .class("table-wrap")) {
                el("table") {
                    el("thead") {
                        el("tr") {
                            for heading in [
                                Phrase(nb: "Nr", en: "No."), Phrase(nb: "Navn", en: "Name"), Phrase(nb: "Organisasjon", en: "Organisation"),
                                Phrase(nb: "Status", en: "Status"), Phrase(nb: "Middag", en: "Dinner"), Phrase(nb: "Matbehov", en: "Dietary needs"),
                                Phrase(nb: "Invitert av", en: "Invited by"),
                            ] { el("th", .init("scope", "col")) { context.t(heading) } }
                        }
                    }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                el("td") { String(row.sequence) }
                                el("td") {
                                    row.name
                                    el("br")
                                    el("small") { row.email }
                                }
                                el("td") { row.organisation }
                                el("td") { context.t(EventViews.statusLabel(row.status)) }
                                el("td") { context.t(row.dinner ? Phrase(nb: "Ja", en: "Yes") : Phrase(nb: "Nei", en: "No")) }
                                el("td") { row.diet }
                                el("td") { row.viaOrganisationID.flatMap { names[$0] } ?? "" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func diets(event: EventModel, diners: Int, report: [(need: String, count: Int)], context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Matbehov: \(event.title)", en: "Dietary needs: \(event.title)")), context: context) {
            tabs(event, context: context)
            el("p") {
                context.t(
                    Phrase(
                        nb: "\(diners) bekreftet til middagen. Tallene under gjelder bare dem.",
                        en: "\(diners) confirmed for the dinner. The figures below count only them."))
            }
            el("table", .id("diet-report")) {
                el("thead") {
                    el("tr") {
                        el("th", .init("scope", "col")) { context.t(Phrase(nb: "Behov", en: "Need")) }
                        el("th", .init("scope", "col")) { context.t(Phrase(nb: "Antall", en: "Count")) }
                    }
                }
                el("tbody") {
                    for line in report {
                        el("tr") {
                            el("td") { line.need }
                            el("td") { String(line.count) }
                        }
                    }
                    el("tr") {
                        el("td") { context.t(Phrase(nb: "Uten særskilte behov", en: "No special needs")) }
                        el("td") { String(diners - report.reduce(0) { $0 + $1.count }) }
                    }
                }
            }
        }
    }

    static func badges(event: EventModel, rows: [EventRegistrationModel], context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Navneskilt: \(event.title)", en: "Name badges: \(event.title)")), context: context) {
            tabs(event, context: context)
            el("p", .class("no-print")) {
                context.t(
                    Phrase(
                        nb: "Skriv ut på A4-ark med etiketter (2 × 5 per ark, 105 × 57 mm). Velg «Faktisk størrelse» i utskriften.",
                        en: "Print on A4 sheets of labels (2 × 5 per sheet, 105 × 57 mm). Choose “Actual size” when printing."))
            }
            el("div", .class("badge-sheet")) {
                for row in rows {
                    el("div", .class("badge")) {
                        el("span", .class("badge-name")) { row.name }
                        el("span", .class("badge-org")) { row.organisation }
                        el("span", .class("badge-event")) { event.title }
                    }
                }
            }
        }
    }

    static func checkIn(event: EventModel, rows: [EventRegistrationModel], q: String, arrived: Int, total: Int, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Innsjekking: \(event.title)", en: "Check-in: \(event.title)")), context: context) {
            tabs(event, context: context)
            if let id = event.id {
                el("p", .class("arrival-count"), .aria("live", "polite"), .data("live-count", SiteRoute.eventCheckInCount(id).path)) {
                    context.t(Phrase(nb: "Ankommet", en: "Arrived")) + ": "
                    el("strong", .data("arrived", "")) { String(arrived) }
                    " / \(total)"
                }
                el("form", .method("get"), .action(SiteRoute.eventCheckIn(id).path), .class("filters")) {
                    el("div", .class("field")) {
                        el("label", .for("f-q")) { context.t(Phrase(nb: "Søk på navn", en: "Search by name")) }
                        void("input", .id("f-q"), .name("q"), .type("search"), .value(q))
                    }
                    el("button", .type("submit"), .class("button secondary")) { context.t(Phrase(nb: "Søk", en: "Search")) }
                }
                el("ul", .class("check-in-list")) {
                    for row in rows {
                        if let registrationID = row.id {
                            el("li", .class(row.arrivedAt == nil ? "waiting" : "arrived")) {
                                el("span", .class("who")) {
                                    el("strong") { row.name }
                                    if !row.organisation.isEmpty { el("small") { row.organisation } }
                                }
                                Form.post(SiteRoute.eventCheckIn(id).path, csrf: context.csrf, class: "inline-form") {
                                    void("input", .type("hidden"), .name("registration"), .value(registrationID.uuidString.lowercased()))
                                    void("input", .type("hidden"), .name("q"), .value(q))
                                    if row.arrivedAt == nil {
                                        void("input", .type("hidden"), .name("action"), .value("arrive"))
                                        Form.submit(context.t(Phrase(nb: "Kommet", en: "Arrived")))
                                    } else {
                                        void("input", .type("hidden"), .name("action"), .value("undo"))
                                        Form.submit(context.t(Phrase(nb: "Angre", en: "Undo")), class: "button secondary")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func recruitment(event: EventModel, table: [Recruitment.Line], links: [String: String], reminded: [String: Date], context: PageContext)
        -> String
    {
        Layout.page(title: context.t(Phrase(nb: "Verving: \(event.title)", en: "Recruitment: \(event.title)")), context: context) {
            tabs(event, context: context)
            el("p") {
                context.t(
                    Phrase(
                        nb:
                            "Hvert medlem har sin egen invitasjonslenke. Medlemmer som ikke har fått med noen, får en påminnelse to uker før fristen.",
                        en: "Each member has its own invitation link. Members that have brought no one are reminded two weeks before the deadline."))
            }
            el("div", .class("table-wrap")) {
                el("table", .id("league")) {
                    el("thead") {
                        el("tr") {
                            for heading in [
                                Phrase(nb: "Medlem", en: "Member"), Phrase(nb: "Bekreftet", en: "Confirmed"), Phrase(nb: "Venteliste", en: "Waiting"),
                                Phrase(nb: "Avmeldt", en: "Cancelled"), Phrase(nb: "Invitasjonslenke", en: "Invitation link"),
                            ] { el("th", .init("scope", "col")) { context.t(heading) } }
                        }
                    }
                    el("tbody") {
                        for line in table {
                            el("tr") {
                                el("td") {
                                    line.member
                                    if let at = reminded[line.member] {
                                        el("br")
                                        el("small") {
                                            context.t(Phrase(nb: "påminnet \(NorwegianFormat.date(at))", en: "reminded \(NorwegianFormat.date(at))"))
                                        }
                                    }
                                }
                                el("td") { String(line.confirmed) }
                                el("td") { String(line.waitlisted) }
                                el("td") { String(line.cancelled) }
                                el("td", .class("link-cell")) { links[line.member] ?? "" }
                            }
                        }
                    }
                }
            }
        }
    }

    static func feedback(event: EventModel, slots: [ProgrammeSlotModel], answers: [EventFeedbackModel], respondents: Int, context: PageContext)
        -> String
    {
        Layout.page(title: context.t(Phrase(nb: "Tilbakemeldinger: \(event.title)", en: "Feedback: \(event.title)")), context: context) {
            tabs(event, context: context)
            el("p") { context.t(Phrase(nb: "\(respondents) har svart.", en: "\(respondents) have answered.")) }
            el("table", .id("feedback-results")) {
                el("thead") {
                    el("tr") {
                        el("th", .init("scope", "col")) { context.t(Phrase(nb: "Punkt", en: "Item")) }
                        el("th", .init("scope", "col")) { context.t(Phrase(nb: "Snitt (1–5)", en: "Average (1–5)")) }
                        el("th", .init("scope", "col")) { context.t(Phrase(nb: "Svar", en: "Answers")) }
                    }
                }
                el("tbody") {
                    for slot in slots {
                        let scores = answers.filter { $0.slotID == slot.id && $0.score > 0 }.map(\.score)
                        el("tr") {
                            el("td") { "\(slot.startTime) \(slot.title)" }
                            el("td") { Feedback.average(scores).map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "–" }
                            el("td") { String(scores.count) }
                        }
                    }
                    let day = answers.filter { $0.slotID == nil && $0.score > 0 }.map(\.score)
                    el("tr") {
                        el("td") { context.t(Phrase(nb: "Dagen som helhet", en: "The day as a whole")) }
                        el("td") { Feedback.average(day).map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "–" }
                        el("td") { String(day.count) }
                    }
                }
            }
            let comments = answers.map(\.comment).filter { !$0.isEmpty }
            if !comments.isEmpty {
                el("h2") { context.t(Phrase(nb: "Kommentarer", en: "Comments")) }
                el("ul") { for comment in comments { el("li") { comment } } }
            }
            if let id = event.id {
                if event.feedbackSentAt == nil {
                    Form.post(SiteRoute.eventFeedbackResults(id).path, csrf: context.csrf) {
                        Form.submit(context.t(Phrase(nb: "Send skjemaet til dem som kom", en: "Send the form to those who came")))
                    }
                } else if let sent = event.feedbackSentAt {
                    el("p") {
                        context.t(
                            Phrase(nb: "Skjemaet ble sendt \(NorwegianFormat.date(sent)).", en: "The form was sent \(NorwegianFormat.date(sent))."))
                    }
                }
            }
        }
    }
}
