import Foundation
import TMNormCore

/// The complaint cases as the businesses, the secretariat and the board see them.
enum ComplaintCaseViews {
    struct ListItem: Sendable {
        let id: UUID
        let reference: String
        let business: String
        let received: Date
        let state: ComplaintState
        let deadline: Date?
        let late: Bool
        let clockStopped: Bool
    }

    struct ListModel: Sendable {
        let items: [ListItem]
        let oversight: Bool
        let state: ComplaintState?
        let centre: UUID?
        let overdueOnly: Bool
        let centres: [(UUID, String)]
    }

    static func list(_ model: ListModel, context: PageContext) -> String {
        Layout.page(title: context.t(Phrase(nb: "Klagesaker", en: "Complaint cases")), context: context) {
            el("form", .method("get"), .action(SiteRoute.complaintCases.path), .class("form filters")) {
                Form.select(
                    context.t(Phrase(nb: "Status", en: "State")), name: "state",
                    options: [(value: "", label: context.t(Phrase(nb: "Alle", en: "All")))]
                        + ComplaintState.allCases.filter { $0 != .unverified }.map {
                            (value: $0.rawValue, label: context.t(ComplaintCaseText.state($0)))
                        },
                    selected: model.state?.rawValue ?? "")
                if model.oversight {
                    Form.select(
                        context.t(Phrase(nb: "Callsenter", en: "Call centre")), name: "centre",
                        options: [(value: "", label: context.t(Phrase(nb: "Alle", en: "All")))]
                            + model.centres.map { (value: $0.0.uuidString.lowercased(), label: $0.1) },
                        selected: model.centre?.uuidString.lowercased() ?? "")
                }
                Form.checkbox(context.t(Phrase(nb: "Bare over fristen", en: "Past the deadline only")), name: "overdue", checked: model.overdueOnly)
                void("input", .type("hidden"), .name("lang"), .value(context.language == .en ? "en" : "nb"))
                Form.submit(context.t(Phrase(nb: "Vis", en: "Show")), class: "button secondary")
            }
            if model.items.isEmpty {
                el("p") { context.t(Phrase(nb: "Ingen klagesaker.", en: "No complaint cases.")) }
            } else {
                Table.scrolling(
                    headings: [
                        context.t(Phrase(nb: "Sak", en: "Case")), context.t(Phrase(nb: "Bedrift", en: "Business")),
                        context.t(Phrase(nb: "Mottatt", en: "Received")), context.t(Phrase(nb: "Status", en: "State")),
                        context.t(Phrase(nb: "Frist", en: "Deadline")),
                    ], scope: .column, id: "complaint-cases"
                ) {
                    for item in model.items {
                        el("tr", .data("state", item.state.rawValue)) {
                            el("td") { el("a", .href(SiteRoute.complaintCaseFile(item.id).path)) { item.reference } }
                            el("td") { item.business }
                            el("td") { NorwegianFormat.date(item.received) }
                            el("td") { context.t(ComplaintCaseText.state(item.state)) }
                            el("td", .class(item.late ? "late" : "")) {
                                (item.deadline.map(NorwegianFormat.date) ?? "—")
                                    + (item.late ? " · " + context.t(Phrase(nb: "over fristen", en: "past the deadline")) : "")
                                    + (item.clockStopped ? " · " + context.t(Phrase(nb: "klokken står", en: "clock stopped")) : "")
                            }
                        }
                    }
                }
            }
        }
    }

    struct Contact: Sendable {
        let name: String?
        let email: String?
        let phone: String?
        let erased: Bool
    }

    struct File: Sendable {
        let id: UUID
        let name: String
        let bytes: Int
    }

    struct Answer: Sendable {
        let party: ComplaintPartyRole
        let text: String
        let at: Date
        let files: [File]
    }

    struct CaseModel: Sendable {
        let id: UUID
        let reference: String
        let handling: ComplaintCase
        let business: String
        let number: String?
        let calledAt: Date
        let reasons: [ComplaintReason]
        let text: String
        let facts: ComplaintFacts
        /// Only for the secretariat and the board.
        let contact: Contact?
        let answers: [Answer]
        let viewer: ComplaintCases.Viewer
        let viewerMemberID: String
        let memberNames: [String: String]
        let boardMembers: [AuthorizationBoardMember]
        let uploadTypes: [String]
        let uploadLimit: Int
        /// A failed form's problems by field, and what was typed.
        let problems: [String: String]
        let typed: [String: String]
    }

