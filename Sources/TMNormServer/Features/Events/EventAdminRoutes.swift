import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// Who may run an event: the association's administrators (every event), and the people given the
/// organiser's role for one event (the working group). Everyone else gets 404, as for an unknown event.
enum EventAccess {
    static func isAdministrator(_ user: CurrentUser) -> Bool { user.role == .associationAdmin }

    static func mayManage(_ eventID: UUID, _ user: CurrentUser, on db: any Database) async throws -> Bool {
        if isAdministrator(user) { return true }
        return try await EventOrganiserModel.query(on: db).filter(\.$eventID == eventID).filter(\.$userID == user.id).count() > 0
    }

    /// The event of the request's `:id`, when the user may manage it.
    static func event(_ req: Request) async throws -> (EventModel, CurrentUser) {
        let user = try req.requireUser()
        guard let event = try await EventModel.find(try req.uuidParameter(), on: req.db),
            try await mayManage(try event.requireID(), user, on: req.db)
        else { throw AppError.notFound() }
        return (event, user)
    }
}

/// `/events`: the association's event administration, the participant list and the door.
struct EventAdminRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.eventsAdmin, use: list)
        routes.post(.eventsAdmin, use: create)
        routes.get(.eventAdmin, use: detail)
        routes.post(.eventAdmin, use: update)
        routes.post(.eventSlots, use: addSlot)
        routes.post(.eventSlotDelete, use: deleteSlot)
        routes.post(.eventOrganisers, use: addOrganiser)
        routes.get(.eventParticipants, use: participants)
        routes.get(.eventParticipantsCSV, use: participantsCSV)
        routes.get(.eventDiets, use: diets)
        routes.get(.eventBadges, use: badges)
        routes.get(.eventCheckIn, use: checkIn)
        routes.post(.eventCheckIn, use: markArrival)
        routes.get(.eventCheckInCount, use: arrivalCount)
        routes.get(.eventRecruitment, use: recruitment)
        routes.get(.eventFeedbackResults, use: feedbackResults)
        routes.post(.eventFeedbackResults, use: sendFeedback)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var query = EventModel.query(on: req.db).sort(\.$startsAt, .descending)
        if !EventAccess.isAdministrator(user) {
            let own = try await EventOrganiserModel.query(on: req.db).filter(\.$userID == user.id).all().map(\.eventID)
            query = query.filter(\.$id ~~ own)
        }
        let events = try await query.all()
        return .html(EventAdminViews.list(events: events, mayCreate: EventAccess.isAdministrator(user), context: req.pageContext))
    }

    struct EventInput: Content {
        var title: String?
        var day: String?
        var start_time: String?
        var end_time: String?
        var venue: String?
        var description: String?
        var capacity: String?
        var dinner_capacity: String?
        var deadline: String?
        var member_price: String?
        var non_member_price: String?
        var published: String?
    }

    /// The form's fields checked into an event's values, or 422 naming each field.
    static func parse(_ input: EventInput) throws -> (EventDraft, LocalTime, LocalTime) {
        var problems: [FieldProblem] = []
        func date(_ raw: String?, _ field: String) -> LocalDate? {
            guard let value = try? LocalDate(parsing: (raw ?? "").trimmingCharacters(in: .whitespaces)) else {
                problems.append(FieldProblem(field: field, Phrase(nb: "skriv datoen som 2008-04-10", en: "write the date as 2008-04-10")))
                return nil
            }
            return value
        }
        func time(_ raw: String?, _ field: String) -> LocalTime? {
            guard let value = try? LocalTime(parsing: (raw ?? "").trimmingCharacters(in: .whitespaces)) else {
                problems.append(FieldProblem(field: field, Phrase(nb: "skriv klokkeslettet som 11:00", en: "write the time as 11:00")))
                return nil
            }
            return value
        }
        func number(_ raw: String?, _ field: String) -> Int? {
            guard let value = ASCII.integer((raw ?? "").trimmingCharacters(in: .whitespaces), maxDigits: 6) else {
                problems.append(FieldProblem(field: field, Phrase(nb: "skriv et helt tall", en: "write a whole number")))
                return nil
            }
            return value
        }
        func kroner(_ raw: String?, _ field: String) -> Int? {
            let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = text.isEmpty ? 0 : KronerInput.ore(text) else {
                problems.append(
                    FieldProblem(
                        field: field,
                        Phrase(nb: "skriv beløpet i kroner, f.eks. 950 eller 950,50", en: "write the amount in kroner, e.g. 950 or 950.50")))
                return nil
            }
            return value
        }
        let day = date(input.day, "day")
        let deadline = date(input.deadline, "deadline")
        let start = time(input.start_time, "start_time")
        let end = time(input.end_time, "end_time")
        let capacity = number(input.capacity, "capacity")
        let dinner = number(input.dinner_capacity, "dinner_capacity")
        let member = kroner(input.member_price, "member_price")
        let other = kroner(input.non_member_price, "non_member_price")
        if let start, let end, end <= start {
            problems.append(FieldProblem(field: "end_time", Phrase(nb: "må være etter start", en: "must be after the start")))
        }
        guard problems.isEmpty, let day, let deadline, let start, let end, let capacity, let dinner, let member, let other else {
            throw AppError.invalid(problems)
        }
        let draft = EventDraft(
            title: (input.title ?? "").trimmingCharacters(in: .whitespaces), day: day,
            venue: (input.venue ?? "").trimmingCharacters(in: .whitespaces),
            description: (input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines), capacity: capacity, dinnerCapacity: dinner,
            deadline: deadline, memberPrice: member, nonMemberPrice: other)
        let found = EventRules.check(draft)
        guard found.isEmpty else { throw AppError.invalid(found.map { FieldProblem(field: $0.field, Phrase(nb: $0.norwegian, en: $0.english)) }) }
        return (draft, start, end)
    }

    static func apply(_ draft: EventDraft, start: LocalTime, end: LocalTime, published: Bool, to event: EventModel) {
        event.title = draft.title
        event.day = draft.day.iso8601
        event.startTime = start.formatted
        event.endTime = end.formatted
        event.startsAt = OsloTime.instant(for: LocalDateTime(date: draft.day, time: start))
        event.venue = draft.venue
        event.details = draft.description
        event.capacity = draft.capacity
        event.dinnerCapacity = draft.dinnerCapacity
        event.deadline = draft.deadline.iso8601
        event.memberPrice = draft.memberPrice
        event.nonMemberPrice = draft.nonMemberPrice
        event.published = published
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard EventAccess.isAdministrator(user) else { throw AppError.forbidden() }
        let input = try req.content.decode(EventInput.self)
        let (draft, start, end) = try Self.parse(input)
        let event = EventModel()
        Self.apply(draft, start: start, end: end, published: input.published != nil, to: event)
        event.nextSequence = 1
        event.createdAt = req.now
        let base = EventRules.slug(title: draft.title, year: draft.day.year)
        var slug = base
        var suffix = 2
        while try await EventModel.query(on: req.db).filter(\.$slug == slug).count() > 0 {
            slug = "\(base)-\(suffix)"
            suffix += 1
        }
        event.slug = slug
        try await event.create(on: req.db)
        try await EventInvitations.ensure(for: try event.requireID(), app: req.application, on: req.db)
        return req.redirect(to: .eventAdmin(try event.requireID()))
    }

    func detail(req: Request) async throws -> Response {
        let (event, user) = try await EventAccess.event(req)
        let id = try event.requireID()
        let slots = try await EventService.slots(of: id, on: req.db)
        let registrations = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == id).all()
        let organiserIDs = try await EventOrganiserModel.query(on: req.db).filter(\.$eventID == id).all().map(\.userID)
        var organisers: [String] = []
        if !organiserIDs.isEmpty {
            organisers = try await UserModel.query(on: req.db).filter(\.$id ~~ organiserIDs).sort(\.$name).all().map(\.name)
        }
        return .html(
            EventAdminViews.detail(
                event: event, slots: slots, registrations: registrations, organisers: organisers,
                isAdministrator: EventAccess.isAdministrator(user), context: req.pageContext))
    }

    func update(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let input = try req.content.decode(EventInput.self)
        let (draft, start, end) = try Self.parse(input)
        let eventID = try event.requireID()
        let baseURL = req.application.config.publicBaseURL
        let app = req.application
        let now = req.now
        try await req.db.writeTransaction { db in
            let locked = try await EventService.lockEvent(eventID, on: db)
            Self.apply(draft, start: start, end: end, published: input.published != nil, to: locked)
            try await locked.save(on: db)
            // A larger capacity seats those waiting, in order.
            if locked.window(now: now) != .eventPast { try await EventService.promote(locked, app: app, baseURL: baseURL, on: db, now: now) }
        }
        return req.redirect(to: .eventAdmin(eventID), query: ["saved": "1"])
    }

    struct SlotInput: Content {
        var start: String?
        var end: String?
        var title: String?
        var speaker: String?
        var kind: String?
    }

    func addSlot(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let id = try event.requireID()
        let input = try req.content.decode(SlotInput.self)
        guard let start = try? LocalTime(parsing: (input.start ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid([FieldProblem(field: "start", Phrase(nb: "skriv klokkeslettet som 11:00", en: "write the time as 11:00"))])
        }
        guard let end = try? LocalTime(parsing: (input.end ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid([FieldProblem(field: "end", Phrase(nb: "skriv klokkeslettet som 12:00", en: "write the time as 12:00"))])
        }
        guard let kind = ProgrammeSlotKind(rawValue: input.kind ?? "") else {
            throw AppError.invalid([FieldProblem(field: "kind", Phrase(nb: "velg en type", en: "choose a kind"))])
        }
        let slot = ProgrammeSlot(
            start: start, end: end, title: (input.title ?? "").trimmingCharacters(in: .whitespaces),
            speaker: (input.speaker ?? "").trimmingCharacters(in: .whitespaces), kind: kind)
        let others = try await EventService.slots(of: id, on: req.db).compactMap(\.slot)
        let problems = EventRules.check(slot, among: others)
        guard problems.isEmpty else {
            throw AppError.invalid(problems.map { FieldProblem(field: $0.field, Phrase(nb: $0.norwegian, en: $0.english)) })
        }
        let model = ProgrammeSlotModel()
        model.$event.id = id
        model.startTime = slot.start.formatted
        model.endTime = slot.end.formatted
        model.title = slot.title
        model.speaker = slot.speaker
        model.kind = slot.kind.rawValue
        try await model.create(on: req.db)
        return req.redirect(to: .eventAdmin(id))
    }

    func deleteSlot(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let id = try event.requireID()
        guard let slot = try await ProgrammeSlotModel.find(try req.uuidParameter("slot"), on: req.db), slot.$event.id == id else {
            throw AppError.notFound()
        }
        try await slot.delete(on: req.db)
        return req.redirect(to: .eventAdmin(id))
    }

    struct OrganiserInput: Content { var email: String? }

    /// Gives a person (by the e-mail they log in with) the organiser's role for this event: administrators only.
    func addOrganiser(req: Request) async throws -> Response {
        let (event, user) = try await EventAccess.event(req)
        guard EventAccess.isAdministrator(user) else { throw AppError.forbidden() }
        let email = (try req.content.decode(OrganiserInput.self).email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty, email.utf8.count <= 254, let person = try await UserModel.query(on: req.db).filter(\.$email == email).first() else {
            throw AppError.invalid([
                FieldProblem(field: "email", Phrase(nb: "ingen bruker har denne e-postadressen", en: "no user has this e-mail address"))
            ])
        }
        let id = try event.requireID()
        let personID = try person.requireID()
        if try await EventOrganiserModel.query(on: req.db).filter(\.$eventID == id).filter(\.$userID == personID).count() == 0 {
            let organiser = EventOrganiserModel()
            organiser.eventID = id
            organiser.userID = personID
            organiser.createdAt = req.now
            try await organiser.create(on: req.db)
        }
        return req.redirect(to: .eventAdmin(id))
    }

    // MARK: Participants

    struct ParticipantFilter: Sendable {
        var q = ""
        var status = ""
        var dinner = ""
        var via = ""
    }

    static func filter(_ req: Request) -> ParticipantFilter {
        ParticipantFilter(
            q: String((req.query[String.self, at: "q"] ?? "").prefix(100)), status: req.query[String.self, at: "status"] ?? "",
            dinner: req.query[String.self, at: "dinner"] ?? "", via: req.query[String.self, at: "via"] ?? "")
    }

    static func registrations(_ eventID: UUID, _ filter: ParticipantFilter, on db: any Database) async throws -> [EventRegistrationModel] {
        var query = EventRegistrationModel.query(on: db).filter(\.$eventID == eventID).sort(\.$sequence)
        if let status = RegistrationStatus(rawValue: filter.status) { query = query.filter(\.$statusRaw == status.rawValue) }
        if filter.dinner == "yes" { query = query.filter(\.$dinner == true) }
        if filter.dinner == "no" { query = query.filter(\.$dinner == false) }
        if let via = UUID(uuidString: filter.via) { query = query.filter(\.$viaOrganisationID == via) }
        let all = try await query.all()
        let needle = filter.q.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return all }
        return all.filter { "\($0.name) \($0.email) \($0.organisation)".lowercased().contains(needle) }
    }

    func participants(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let filter = Self.filter(req)
        let rows = try await Self.registrations(try event.requireID(), filter, on: req.db)
        let members = try await EventDirectory.members(on: req.db)
        return .html(EventAdminViews.participants(event: event, rows: rows, filter: filter, members: members, context: req.pageContext))
    }

    func participantsCSV(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let rows = try await Self.registrations(try event.requireID(), Self.filter(req), on: req.db)
        let members = Dictionary(uniqueKeysWithValues: try await EventDirectory.members(on: req.db).compactMap { m in m.id.map { ($0, m.name) } })
        let status: [RegistrationStatus: String] = [.confirmed: "bekreftet", .waitlisted: "venteliste", .cancelled: "avmeldt"]
        return CSVExport.response(
            name: event.slug + "-deltakere",
            headings: ["Nr", "Navn", "E-post", "Organisasjon", "Status", "Middag", "Matbehov", "Kommentar", "Invitert av", "Påmeldt", "Ankommet"],
            rows: rows.map { r in
                [
                    String(r.sequence), r.name, r.email, r.organisation, status[r.status] ?? r.statusRaw, r.dinner ? "ja" : "nei", r.diet, r.comment,
                    r.viaOrganisationID.flatMap { members[$0] } ?? "", NorwegianFormat.dateTime(r.createdAt),
                    r.arrivedAt.map(NorwegianFormat.dateTime) ?? "",
                ]
            })
    }

    func diets(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let diners = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.requireID())
            .filter(\.$statusRaw == RegistrationStatus.confirmed.rawValue).filter(\.$dinner == true).all()
        let report = RegistrationRules.dietaryReport(diners.map(\.diet))
        return .html(EventAdminViews.diets(event: event, diners: diners.count, report: report, context: req.pageContext))
    }

    func badges(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let rows = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.requireID())
            .filter(\.$statusRaw == RegistrationStatus.confirmed.rawValue).all().sorted { $0.name.lowercased() < $1.name.lowercased() }
        return .html(EventAdminViews.badges(event: event, rows: rows, context: req.pageContext))
    }

    // MARK: The door

    func checkIn(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let q = String((req.query[String.self, at: "q"] ?? "").prefix(100))
        let confirmed = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.requireID())
            .filter(\.$statusRaw == RegistrationStatus.confirmed.rawValue).all().sorted { $0.name.lowercased() < $1.name.lowercased() }
        let needle = q.trimmingCharacters(in: .whitespaces).lowercased()
        let shown = needle.isEmpty ? confirmed : confirmed.filter { "\($0.name) \($0.organisation)".lowercased().contains(needle) }
        return .html(
            EventAdminViews.checkIn(
                event: event, rows: shown, q: q, arrived: confirmed.filter { $0.arrivedAt != nil }.count, total: confirmed.count,
                context: req.pageContext))
    }

    struct ArrivalInput: Content {
        var registration: String?
        var action: String?
        var q: String?
    }

    func markArrival(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let input = try req.content.decode(ArrivalInput.self)
        guard let registrationID = input.registration.flatMap(UUID.init(uuidString:)), ["arrive", "undo"].contains(input.action ?? "") else {
            throw AppError.badRequest(Phrase(nb: "Ukjent deltaker eller handling.", en: "Unknown participant or action."))
        }
        let id = try event.requireID()
        try await EventService.setArrived(input.action == "arrive", registrationID: registrationID, eventID: id, on: req.db, now: req.now)
        let q = String((input.q ?? "").prefix(100))
        return req.redirect(to: .eventCheckIn(id), query: q.isEmpty ? ["done": "1"] : ["q": q])
    }

    struct CountDTO: Content {
        let arrived: Int
        let confirmed: Int
    }

    func arrivalCount(req: Request) async throws -> CountDTO {
        let (event, _) = try await EventAccess.event(req)
        let confirmed = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.requireID())
            .filter(\.$statusRaw == RegistrationStatus.confirmed.rawValue).all()
        return CountDTO(arrived: confirmed.filter { $0.arrivedAt != nil }.count, confirmed: confirmed.count)
    }

    // MARK: Recruitment and feedback

    func recruitment(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let id = try event.requireID()
        try await EventInvitations.ensure(for: id, app: req.application, on: req.db)
        let members = try await EventDirectory.members(on: req.db)
        let invitations = try await EventInvitationModel.query(on: req.db).filter(\.$eventID == id).all()
        let registrations = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == id).all()
        let names = Dictionary(uniqueKeysWithValues: members.compactMap { m in m.id.map { ($0, m.name) } })
        let table = Recruitment.table(
            members: members.map(\.name),
            registrations: registrations.compactMap { r in r.viaOrganisationID.flatMap { names[$0] }.map { (member: $0, status: r.status) } })
        var links: [String: String] = [:]
        var reminded: [String: Date] = [:]
        for invitation in invitations {
            guard let name = names[invitation.organisationID] else { continue }
            links[name] = req.application.config.publicBaseURL + SiteRoute.event(slug: event.slug).path(query: ["via": invitation.code])
            if let at = invitation.remindedAt { reminded[name] = at }
        }
        return .html(EventAdminViews.recruitment(event: event, table: table, links: links, reminded: reminded, context: req.pageContext))
    }

    func feedbackResults(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let id = try event.requireID()
        let slots = try await EventService.slots(of: id, on: req.db)
        let answers = try await EventFeedbackModel.query(on: req.db).filter(\.$eventID == id).all()
        let respondents = Set(answers.map(\.registrationID)).count
        return .html(EventAdminViews.feedback(event: event, slots: slots, answers: answers, respondents: respondents, context: req.pageContext))
    }

    /// Sends the feedback form to those who came (arrived; everyone confirmed when nobody was checked in).
    func sendFeedback(req: Request) async throws -> Response {
        let (event, _) = try await EventAccess.event(req)
        let id = try event.requireID()
        guard event.window(now: req.now) == .eventPast else {
            throw AppError.conflict(Phrase(nb: "Tilbakemeldingen sendes etter dagen.", en: "Feedback is asked for after the day."))
        }
        let confirmed = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == id)
            .filter(\.$statusRaw == RegistrationStatus.confirmed.rawValue).all()
        let arrived = confirmed.filter { $0.arrivedAt != nil }
        let recipients = arrived.isEmpty ? confirmed : arrived
        let slots = try await EventService.slots(of: id, on: req.db)
        let app = req.application
        let now = req.now
        try await req.db.writeTransaction { db in
            for registration in recipients {
                try await EventService.queueMail(
                    .feedback, registration: registration, event: event, slots: slots, app: app, baseURL: app.config.publicBaseURL, on: db, now: now)
            }
            event.feedbackSentAt = now
            try await event.save(on: db)
        }
        return req.redirect(to: .eventFeedbackResults(id), query: ["sent": String(recipients.count)])
    }
}

