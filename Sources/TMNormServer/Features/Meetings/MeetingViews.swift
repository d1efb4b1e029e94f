import Foundation
import TMNormCore

/// The meetings pages: the list, the forms, one meeting (agenda, invitees, minutes, decisions, action
/// items, poll), the published minutes (printable), the decisions register and the two e-mail link pages.
enum MeetingViews {
    static func when(_ start: LocalDateTime?) -> String {
        guard let start else { return "—" }
        return "\(start.date.norwegianFormatted) kl. \(start.time.formatted.prefix(5))"
    }

    static func statusWords(_ status: MeetingModel.Status) -> Phrase {
        switch status {
        case .proposed: Phrase(nb: "Tidspunkt foreslått", en: "Times proposed")
        case .scheduled: Phrase(nb: "Berammet", en: "Scheduled")
        case .cancelled: Phrase(nb: "Avlyst", en: "Cancelled")
        }
    }

    static func answerWords(_ answer: Availability?) -> Phrase {
        switch answer {
        case .yes: Phrase(nb: "Kommer", en: "Attending")
        case .no: Phrase(nb: "Kommer ikke", en: "Not attending")
        case .maybe: Phrase(nb: "Kanskje", en: "Maybe")
        case nil: Phrase(nb: "Ikke svart", en: "No answer")
        }
    }

    static func t(_ context: PageContext, _ nb: String, _ en: String) -> String { context.t(Phrase(nb: nb, en: en)) }

    // MARK: List

    struct ListItem: Sendable {
        let id: UUID
        let title: String
        let start: LocalDateTime?
        let status: MeetingModel.Status
    }

    struct ActionItemRow: Sendable {
        let id: UUID
        let title: String
        let owner: String
        let due: LocalDate?
        let status: ActionItemStatus
        let note: String

        init(_ row: MeetingActionItemModel) {
            id = row.id ?? UUID()
            title = row.title
            owner = row.ownerName
            due = try? LocalDate(parsing: row.due)
            status = row.status
            note = row.note
        }
    }

    struct ListModel: Sendable {
        let meetings: [ListItem]
        let canOrganise: Bool
        let openItems: [ActionItemRow]
    }

    static func list(_ model: ListModel, context: PageContext) -> String {
        Layout.page(title: t(context, "Møter", "Meetings"), context: context) {
            el("p", .class("actions")) {
                if model.canOrganise {
                    ButtonLink.make(t(context, "Nytt møte", "New meeting"), href: SiteRoute.newMeeting.path)
                    ButtonLink.make(t(context, "Foreslå tidspunkter", "Propose times"), href: SiteRoute.newMeetingPoll.path, variant: .secondary)
                }
                ButtonLink.make(t(context, "Vedtaksregister", "Decisions register"), href: SiteRoute.meetingDecisions.path, variant: .secondary)
                ButtonLink.make(t(context, "Kalender (.ics)", "Calendar (.ics)"), href: SiteRoute.meetingFeed.path, variant: .secondary)
            }
            if model.meetings.isEmpty {
                EmptyState.make(
                    title: t(context, "Ingen møter", "No meetings"),
                    what: t(context, "Du er ikke invitert til noen møter ennå.", "You are not invited to any meetings yet."))
            } else {
                Table.scrolling(
                    headings: [t(context, "Møte", "Meeting"), t(context, "Tid", "Time"), t(context, "Status", "Status")], scope: .column,
                    id: "meetings"
                ) {
                    for item in model.meetings {
                        el("tr") {
                            el("td") { el("a", .href(SiteRoute.meeting(item.id).path)) { item.title } }
                            el("td") { when(item.start) }
                            el("td") { context.t(statusWords(item.status)) }
                        }
                    }
                }
            }
            if model.canOrganise {
                el("h2") { t(context, "Åpne oppfølgingspunkter", "Open action items") }
                actionItemTable(model.openItems, context: context, organiser: false)
            }
        }
    }