    static func factValue(_ fact: ComplaintFact) -> Phrase {
        switch fact.value {
        case true?: Phrase(nb: "Ja", en: "Yes")
        case false?: Phrase(nb: "Nei", en: "No")
        case nil: Phrase(nb: "Ukjent (plattformen har ikke grunnlag)", en: "Unknown (the platform has no record)")
        }
    }

    static func factRows(_ facts: ComplaintFacts) -> [(Phrase, ComplaintFact)] {
        [
            (Phrase(nb: "Reservert da det ble ringt", en: "Reserved when called"), facts.reservedAtCall),
            (Phrase(nb: "Innenfor ringetidene", en: "Within the calling hours"), facts.withinCallingHours),
            (Phrase(nb: "Ringesjekk logget", en: "Call check logged"), facts.decisionLogged),
            (Phrase(nb: "I en gyldig vasking", en: "In a valid wash"), facts.inValidWash),
            (Phrase(nb: "På sperrelisten", en: "On the block list"), facts.onBlockList),
            (Phrase(nb: "Skriftlig aksept", en: "Written acceptance"), facts.writtenAcceptance),
            (Phrase(nb: "Tillatt nummervisning", en: "Caller ID allowed"), facts.callerIDAllowed),
        ]
    }

    static func page(_ model: CaseModel, context: PageContext) -> String {
        let handling = model.handling
        func problem(_ field: String) -> String? { model.problems[field] }
        return Layout.page(title: context.t(Phrase(nb: "Klage \(model.reference)", en: "Complaint \(model.reference)")), context: context) {
            if let general = problem("action") { el("p", .class("alert"), .init("role", "alert")) { general } }
            el("p") {
                el("strong", .data("state", handling.state.rawValue)) { context.t(ComplaintCaseText.state(handling.state)) }
                if let due = handling.currentDeadline {
                    " · " + context.t(Phrase(nb: "Frist: ", en: "Deadline: ")) + NorwegianFormat.date(due)
                }
            }
            if let stop = handling.runningStop {
                el("p", .class("notice"), .id("clock-stopped")) {
                    context.t(
                        Phrase(
                            nb: "Klokken står siden \(NorwegianFormat.date(stop.from)): nemnda venter på opplysninger — ",
                            en: "The clock has stood still since \(NorwegianFormat.date(stop.from)): the board is waiting for information — "))
                        + stop.reason
                }
            }
            el("dl") {
                el("dt") { context.t(Phrase(nb: "Bedrift", en: "Business")) }
                el("dd") { model.business }
                el("dt") { context.t(Phrase(nb: "Samtalen", en: "The call")) }
                el("dd") { NorwegianFormat.dateTime(model.calledAt) }
                if let number = model.number {
                    el("dt") { context.t(Phrase(nb: "Nummeret som ble ringt", en: "The number called")) }
                    el("dd") { NorwegianFormat.phone(number) }
                }
                el("dt") { context.t(Phrase(nb: "Hva skjedde", en: "What happened")) }
                el("dd") { el("ul") { for reason in model.reasons { el("li") { context.t(ComplaintViews.reasonLabel(reason)) } } } }
                el("dt") { context.t(Phrase(nb: "Forbrukerens beskrivelse", en: "The consumer's account")) }
                el("dd") { model.text.isEmpty ? "—" : model.text }
            }
            if let contact = model.contact {
                el("h2") {
                    context.t(Phrase(nb: "Kontaktopplysninger (bare nemnda og foreningen)", en: "Contact details (board and association only)"))
                }
                if contact.erased {
                    el("p") { context.t(Phrase(nb: "Slettet etter oppbevaringstiden.", en: "Erased after the retention period.")) }
                } else {
                    el("dl", .id("contact")) {
                        el("dt") { context.t(Phrase(nb: "Navn", en: "Name")) }
                        el("dd") { contact.name ?? "—" }
                        el("dt") { context.t(Phrase(nb: "E-post", en: "E-mail")) }
                        el("dd") { contact.email ?? "—" }
                        el("dt") { context.t(Phrase(nb: "Telefon", en: "Phone")) }
                        el("dd") { contact.phone.map(NorwegianFormat.phone) ?? "—" }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Fakta fra plattformen", en: "Facts from the platform")) }
            Table.scrolling(headings: [context.t(Phrase(nb: "Spørsmål", en: "Question")), context.t(Phrase(nb: "Svar", en: "Answer"))]) {
                for (label, fact) in factRows(model.facts) {
                    el("tr") {
                        el("td") { context.t(label) }
                        el("td") {
                            context.t(factValue(fact))
                                + (fact.since.map { " · " + context.t(Phrase(nb: "siden ", en: "since ")) + NorwegianFormat.date($0) } ?? "")
                        }
                    }
                }
            }
            el("h2") { context.t(Phrase(nb: "Svar fra bedriftene", en: "The businesses' answers")) }
            if model.answers.isEmpty { el("p") { context.t(Phrase(nb: "Ingen svar ennå.", en: "No answer yet.")) } }
            for answer in model.answers {
                el("div", .class("card"), .data("party", answer.party.rawValue)) {
                    el("h3") { context.t(ComplaintCaseText.party(answer.party)) + " · " + NorwegianFormat.date(answer.at) }
                    el("p") { answer.text }
                    for file in answer.files {
                        el("p") {
                            el("a", .href(SiteRoute.complaintAttachment(model.id, file: file.id).path)) {
                                "\(file.name) (\(file.bytes / 1024 + 1) kB)"
                            }
                        }
                    }
                }
            }
            if case .party(let party, _) = model.viewer, !handling.answeredBy.contains(party),
                [.awaitingAnswer, .overdue, .answered, .withBoard].contains(handling.state)
            {
                Form.post(SiteRoute.complaintAnswer(model.id).path, csrf: context.csrf, enctype: "multipart/form-data") {
                    el("div", .class("field")) {
                        el("label", .for("f-text")) { context.t(Phrase(nb: "Deres svar", en: "Your answer")) }
                        el("textarea", .id("f-text"), .name("text"), .init("rows", "6"), .init("maxlength", "10000")) { model.typed["text"] ?? "" }
                        if let error = problem("text") { el("p", .class("field-error"), .id("e-text")) { error } }
                    }
                    Form.field(
                        context.t(Phrase(nb: "Vedlegg (valgfritt)", en: "Attachment (optional)")), name: "file", type: "file", required: false,
                        hint: context.t(
                            Phrase(
                                nb: "\(model.uploadTypes.joined(separator: ", ")), inntil \(model.uploadLimit / 1_048_576) MB",
                                en: "\(model.uploadTypes.joined(separator: ", ")), up to \(model.uploadLimit / 1_048_576) MB")),
                        error: problem("file"))
                    Form.submit(context.t(Phrase(nb: "Send svaret", en: "Send the answer")))
                }
            }
            if case .oversight(let role) = model.viewer {
                boardSection(model, role: role, context: context)
            }
            if let decision = handling.decision {
                el("div", .class("card"), .id("decision")) {
                    el("h2") {
                        context.t(
                            decision.confirmedAt == nil
                                ? Phrase(nb: "Foreslått vedtak (ikke sendt)", en: "Proposed decision (not sent)")
                                : Phrase(nb: "Vedtak", en: "Decision"))
                    }
                    el("p") {
                        context.t(ComplaintCaseText.outcomeTitle(decision.outcome))
                            + (decision.suspendedUntil.map { " · " + context.t(Phrase(nb: "til ", en: "until ")) + $0.norwegianFormatted } ?? "")
                    }
                    el("p") { decision.reasons }
                }
            }
            el("h2") { context.t(Phrase(nb: "Saksgang", en: "Case history")) }
            el("ol") {
                for event in handling.events {
                    el("li") { NorwegianFormat.date(event.at) + " — " + context.t(describe(event.kind, names: model.memberNames)) }
                }
            }
        }
    }

    static func boardSection(_ model: CaseModel, role: Role, context: PageContext) -> Node {
        let handling = model.handling
        let id = model.id
        func action(_ name: String) -> String { SiteRoute.complaintAction(id, action: name).path }
        func problem(_ field: String) -> String? { model.problems[field] }
        return el("section", .id("board")) {
            el("h2") { context.t(Phrase(nb: "Nemndas behandling", en: "The board's handling")) }
            el("p") {
                context.t(Phrase(nb: "Saksordfører: ", en: "Rapporteur: "))
                    + (handling.rapporteurID.flatMap { model.memberNames[$0] } ?? context.t(Phrase(nb: "ikke valgt", en: "not chosen")))
            }
            if ![.decided, .closed].contains(handling.state) && !model.boardMembers.isEmpty {
                Form.post(action("rapporteur"), csrf: context.csrf) {
                    Form.select(
                        context.t(Phrase(nb: "Velg saksordfører", en: "Choose the rapporteur")), name: "member",
                        options: model.boardMembers.map { (value: $0.id, label: $0.name) }, selected: handling.rapporteurID)
                    Form.submit(context.t(Phrase(nb: "Lagre", en: "Save")), class: "button secondary")
                }
            }
            if [.answered, .overdue].contains(handling.state) {
                Form.post(action("board"), csrf: context.csrf) {
                    Form.submit(context.t(Phrase(nb: "Send saken til nemnda", en: "Send the case to the board")))
                }
            }
            if ![.decided, .closed].contains(handling.state) {
                for stop in handling.clockStops where stop.until != nil {
                    el("p", .class("hint")) {
                        context.t(Phrase(nb: "Klokken stod ", en: "The clock stood still "))
                            + "\(NorwegianFormat.date(stop.from))–\(stop.until.map(NorwegianFormat.date) ?? ""): \(stop.reason)"
                    }
                }
                Form.post(action("clock"), csrf: context.csrf) {
                    if handling.runningStop == nil {
                        void("input", .type("hidden"), .name("clock"), .value("stop"))
                        Form.field(
                            context.t(
                                Phrase(
                                    nb: "Stopp klokken: hvilke opplysninger venter nemnda på?",
                                    en: "Stop the clock: what information is the board waiting for?")),
                            name: "reason", value: model.typed["reason"] ?? "", error: problem("reason"))
                        Form.submit(context.t(Phrase(nb: "Stopp klokken", en: "Stop the clock")), class: "button secondary")
                    } else {
                        void("input", .type("hidden"), .name("clock"), .value("resume"))
                        Form.submit(context.t(Phrase(nb: "Start klokken igjen", en: "Restart the clock")), class: "button secondary")
                    }
                }
            }
            if handling.state == .withBoard, let board = handling.board {
                el("p", .id("tally")) {
                    context.t(
                        Phrase(
                            nb: "Stemmer: \(handling.votes.count) av \(board.requiredVotes) nødvendige · inhabile: \(handling.recusals.count)",
                            en: "Votes: \(handling.votes.count) of \(board.requiredVotes) needed · recused: \(handling.recusals.count)"))
                }
                el("ul") {
                    for vote in handling.votes {
                        el("li") {
                            (model.memberNames[vote.memberID] ?? "—") + ": "
                                + (vote.outcome.map { context.t(ComplaintCaseText.outcomeTitle($0)) }
                                    ?? context.t(Phrase(nb: "avstår", en: "abstains")))
                        }
                    }
                    for recusal in handling.recusals {
                        el("li") {
                            (model.memberNames[recusal.memberID] ?? "—") + ": " + context.t(Phrase(nb: "inhabil — ", en: "recused — "))
                                + recusal.reason
                        }
                    }
                }
                let outcomes: [(value: String, label: String)] = ComplaintOutcome.allCases.map {
                    (value: $0.rawValue, label: context.t(ComplaintCaseText.outcomeTitle($0)))
                }
                if role == .boardMember && handling.decision == nil {
                    Form.post(action("vote"), csrf: context.csrf) {
                        Form.select(
                            context.t(Phrase(nb: "Din stemme", en: "Your vote")), name: "choice",
                            options: outcomes + [(value: "abstain", label: context.t(Phrase(nb: "Avstår", en: "Abstain")))])
                        if let error = problem("choice") { el("p", .class("field-error")) { error } }
                        Form.submit(context.t(Phrase(nb: "Stem", en: "Vote")), class: "button secondary")
                    }
                    Form.post(action("recuse"), csrf: context.csrf) {
                        Form.field(
                            context.t(Phrase(nb: "Inhabil: grunn", en: "Recuse: reason")), name: "recusal", value: model.typed["recusal"] ?? "",
                            required: false, error: problem("recusal"))
                        Form.submit(context.t(Phrase(nb: "Erklær meg inhabil", en: "Recuse myself")), class: "button secondary")
                    }
                    Form.post(action("decide"), csrf: context.csrf) {
                        Form.select(context.t(Phrase(nb: "Utfall", en: "Outcome")), name: "outcome", options: outcomes)
                        if let error = problem("outcome") { el("p", .class("field-error"), .id("e-outcome")) { error } }
                        Form.field(
                            context.t(Phrase(nb: "Suspendert til (bare ved suspensjon)", en: "Suspended until (suspension only)")), name: "until",
                            type: "date", required: false, error: problem("until"))
                        el("div", .class("field")) {
                            el("label", .for("f-reasons")) { context.t(Phrase(nb: "Begrunnelse", en: "Reasons")) }
                            el("textarea", .id("f-reasons"), .name("reasons"), .init("rows", "6")) { model.typed["reasons"] ?? "" }
                            if let error = problem("reasons") { el("p", .class("field-error"), .id("e-reasons")) { error } }
                        }
                        Form.submit(context.t(Phrase(nb: "Foreslå vedtak", en: "Propose the decision")))
                    }
                }
                if role == .boardMember, let decision = handling.decision, decision.confirmedAt == nil {
                    Form.post(action("confirm"), csrf: context.csrf) {
                        el("p") {
                            context.t(
                                Phrase(
                                    nb:
                                        "Når vedtaket bekreftes, sendes det til forbrukeren og bedriftene, og en sanksjon føres i godkjenningsregisteret.",
                                    en:
                                        "Once confirmed, the decision is sent to the consumer and the businesses, and a sanction is entered in the authorization register."
                                ))
                        }
                        Form.submit(context.t(Phrase(nb: "Bekreft og send vedtaket", en: "Confirm and send the decision")))
                    }
                }
            }
            if handling.state == .decided {
                Form.post(action("close"), csrf: context.csrf) {
                    Form.submit(context.t(Phrase(nb: "Avslutt saken", en: "Close the case")), class: "button secondary")
                }
            }
        }
    }

    static func describe(_ kind: ComplaintEvent.Kind, names: [String: String]) -> Phrase {
        switch kind {
        case .opened(let due):
            Phrase(
                nb: "Bedriftene bedt om å svare innen \(NorwegianFormat.date(due))",
                en: "The businesses asked to answer by \(NorwegianFormat.date(due))")
        case .answered(let party): Phrase(nb: "\(ComplaintCaseText.party(party).nb) svarte", en: "\(ComplaintCaseText.party(party).en) answered")
        case .overdue: Phrase(nb: "Svarfristen gikk ut uten svar", en: "The answer deadline passed without an answer")
        case .sentToBoard: Phrase(nb: "Sendt til nemnda", en: "Sent to the board")
        case .rapporteur(let id): Phrase(nb: "Saksordfører: \(names[id] ?? "—")", en: "Rapporteur: \(names[id] ?? "—")")
        case .clockStopped(let reason): Phrase(nb: "Klokken stoppet: \(reason)", en: "Clock stopped: \(reason)")
        case .clockResumed: Phrase(nb: "Klokken startet igjen", en: "Clock restarted")
        case .recused(let id): Phrase(nb: "\(names[id] ?? "—") erklærte seg inhabil", en: "\(names[id] ?? "—") recused")
        case .voted(let id): Phrase(nb: "\(names[id] ?? "—") stemte", en: "\(names[id] ?? "—") voted")
        case .proposed(let outcome):
            Phrase(
                nb: "Vedtak foreslått: \(ComplaintCaseText.outcomeTitle(outcome).nb)",
                en: "Decision proposed: \(ComplaintCaseText.outcomeTitle(outcome).en)")
        case .confirmed(let outcome):
            Phrase(
                nb: "Vedtak bekreftet og sendt: \(ComplaintCaseText.outcomeTitle(outcome).nb)",
                en: "Decision confirmed and sent: \(ComplaintCaseText.outcomeTitle(outcome).en)")
        case .closed: Phrase(nb: "Saken avsluttet", en: "Case closed")
        }
    }
}
