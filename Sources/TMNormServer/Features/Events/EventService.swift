import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// What a registration came to.
struct RegistrationOutcome: Sendable {
    let registrationID: UUID
    let status: RegistrationStatus
    /// False when the address was already registered: the existing registration, no second seat.
    let created: Bool
}

/// Registrations, cancellations and the waiting list. Every change of seats runs in one write transaction
/// that first locks the event's row (PostgreSQL: `SELECT … FOR UPDATE`; SQLite: the file's single writer),
/// so two people racing for the last seat are served one after the other and exactly one gets it.
enum EventService {
    // MARK: Links

    /// A registration's secret for a purpose ("status", "cancel", "feedback"): an HMAC of its id under the
    /// server's key. Only its SHA-256 is stored; the link can be made again for the promotion e-mail.
    static func token(_ id: UUID, _ purpose: String, keys: ServerKeys) -> String {
        String(keys.mac(id.uuidString.lowercased(), purpose: "event-registration-" + purpose).prefix(40))
    }

    static func statusURL(_ app: Application, slug: String, id: UUID) -> String {
        app.config.publicBaseURL + "/api/v1/events/\(slug)/registrations/\(id.uuidString.lowercased())?token="
            + token(id, "status", keys: app.serverKeys)
    }

    static func cancelURL(_ app: Application, slug: String, id: UUID) -> String {
        app.config.publicBaseURL + "/api/v1/events/\(slug)/registrations/\(id.uuidString.lowercased())/cancel?token="
            + token(id, "cancel", keys: app.serverKeys)
    }

    /// The page a person opens from the e-mail: status and a button to cancel.
    static func cancelPage(_ app: Application, slug: String, id: UUID) -> String {
        app.config.publicBaseURL + SiteRoute.eventRegistration(slug: slug, id: id).path(query: ["token": token(id, "cancel", keys: app.serverKeys)])
    }

    static func feedbackPage(_ app: Application, slug: String, id: UUID) -> String {
        app.config.publicBaseURL + SiteRoute.eventFeedback(slug: slug, id: id).path(query: ["token": token(id, "feedback", keys: app.serverKeys)])
    }

    /// Whether `token` is the registration's secret for `purpose` (compared by hash, in constant time).
    static func verify(_ registration: EventRegistrationModel, token: String?, purpose: String, keys: ServerKeys) -> Bool {
        guard let token, token.utf8.count <= 64, let id = registration.id else { return false }
        let expected = Array(TokenGenerator.hash(Self.token(id, purpose, keys: keys)).utf8)
        let given = Array(TokenGenerator.hash(token).utf8)
        return expected.count == given.count && zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Lookups

    static func event(slug: String, on db: any Database) async throws -> EventModel {
        guard EventRules.isSlug(slug), let event = try await EventModel.query(on: db).filter(\.$slug == slug).first() else {
            throw AppError(.notFound, code: "not-found", Phrase(nb: "Arrangementet finnes ikke.", en: "The event does not exist."))
        }
        return event
    }

    static func slots(of eventID: UUID, on db: any Database) async throws -> [ProgrammeSlotModel] {
        try await ProgrammeSlotModel.query(on: db).filter(\.$event.$id == eventID).sort(\.$startTime).sort(\.$endTime).all()
    }

    /// Locks the event's row for the rest of the transaction and reads it fresh.
    static func lockEvent(_ id: UUID, on db: any Database) async throws -> EventModel {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT id FROM events WHERE id = \(bind: id) FOR UPDATE").run()
        }
        guard let event = try await EventModel.find(id, on: db) else { throw AppError.notFound() }
        return event
    }

    // MARK: Registering

    static func closedError(_ window: RegistrationWindow) -> AppError {
        switch window {
        case .eventPast:
            AppError(
                .conflict, code: "event-past",
                Phrase(nb: "Arrangementet er over; påmeldingen er stengt.", en: "The event is over; registration is closed."))
        default:
            AppError(
                .conflict, code: "registration-closed",
                Phrase(nb: "Påmeldingsfristen er ute.", en: "The registration deadline has passed."))
        }
    }

    static func invalid(_ list: EventProblemList) -> AppError {
        AppError.invalid(list.problems.map { FieldProblem(field: $0.field, Phrase(nb: $0.norwegian, en: $0.english)) })
    }