    static func actionItemTable(_ items: [ActionItemRow], context: PageContext, organiser: Bool) -> Node {
        if items.isEmpty { return el("p") { t(context, "Ingen oppfølgingspunkter.", "No action items.") } }
        return Table.scrolling(
            headings: [t(context, "Punkt", "Item"), t(context, "Ansvarlig", "Owner"), t(context, "Frist", "Due"), t(context, "Status", "Status")],
            scope: .column, id: "action-items"
        ) {
            for item in items {
                el("tr", .data("status", item.status.rawValue)) {
                    el("td") { item.title }
                    el("td") { item.owner }
                    el("td") { item.due?.norwegianFormatted ?? "—" }
                    el("td") {
                        context.t(Phrase(nb: item.status.words.nb, en: item.status.words.en)) + (item.note.isEmpty ? "" : " — " + item.note)
                        if organiser {
                            Form.post(SiteRoute.actionItemStep(item.id).path, csrf: context.csrf, class: "form inline") {
                                Form.select(
                                    t(context, "Endre", "Change"), name: "step",
                                    options: item.status == .open
                                        ? [
                                            (value: "done", label: t(context, "Utført", "Done")),
                                            (value: "drop", label: t(context, "Droppet", "Dropped")),
                                        ]
                                        : [(value: "reopen", label: t(context, "Åpne igjen", "Reopen"))])
                                Form.field(t(context, "Merknad", "Note"), name: "note", required: false)
                                Form.submit(t(context, "Lagre", "Save"), class: "button secondary small")
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Forms

    struct FormModel: Sendable {
        let organisations: [(UUID, String)]
        let agendaRows: Int
    }

    static func commonFields(_ model: FormModel, context: PageContext) -> [Node] {
        [
            Form.field(t(context, "Tittel", "Title"), name: "title"),
            Form.field(t(context, "Varighet (minutter)", "Duration (minutes)"), name: "duration", type: "number", value: "120"),
            Form.field(
                t(context, "Sted", "Place"), name: "place", required: false, hint: t(context, "Eller en videolenke under.", "Or a video link below.")),
            Form.field(t(context, "Videolenke", "Video link"), name: "video_link", type: "url", required: false),
            el("fieldset") {
                el("legend") { t(context, "Inviter organisasjoner", "Invite organisations") }
                for (id, name) in model.organisations {
                    Form.checkbox(name, name: "org_" + id.uuidString.lowercased())
                }
            },
            el("div", .class("field")) {
                el("label", .for("f-people")) { t(context, "Inviter personer (e-post, én per linje)", "Invite people (e-mail, one per line)") }
                Form.textarea(name: "people", rows: 3, required: false)
            },
        ]
    }

    static func form(_ model: FormModel, context: PageContext) -> String {
        Layout.page(title: t(context, "Nytt møte", "New meeting"), context: context) {
            Form.post(SiteRoute.newMeeting.path, csrf: context.csrf) {
                Form.field(t(context, "Dato", "Date"), name: "date", type: "date", hint: t(context, "dd.mm.åååå", "dd.mm.yyyy"))
                Form.field(t(context, "Klokkeslett (norsk tid)", "Time (Norwegian time)"), name: "time", type: "time")
                commonFields(model, context: context)
                el("h2") { t(context, "Agenda", "Agenda") }
                el("p", .class("hint")) {
                    t(
                        context, "Åpne oppfølgingspunkter fra tidligere møter settes først på agendaen.",
                        "Open action items from earlier meetings come first on the agenda.")
                }
                for index in 1...max(1, model.agendaRows) {
                    el("fieldset", .class("agenda-item")) {
                        el("legend") { t(context, "Sak", "Item") + " \(index)" }
                        Form.field(t(context, "Tittel", "Title"), name: "agenda_title_\(index)", required: false)
                        Form.field(t(context, "Ansvarlig", "Owner"), name: "agenda_owner_\(index)", required: false)
                        Form.field(
                            t(context, "Tidsramme (minutter)", "Time box (minutes)"), name: "agenda_box_\(index)", type: "number", required: false)
                        Form.field(t(context, "Notater", "Notes"), name: "agenda_notes_\(index)", required: false)
                    }
                }
                Form.submit(t(context, "Opprett og send invitasjoner", "Create and send invitations"))
            }
        }
    }

    static func pollForm(_ model: FormModel, context: PageContext) -> String {
        Layout.page(title: t(context, "Foreslå tidspunkter", "Propose times"), context: context) {
            Form.post(SiteRoute.newMeetingPoll.path, csrf: context.csrf) {
                for index in 1...4 {
                    el("fieldset", .class("poll-option")) {
                        el("legend") { t(context, "Forslag", "Proposal") + " \(index)" }
                        Form.field(t(context, "Dato", "Date"), name: "option_date_\(index)", type: "date", required: index <= 2)
                        Form.field(t(context, "Klokkeslett", "Time"), name: "option_time_\(index)", type: "time", required: index <= 2)
                    }
                }
                commonFields(model, context: context)
                Form.submit(t(context, "Send forslagene", "Send the proposals"))
            }
        }
    }

    // MARK: One meeting

    struct AgendaRow: Sendable {
        let title: String
        let owner: String
        let timeBox: Int?
        let notes: String
    }

    struct InviteeRow: Sendable {
        let id: UUID
        let name: String
        let organisation: String?
        let answer: Availability?
        let attended: Bool
    }

    struct DecisionRow: Sendable {
        let number: String
        let text: String
        let subject: String
        let effectiveOn: LocalDate?
        let concerns: String?
        let meetingID: UUID

        init(_ row: MeetingDecisionModel) {
            number = row.number.description
            text = row.text
            subject = row.subject
            effectiveOn = row.effectiveOn.flatMap { try? LocalDate(parsing: $0) }
            concerns = row.concerns
            meetingID = row.meetingID
        }
    }

    struct PollOption: Sendable {
        let id: UUID
        let start: LocalDateTime
        let yes: Int
        let maybe: Int
        let no: Int
        let best: Bool
    }

    struct PollModel: Sendable {
        let options: [PollOption]
    }

    struct PageModel: Sendable {
        let id: UUID
        let title: String
        let status: MeetingModel.Status
        let start: LocalDateTime?
        let end: LocalDateTime?
        let place: String?
        let videoLink: String?
        let agenda: [AgendaRow]
        let invitees: [InviteeRow]
        let versions: [(Int, Date, String)]
        /// The secretary's working copy (organisers only).
        let draft: MinutesDocument?
        let decisions: [DecisionRow]
        let actionItems: [ActionItemRow]
        let organisations: [(UUID, String)]
        let poll: PollModel?
        let isOrganiser: Bool
        let membersPublished: Bool
        let numbering: DecisionNumbering
    }

    static func page(_ model: PageModel, context: PageContext) -> String {
        Layout.page(title: model.title, context: context) {
            el("dl", .class("facts")) {
                el("dt") { t(context, "Status", "Status") }
                el("dd") { context.t(statusWords(model.status)) }
                el("dt") { t(context, "Tid", "Time") }
                el("dd") { when(model.start) + (model.end.map { "–" + String($0.time.formatted.prefix(5)) } ?? "") }
                if let place = model.place {
                    el("dt") { t(context, "Sted", "Place") }
                    el("dd") { place }
                }
                if let link = model.videoLink {
                    el("dt") { t(context, "Video", "Video") }
                    el("dd") { el("a", .href(link), .init("rel", "noopener noreferrer")) { link } }
                }
            }
            if model.start != nil {
                el("p") {
                    el("a", .href(SiteRoute.meetingCalendar(model.id).path)) { t(context, "Legg i kalenderen (.ics)", "Add to calendar (.ics)") }
                }
            }
            if let poll = model.poll { pollSection(poll, model: model, context: context) }
            el("h2") { t(context, "Agenda", "Agenda") }
            if model.agenda.isEmpty {
                el("p") { t(context, "Ingen saker ennå.", "No items yet.") }
            } else {
                el("ol", .class("agenda")) {
                    for item in model.agenda {
                        el("li") {
                            el("strong") { item.title }
                            if !item.owner.isEmpty { " — " + item.owner }
                            if let box = item.timeBox { " (\(box) min)" }
                            if !item.notes.isEmpty { el("p", .class("hint")) { item.notes } }
                        }
                    }
                }
            }
            if !model.invitees.isEmpty {
                el("h2") { t(context, "Inviterte og oppmøte", "Invitees and attendance") }
                Table.scrolling(
                    headings: [
                        t(context, "Navn", "Name"), t(context, "Organisasjon", "Organisation"), t(context, "Svar", "Answer"),
                        t(context, "Til stede", "Attended"),
                    ],
                    scope: .column, id: "invitees"
                ) {
                    for person in model.invitees {
                        el("tr") {
                            el("td") { person.name }
                            el("td") { person.organisation ?? "—" }
                            el("td") { context.t(answerWords(person.answer)) }
                            el("td") { person.attended ? t(context, "Ja", "Yes") : "—" }
                        }
                    }
                }
            }
            el("h2") { t(context, "Referat", "Minutes") }
            if model.versions.isEmpty {
                el("p") { t(context, "Ikke publisert ennå.", "Not published yet.") }
            } else {
                el("ul", .class("versions")) {
                    for (version, at, note) in model.versions {
                        el("li") {
                            el("a", .href(SiteRoute.meetingMinutes(model.id, version: version).path)) {
                                t(context, "Versjon", "Version") + " \(version)"
                            }
                            " · " + NorwegianFormat.dateTime(at) + (note.isEmpty ? "" : " · " + note)
                        }
                    }
                }
                el("p") {
                    el("a", .href(SiteRoute.meetingMinutesMarkdown(model.id).path)) { t(context, "Last ned som Markdown", "Download as Markdown") }
                }
            }
            if model.isOrganiser, let draft = model.draft, model.status == .scheduled {
                minutesForm(draft, model: model, context: context)
            }
            el("h2") { t(context, "Vedtak", "Decisions") }
            decisionList(model.decisions, context: context)
            if model.isOrganiser && model.status == .scheduled { decisionForm(model, context: context) }
            el("h2") { t(context, "Oppfølgingspunkter", "Action items") }
            actionItemTable(model.actionItems, context: context, organiser: model.isOrganiser)
            if model.isOrganiser && model.status == .scheduled { actionItemForm(model, context: context) }
            if model.isOrganiser && model.status == .scheduled {
                el("h2") { t(context, "Endre eller avlys", "Change or cancel") }
                Form.post(SiteRoute.meetingAction(model.id, action: "change").path, csrf: context.csrf) {
                    Form.field(t(context, "Dato", "Date"), name: "date", type: "date", value: model.start?.date.iso8601 ?? "")
                    Form.field(
                        t(context, "Klokkeslett", "Time"), name: "time", type: "time",
                        value: model.start.map { String($0.time.formatted.prefix(5)) } ?? "")
                    Form.field(t(context, "Sted", "Place"), name: "place", value: model.place ?? "", required: false)
                    Form.field(t(context, "Videolenke", "Video link"), name: "video_link", type: "url", value: model.videoLink ?? "", required: false)
                    Form.submit(t(context, "Lagre og send endring", "Save and send the change"), class: "button secondary")
                }
                Form.post(SiteRoute.meetingAction(model.id, action: "cancel").path, csrf: context.csrf) {
                    Form.submit(t(context, "Avlys møtet", "Cancel the meeting"), class: "button danger")
                }
            }
        }
    }

    static func pollSection(_ poll: PollModel, model: PageModel, context: PageContext) -> Node {
        el("section", .class("poll")) {
            el("h2") { t(context, "Forslag til tidspunkt", "Proposed times") }
            Table.scrolling(
                headings: [
                    t(context, "Tidspunkt", "Time"), t(context, "Passer", "Suits"), t(context, "Kanskje", "Maybe"),
                    t(context, "Passer ikke", "Does not suit"),
                ],
                scope: .column, id: "poll"
            ) {
                for option in poll.options {
                    el("tr", .class(option.best ? "best" : "")) {
                        el("td") { when(option.start) + (option.best ? " ★" : "") }
                        el("td") { String(option.yes) }
                        el("td") { String(option.maybe) }
                        el("td") { String(option.no) }
                    }
                }
            }
            if model.isOrganiser {
                Form.post(SiteRoute.meetingAction(model.id, action: "pick").path, csrf: context.csrf) {
                    Form.select(
                        t(context, "Velg tidspunkt", "Choose the time"), name: "option",
                        options: poll.options.map { (value: $0.id.uuidString.lowercased(), label: when($0.start)) },
                        selected: poll.options.first(where: \.best)?.id.uuidString.lowercased())
                    Form.submit(t(context, "Velg og send invitasjoner", "Choose and send invitations"))
                }
            }
        }
    }

    static func minutesForm(_ draft: MinutesDocument, model: PageModel, context: PageContext) -> Node {
        Form.post(SiteRoute.meetingAction(model.id, action: "minutes").path, csrf: context.csrf, class: "form minutes-form") {
            el("h3") { t(context, "Skriv referat", "Write the minutes") }
            el("p", .class("hint")) {
                t(
                    context, "Markdown: **fet**, *kursiv*, lister med -, lenker [tekst](https://…).",
                    "Markdown: **bold**, *italic*, lists with -, links [text](https://…).")
            }
            for (index, section) in draft.sections.enumerated() {
                el("div", .class("field")) {
                    el("label", .for("f-section_\(index + 1)")) { "\(index + 1). " + section.title }
                    Form.textarea(name: "section_\(index + 1)", value: section.markdown, rows: 5, required: false)
                }
            }
            el("fieldset") {
                el("legend") { t(context, "Til stede", "Attended") }
                for person in model.invitees {
                    Form.checkbox(
                        person.name + (person.organisation.map { " (\($0))" } ?? ""), name: "attended_" + person.id.uuidString.lowercased(),
                        checked: person.attended)
                }
            }
            Form.submit(t(context, "Lagre utkast", "Save draft"), class: "button secondary")
            Form.field(
                t(context, "Begrunnelse for rettelse", "Reason for a correction"), name: "note", required: false,
                hint: t(
                    context, "Kreves når referatet allerede er publisert: rettelsen blir en ny versjon.",
                    "Needed once published: the correction becomes a new version."))
            el(
                "button", .type("submit"), .class("button"), .name("publish"), .value("1"),
                .init("formaction", SiteRoute.meetingAction(model.id, action: "publish").path)
            ) {
                t(context, "Publiser til de inviterte", "Publish to the invitees")
            }
            if !model.versions.isEmpty && !model.membersPublished {
                el(
                    "button", .type("submit"), .class("button secondary"),
                    .init("formaction", SiteRoute.meetingAction(model.id, action: "members").path)
                ) {
                    t(context, "Åpne referatet for alle medlemmer", "Open the minutes to all members")
                }
            }
        }
    }

    static func decisionList(_ rows: [DecisionRow], context: PageContext) -> Node {
        if rows.isEmpty { return el("p") { t(context, "Ingen vedtak.", "No decisions.") } }
        return Table.scrolling(
            headings: [
                t(context, "Nr.", "No."), t(context, "Vedtak", "Decision"), t(context, "Gjelder", "Concerns"), t(context, "I kraft", "In force"),
            ],
            scope: .column, id: "decisions"
        ) {
            for row in rows {
                el("tr") {
                    el("td") { el("a", .href(SiteRoute.meeting(row.meetingID).path)) { row.number } }
                    el("td") { row.text }
                    el("td") {
                        if let concerns = row.concerns {
                            el("a", .href(concerns)) { context.t(Meetings.subjectWords(row.subject)) }
                        } else {
                            context.t(Meetings.subjectWords(row.subject))
                        }
                    }
                    el("td") { row.effectiveOn?.norwegianFormatted ?? "—" }
                }
            }
        }
    }

    static func decisionForm(_ model: PageModel, context: PageContext) -> Node {
        Form.post(SiteRoute.meetingAction(model.id, action: "decision").path, csrf: context.csrf) {
            el("h3") { t(context, "Nytt vedtak", "New decision") }
            el("div", .class("field")) {
                el("label", .for("f-text")) { t(context, "Vedtak", "Decision") }
                Form.textarea(name: "text", rows: 3)
            }
            Form.select(
                t(context, "Gjelder", "Concerns"), name: "subject",
                options: Meetings.subjects.map { (value: $0, label: context.t(Meetings.subjectWords($0))) })
            Form.field(t(context, "I kraft fra", "In force from"), name: "effective_on", type: "date", required: false)
            Form.field(
                t(context, "Lenke til det vedtaket gjelder", "Link to what it concerns"), name: "concerns", required: false,
                hint: t(context, "En side i TMNorm, f.eks. /guidelines/…", "A TMNorm page, e.g. /guidelines/…"))
            Form.select(
                t(context, "Nummerering", "Numbering"), name: "numbering",
                options: [
                    (
                        value: DecisionNumbering.perMeetingDate.rawValue,
                        label: t(context, "Per møtedato (2007-12-17/1)", "Per meeting date (2007-12-17/1)")
                    ),
                    (value: DecisionNumbering.perYear.rawValue, label: t(context, "Løpende per år (2007/1)", "Running per year (2007/1)")),
                ], selected: model.numbering.rawValue)
            Form.submit(t(context, "Før inn vedtaket", "Record the decision"), class: "button secondary")
        }
    }

    static func actionItemForm(_ model: PageModel, context: PageContext) -> Node {
        Form.post(SiteRoute.meetingAction(model.id, action: "action-item").path, csrf: context.csrf) {
            el("h3") { t(context, "Nytt oppfølgingspunkt", "New action item") }
            Form.field(t(context, "Hva skal gjøres", "What is to be done"), name: "title")
            Form.select(
                t(context, "Ansvarlig organisasjon", "Owner organisation"), name: "owner_organisation",
                options: [(value: "", label: "—")] + model.organisations.map { (value: $0.0.uuidString.lowercased(), label: $0.1) })
            Form.field(t(context, "Ansvarlig person", "Owner (person)"), name: "owner_name", required: false)
            Form.field(t(context, "E-post for påminnelser", "E-mail for reminders"), name: "owner_email", type: "email", required: false)
            Form.field(t(context, "Frist", "Due"), name: "due", type: "date")
            Form.submit(t(context, "Legg til", "Add"), class: "button secondary")
        }
    }

    // MARK: Minutes

    struct MinutesModel: Sendable {
        let id: UUID
        let title: String
        let day: LocalDate?
        let published: PublishedMinutes
        let latest: Int
        /// Titles and the core's safe renderer's HTML.
        let sections: [(String, String)]
        let decisions: [DecisionRow]
    }

    static func minutesPage(_ model: MinutesModel, context: PageContext) -> String {
        Layout.page(title: t(context, "Referat", "Minutes") + ": " + model.title, context: context) {
            el("article", .class("minutes")) {
                el("p") {
                    let day = model.day?.norwegianFormatted ?? ""
                    let version = t(context, "versjon", "version")
                    let published = t(context, "publisert", "published")
                    "\(day) · \(version) \(model.published.version) · \(published) \(NorwegianFormat.dateTime(model.published.publishedAt))"
                }
                if model.published.version < model.latest {
                    el("p", .class("alert")) {
                        t(context, "Dette er en eldre versjon.", "This is an earlier version.") + " "
                        el("a", .href(SiteRoute.meetingMinutes(model.id, version: model.latest).path)) {
                            t(context, "Siste versjon", "Latest version")
                        }
                    }
                }
                if !model.published.note.isEmpty { el("p") { t(context, "Rettelse", "Correction") + ": " + model.published.note } }
                if !model.published.document.attended.isEmpty {
                    el("p") { t(context, "Til stede", "Attended") + ": " + model.published.document.attended.joined(separator: ", ") }
                }
                for (index, section) in model.sections.enumerated() {
                    el("section") {
                        el("h2") { "\(index + 1). " + section.0 }
                        Node.trusted(section.1)
                    }
                }
                if !model.decisions.isEmpty {
                    el("h2") { t(context, "Vedtak", "Decisions") }
                    decisionList(model.decisions, context: context)
                }
                el("p", .class("no-print")) {
                    el("a", .href(SiteRoute.meetingMinutesMarkdown(model.id).path)) { t(context, "Last ned som Markdown", "Download as Markdown") }
                    " · "
                    el("a", .href(SiteRoute.meeting(model.id).path)) { t(context, "Til møtet", "To the meeting") }
                }
            }
        }
    }

    // MARK: Decisions register

    struct DecisionsModel: Sendable {
        let rows: [DecisionRow]
        let years: [Int]
        let query: String
        let year: Int?
        let subject: String
    }

    static func decisions(_ model: DecisionsModel, context: PageContext) -> String {
        Layout.page(title: t(context, "Vedtaksregister", "Decisions register"), context: context) {
            el("form", .method("get"), .action(SiteRoute.meetingDecisions.path), .class("form filters")) {
                Form.field(t(context, "Søk", "Search"), name: "q", type: "search", value: model.query, required: false)
                Form.select(
                    t(context, "År", "Year"), name: "year",
                    options: [(value: "", label: t(context, "Alle", "All"))] + model.years.map { (value: String($0), label: String($0)) },
                    selected: model.year.map(String.init) ?? "")
                Form.select(
                    t(context, "Gjelder", "Concerns"), name: "subject",
                    options: [(value: "", label: t(context, "Alle", "All"))]
                        + Meetings.subjects.map { (value: $0, label: context.t(Meetings.subjectWords($0))) },
                    selected: model.subject)
                void("input", .type("hidden"), .name("lang"), .value(context.language == .en ? "en" : "nb"))
                Form.submit(t(context, "Vis", "Show"), class: "button secondary")
            }
            decisionList(model.rows, context: context)
            el("p") { el("a", .href(SiteRoute.meetingDecisionsCSV.path)) { t(context, "Last ned som CSV", "Download as CSV") } }
        }
    }

    // MARK: Links in e-mails

    struct AnswerModel: Sendable {
        let token: String
        let name: String
        let title: String
        let start: LocalDateTime?
        let place: String?
        let videoLink: String?
        let status: MeetingModel.Status
        let answer: Availability?
        let open: Bool
        let poll: [PollOption]
        let marks: [UUID: Availability]
    }

    static func answer(_ model: AnswerModel, context: PageContext) -> String {
        Layout.page(title: model.title, context: context) {
            el("p") { t(context, "Hei", "Hello") + " " + model.name + "." }
            if model.status == .proposed {
                el("p") { t(context, "Kryss av for hvilke tidspunkter som passer.", "Mark which times suit you.") }
                Form.post(SiteRoute.meetingAnswer(token: model.token).path, csrf: context.csrf) {
                    for option in model.poll {
                        Form.select(
                            when(option.start), name: "option_" + option.id.uuidString.lowercased(),
                            options: Availability.allCases.map { (value: $0.rawValue, label: context.t(Phrase(nb: $0.words.nb, en: $0.words.en))) },
                            selected: model.marks[option.id]?.rawValue ?? "maybe")
                    }
                    Form.submit(t(context, "Send", "Send"))
                }
            } else {
                el("dl", .class("facts")) {
                    el("dt") { t(context, "Tid", "Time") }
                    el("dd") { when(model.start) }
                    if let place = model.place {
                        el("dt") { t(context, "Sted", "Place") }
                        el("dd") { place }
                    }
                    el("dt") { t(context, "Ditt svar", "Your answer") }
                    el("dd", .id("answer")) { context.t(answerWords(model.answer)) }
                }
                if model.open {
                    Form.post(SiteRoute.meetingAnswer(token: model.token).path, csrf: context.csrf, class: "form inline") {
                        el("button", .type("submit"), .class("button"), .name("answer"), .value("yes")) {
                            t(context, "Ja, jeg kommer", "Yes, I will attend")
                        }
                        el("button", .type("submit"), .class("button secondary"), .name("answer"), .value("maybe")) { t(context, "Kanskje", "Maybe") }
                        el("button", .type("submit"), .class("button secondary"), .name("answer"), .value("no")) { t(context, "Nei", "No") }
                    }
                } else {
                    el("p", .class("alert")) {
                        model.status == .cancelled
                            ? t(context, "Møtet er avlyst.", "The meeting is cancelled.")
                            : t(context, "Møtet er over; svaret kan ikke lenger endres.", "The meeting is over; the answer can no longer be changed.")
                    }
                }
            }
        }
    }

    struct ActionItemPageModel: Sendable {
        let token: String
        let item: ActionItemRow
        let meetingTitle: String
    }

    static func actionItemPage(_ model: ActionItemPageModel, context: PageContext) -> String {
        Layout.page(title: t(context, "Oppfølgingspunkt", "Action item"), context: context) {
            el("dl", .class("facts")) {
                el("dt") { t(context, "Punkt", "Item") }
                el("dd") { model.item.title }
                el("dt") { t(context, "Fra møtet", "From the meeting") }
                el("dd") { model.meetingTitle }
                el("dt") { t(context, "Frist", "Due") }
                el("dd") { model.item.due?.norwegianFormatted ?? "—" }
                el("dt") { t(context, "Status", "Status") }
                el("dd", .id("status")) { context.t(Phrase(nb: model.item.status.words.nb, en: model.item.status.words.en)) }
            }
            if model.item.status == .open {
                Form.post(SiteRoute.actionItem(token: model.token).path, csrf: context.csrf) {
                    Form.select(
                        t(context, "Status", "Status"), name: "step",
                        options: [(value: "done", label: t(context, "Utført", "Done")), (value: "drop", label: t(context, "Droppet", "Dropped"))])
                    Form.field(
                        t(context, "Merknad", "Note"), name: "note", required: false,
                        hint: t(context, "Kreves når punktet droppes.", "Needed when the item is dropped."))
                    Form.submit(t(context, "Lukk punktet", "Close the item"))
                }
            }
        }
    }
}