/// The members' invitation codes and the recruitment reminder.
enum EventInvitations {
    /// Gives every member organisation a code for the event (idempotent).
    static func ensure(for eventID: UUID, app: Application, on db: any Database) async throws {
        let members = try await EventDirectory.members(on: db)
        let existing = Set(try await EventInvitationModel.query(on: db).filter(\.$eventID == eventID).all().map(\.organisationID))
        for member in members {
            guard let memberID = member.id, !existing.contains(memberID) else { continue }
            let invitation = EventInvitationModel()
            invitation.eventID = eventID
            invitation.organisationID = memberID
            // Stable per event and member: letters and digits of an HMAC, upper-cased.
            invitation.code = String(
                app.serverKeys.mac("\(eventID.uuidString.lowercased()):\(memberID.uuidString.lowercased())", purpose: "event-invitation").prefix(10)
            ).uppercased()
            try await invitation.create(on: db)
        }
    }

    static let reminderJob = JobDefinition(
        name: "event-recruitment-reminder",
        summary: Phrase(
            nb: "Minner medlemmer som ikke har fått med noen deltakere på arrangementet, to uker før påmeldingsfristen.",
            en: "Reminds members that have brought no participants to an event, two weeks before the registration deadline."),
        schedule: .every(seconds: 3600)
    ) { context in
        let sent = try await remind(context.app, now: context.now)
        return sent == 0 ? nil : "\(sent) reminded"
    }