    /// Registers a person for an event: confirmed while seats are free, else on the waiting list; a second
    /// registration with the same address returns the first. The confirmation e-mail is queued in the
    /// same transaction (with the calendar file when confirmed).
    static func register(_ draft: RegistrationDraft, slug: String, app: Application, on db: any Database, now: Date) async throws
        -> RegistrationOutcome
    {
        let input: RegistrationInput
        switch RegistrationRules.check(draft) {
        case .success(let checked): input = checked
        case .failure(let list): throw invalid(list)
        }
        let found = try await event(slug: slug, on: db)
        let eventID = try found.requireID()
        let keys = app.serverKeys
        let baseURL = app.config.publicBaseURL
        let emailKey = input.email.address.lowercased()
        let organisationID = try await matchOrganisation(input.organisation, on: db)
        let outcome: (RegistrationOutcome, EventModel) = try await db.writeTransaction { db in
            let event = try await lockEvent(eventID, on: db)
            if let existing = try await EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).filter(\.$emailKey == emailKey).first() {
                return (RegistrationOutcome(registrationID: try existing.requireID(), status: existing.status, created: false), event)
            }
            let window = event.window(now: now)
            guard window == .open, event.published else { throw closedError(window == .open ? .deadlinePassed : window) }
            let holders = try await EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).all().map(\.holder)
            let status = event.seating.admit(dinner: input.dinner, holders: holders)
            var viaOrganisation: UUID?
            if let code = input.via {
                viaOrganisation = try await EventInvitationModel.query(on: db).filter(\.$eventID == eventID).filter(\.$code == code).first()?
                    .organisationID
            }
            let registration = EventRegistrationModel()
            let id = UUID()
            registration.id = id
            registration.eventID = eventID
            registration.sequence = event.nextSequence
            registration.name = input.name
            registration.email = input.email.address
            registration.emailKey = emailKey
            registration.organisation = input.organisation
            registration.organisationID = organisationID
            registration.dinner = input.dinner
            registration.diet = input.diet
            registration.comment = input.comment
            registration.viaOrganisationID = viaOrganisation
            registration.statusRaw = status.rawValue
            registration.statusTokenHash = TokenGenerator.hash(token(id, "status", keys: keys))
            registration.cancelTokenHash = TokenGenerator.hash(token(id, "cancel", keys: keys))
            registration.createdAt = now
            registration.confirmedAt = status == .confirmed ? now : nil
            try await registration.create(on: db)
            event.nextSequence += 1
            try await event.save(on: db)
            let slots = try await Self.slots(of: eventID, on: db)
            try await queueMail(
                status == .confirmed ? .confirmed : .waitlisted, registration: registration, event: event, slots: slots, app: app,
                baseURL: baseURL, on: db, now: now)
            return (RegistrationOutcome(registrationID: id, status: status, created: true), event)
        }
        return outcome.0
    }

    /// A registered organisation with this name (case ignored), for the participant list and recruitment.
    static func matchOrganisation(_ name: String, on db: any Database) async throws -> UUID? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let candidates = try await OrganisationModel.query(on: db).all()
        return candidates.first { $0.name.lowercased() == trimmed.lowercased() }?.id
    }

    // MARK: Cancelling

    /// Cancels with the secret of the cancel link; frees the seat and confirms the first on the waiting list
    /// that fits, each told at once by e-mail. A link used twice is refused with 409.
    static func cancel(slug: String, id: UUID, token: String?, app: Application, on db: any Database, now: Date) async throws
        -> EventRegistrationModel
    {
        let found = try await event(slug: slug, on: db)
        let eventID = try found.requireID()
        guard let candidate = try await EventRegistrationModel.find(id, on: db), candidate.eventID == eventID,
            verify(candidate, token: token, purpose: "cancel", keys: app.serverKeys)
        else { throw AppError.notFound() }
        let baseURL = app.config.publicBaseURL
        return try await db.writeTransaction { db in
            let event = try await lockEvent(eventID, on: db)
            guard let registration = try await EventRegistrationModel.find(id, on: db) else { throw AppError.notFound() }
            guard Seating.mayChange(from: registration.status, to: .cancelled) else {
                throw AppError(
                    .conflict, code: "already-cancelled",
                    Phrase(nb: "Påmeldingen er allerede avmeldt.", en: "The registration has already been cancelled."))
            }
            let wasConfirmed = registration.status == .confirmed
            registration.statusRaw = RegistrationStatus.cancelled.rawValue
            registration.cancelledAt = now
            try await registration.save(on: db)
            if wasConfirmed && event.window(now: now) != .eventPast {
                try await promote(event, app: app, baseURL: baseURL, on: db, now: now)
            }
            return registration
        }
    }

    /// Confirms those on the waiting list who now fit, in order, and tells each by e-mail. Call inside a
    /// write transaction holding the event's lock.
    @discardableResult
    static func promote(_ event: EventModel, app: Application, baseURL: String, on db: any Database, now: Date) async throws -> Int {
        let eventID = try event.requireID()
        let all = try await EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).all()
        let promoted = Set(event.seating.promotions(all.map(\.holder)))
        guard !promoted.isEmpty else { return 0 }
        let slots = try await Self.slots(of: eventID, on: db)
        for registration in all where promoted.contains(registration.sequence) {
            registration.statusRaw = RegistrationStatus.confirmed.rawValue
            registration.confirmedAt = now
            try await registration.save(on: db)
            try await queueMail(.promoted, registration: registration, event: event, slots: slots, app: app, baseURL: baseURL, on: db, now: now)
        }
        return promoted.count
    }

    // MARK: Check-in

    /// Marks a confirmed participant as arrived, or undoes it.
    static func setArrived(_ arrived: Bool, registrationID: UUID, eventID: UUID, on db: any Database, now: Date) async throws {
        try await db.writeTransaction { db in
            guard let registration = try await EventRegistrationModel.find(registrationID, on: db), registration.eventID == eventID,
                registration.status == .confirmed
            else { throw AppError.notFound() }
            registration.arrivedAt = arrived ? (registration.arrivedAt ?? now) : nil
            try await registration.save(on: db)
        }
    }

    // MARK: E-mail

    enum MailKind: String { case confirmed, waitlisted, promoted, feedback }

    static func queueMail(
        _ kind: MailKind, registration: EventRegistrationModel, event: EventModel, slots: [ProgrammeSlotModel], app: Application,
        baseURL: String, on db: any Database, now: Date
    ) async throws {
        let id = try registration.requireID()
        let cancel = cancelPage(app, slug: event.slug, id: id)
        let when = "\(NorwegianFormat.isoDay(event.day)) \(event.startTime)–\(event.endTime), \(event.venue)"
        let dinner = registration.dinner ? "Middag: ja / Dinner: yes" : "Middag: nei / Dinner: no"
        let subject: String
        let text: String
        var attachment: MessageAttachment?
        switch kind {
        case .confirmed, .promoted:
            subject =
                kind == .promoted
                ? "Du har fått plass: \(event.title) / You have a seat"
                : "Påmeldingen er bekreftet: \(event.title) / Registration confirmed"
            text = """
                Hei \(registration.name),

                \(kind == .promoted ? "En plass ble ledig, og du har fått den." : "Du er påmeldt.") \(event.title), \(when).
                \(dinner)
                Programmet ligger ved som kalenderfil. Kan du ikke komme, meld deg av her så andre får plassen:
                \(cancel)

                \(kind == .promoted ? "A seat became free and it is yours." : "You are registered.") \(event.title), \(when).
                The programme is attached as a calendar file. If you cannot come, cancel here so someone else gets the seat:
                \(cancel)
                """
            attachment = MessageAttachment(
                name: "\(event.slug).ics", type: "text/calendar; charset=UTF-8; method=PUBLISH",
                body: EventCalendar.file(event, slots: slots, baseURL: baseURL, stamp: now, perSlot: false))
        case .waitlisted:
            subject = "Venteliste: \(event.title) / Waiting list"
            text = """
                Hei \(registration.name),

                \(event.title) er fullt, og du står på ventelisten. Blir en plass ledig, får du den i tur og orden og beskjed på e-post med en gang.
                Vil du ikke lenger stå på listen: \(cancel)

                \(event.title) is full and you are on the waiting list. If a seat becomes free you get it in turn and are told by e-mail at once.
                To leave the list: \(cancel)
                """
        case .feedback:
            let link = feedbackPage(app, slug: event.slug, id: id)
            subject = "Takk for at du kom: \(event.title) / Thank you for coming"
            text = """
                Hei \(registration.name),

                Takk for at du kom på \(event.title). Gi oss gjerne en karakter (1–5) på hvert punkt i programmet:
                \(link)

                Thank you for coming to \(event.title). Please rate each item of the programme (1–5):
                \(link)
                """
        }
        try await Messaging.queue(
            on: db,
            [
                Messaging.Outgoing(
                    kind: .email, to: registration.email, subject: subject, text: text,
                    idempotencyKey: "event-\(kind.rawValue):\(id.uuidString.lowercased())", organisationID: nil, saleID: nil, queuedAt: now,
                    attachment: attachment)
            ])
    }
}

/// The calendar files of an event.
enum EventCalendar {
    /// The programme as RFC 5545: one entry per slot, or (`perSlot` false, for the e-mail) one for the day
    /// with the programme in its description.
    static func file(_ event: EventModel, slots: [ProgrammeSlotModel], baseURL: String, stamp: Date, perSlot: Bool) -> String {
        let url = baseURL + SiteRoute.event(slug: event.slug).path
        let host = URL(string: baseURL)?.host ?? "tmnorm"
        var entries: [CalendarEntry] = []
        let programme = slots.compactMap { model -> String? in
            guard let slot = model.slot else { return nil }
            return "\(slot.start.formatted)–\(slot.end.formatted) \(slot.title)" + (slot.speaker.isEmpty ? "" : " (\(slot.speaker))")
        }.joined(separator: "\n")
        if perSlot {
            for model in slots {
                guard let start = event.localDateTime(model.startTime), let end = event.localDateTime(model.endTime) else { continue }
                entries.append(
                    CalendarEntry(
                        uid: "\((model.id ?? UUID()).uuidString.lowercased())@\(host)", start: start, end: end,
                        summary: "\(event.title): \(model.title)",
                        location: event.venue, description: model.speaker, url: url))
            }
        } else if let start = event.localDateTime(event.startTime), let end = event.localDateTime(event.endTime) {
            entries.append(
                CalendarEntry(
                    uid: "\((event.id ?? UUID()).uuidString.lowercased())@\(host)", start: start, end: end, summary: event.title,
                    location: event.venue, description: programme, url: url))
        }
        return ICalendarWriter.calendar(name: event.title, entries: entries, stamp: stamp)
    }
}