    /// Sends each member that has brought no one the reminder once per event, from two weeks before the deadline.
    @discardableResult
    static func remind(_ app: Application, now: Date) async throws -> Int {
        let today = OsloTime.localDate(of: now)
        let horizon = today.adding(days: Recruitment.reminderDays).iso8601
        let events = try await EventModel.query(on: app.db).filter(\.$published == true).filter(\.$deadline >= today.iso8601)
            .filter(\.$deadline <= horizon).all()
        var sent = 0
        for event in events {
            guard let deadline = event.deadlineDay, Recruitment.reminderDue(deadline: deadline, today: today) else { continue }
            let id = try event.requireID()
            try await ensure(for: id, app: app, on: app.db)
            let brought = Set(
                try await EventRegistrationModel.query(on: app.db).filter(\.$eventID == id)
                    .filter(\.$statusRaw != RegistrationStatus.cancelled.rawValue).all().compactMap(\.viaOrganisationID))
            let invitations = try await EventInvitationModel.query(on: app.db).filter(\.$eventID == id).filter(\.$remindedAt == nil).all()
            for invitation in invitations where !brought.contains(invitation.organisationID) {
                let people = try await UserModel.query(on: app.db).filter(\.$organisation.$id == invitation.organisationID)
                    .filter(\.$roleRaw ~~ [Role.callCentreAdmin.rawValue, Role.clientUser.rawValue]).filter(\.$disabledAt == nil).all()
                let link = app.config.publicBaseURL + SiteRoute.event(slug: event.slug).path(query: ["via": invitation.code])
                try await app.db.writeTransaction { db in
                    for person in people {
                        try await Messaging.queue(
                            on: db, kind: .email, to: person.email,
                            subject: "\(event.title): få med deltakere / bring participants",
                            text: """
                                Påmeldingsfristen til \(event.title) er \(NorwegianFormat.isoDay(event.deadline)), og ingen er ennå påmeldt gjennom dere.
                                Alle medlemmer har ansvar for å ringe rundt og få med deltakere. Del denne lenken:
                                \(link)

                                The registration deadline for \(event.title) is \(NorwegianFormat.isoDay(event.deadline)), and no one has yet registered through you.
                                Every member is responsible for calling round to bring participants. Share this link:
                                \(link)
                                """,
                            idempotencyKey: "event-reminder:\(id.uuidString.lowercased()):\(try person.requireID().uuidString.lowercased())",
                            organisationID: invitation.organisationID, now: now)
                    }
                    invitation.remindedAt = now
                    try await invitation.save(on: db)
                }
                sent += 1
            }
        }
        return sent
    }
}
