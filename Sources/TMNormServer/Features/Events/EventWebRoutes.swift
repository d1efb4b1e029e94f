import Fluent
import Foundation
import TMNormCore
import Vapor

/// The public event pages (no log-in): `/arrangementer`, an event's page with its programme and the
/// registration form, its calendar `/arrangementer/SLUG.ics`, a registration's own page (status, cancel),
/// and the feedback form after the day.
struct EventWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.events, use: list)
        routes.get(.event, use: page)
        routes.post(.event, use: register)
        routes.get(.eventRegistration, use: registration)
        routes.post(.eventRegistration, use: cancel)
        routes.get(.eventFeedback, use: feedbackForm)
        routes.post(.eventFeedback, use: feedback)
    }

    func list(req: Request) async throws -> Response {
        let today = OsloTime.localDate(of: req.now).iso8601
        let events = try await EventModel.query(on: req.db).filter(\.$published == true).sort(\.$startsAt, .descending).all()
        let upcoming = events.filter { $0.day >= today }.reversed()
        let past = events.filter { $0.day < today }
        return .html(EventViews.list(upcoming: Array(upcoming), past: past, context: req.pageContext))
    }

    /// The event's page model.
    static func model(_ event: EventModel, req: Request, input: FormInput, problems: [String: String]) async throws -> EventViews.PageModel {
        let id = try event.requireID()
        let slots = try await EventService.slots(of: id, on: req.db).compactMap(\.slot)
        let holders = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == id).all().map(\.holder)
        let taken = event.seating.taken(holders)
        return EventViews.PageModel(
            event: event, slots: slots, window: event.window(now: req.now), seatsLeft: event.seating.seatsLeft(holders),
            dinnerLeft: max(0, event.dinnerCapacity - taken.dinner), waiting: holders.filter { $0.status == .waitlisted }.count,
            input: input, problems: problems)
    }

    func page(req: Request) async throws -> Response {
        let raw = req.parameters.get("slug") ?? ""
        if raw.hasSuffix(".ics") {
            let event = try await EventService.event(slug: String(raw.dropLast(4)), on: req.db)
            guard event.published else { throw AppError.notFound() }
            let slots = try await EventService.slots(of: try event.requireID(), on: req.db)
            let body = EventCalendar.file(event, slots: slots, baseURL: req.application.config.publicBaseURL, stamp: req.now, perSlot: true)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
            headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(event.slug).ics\"")
            return Response(status: .ok, headers: headers, body: .init(string: body))
        }
        let event = try await EventService.event(slug: raw, on: req.db)
        guard event.published else { throw AppError.notFound() }
        var input = FormInput()
        input.via = req.query[String.self, at: "via"].flatMap(InvitationCode.parse)
        return .html(EventViews.page(try await Self.model(event, req: req, input: input, problems: [:]), context: req.pageContext))
    }

    struct FormInput: Content, Sendable {
        var name: String?
        var email: String?
        var organisation: String?
        var dinner: String?
        var diet: String?
        var comment: String?
        var via: String?
    }

    func register(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        let event = try await EventService.event(slug: slug, on: req.db)
        guard event.published else { throw AppError.notFound() }
        let input = try req.content.decode(FormInput.self)
        let draft = RegistrationDraft(
            name: input.name, email: input.email, organisation: input.organisation, dinner: input.dinner != nil, diet: input.diet,
            comment: input.comment, via: input.via)
        do {
            try EventRateLimit.check(req)
            let outcome = try await EventService.register(draft, slug: slug, app: req.application, on: req.db, now: req.now)
            return .html(
                EventViews.registered(event: event, status: outcome.status, created: outcome.created, context: req.pageContext),
                status: outcome.created ? .created : .ok)
        } catch let error as AppError where !error.fields.isEmpty || error.status == .conflict {
            var problems: [String: String] = [:]
            for field in error.fields { problems[field.field] = field.text(req.language) }
            if error.fields.isEmpty { problems["_"] = error.message(req.language) }
            return .html(
                EventViews.page(try await Self.model(event, req: req, input: input, problems: problems), context: req.pageContext),
                status: error.status)
        }
    }

    /// The registration's page from the e-mail: where it stands, and the button to cancel.
    func registration(req: Request) async throws -> Response {
        let (event, registration, token) = try await Self.find(req, purpose: "cancel")
        return .html(EventViews.registration(event: event, registration: registration, token: token, notice: nil, context: req.pageContext))
    }

    struct TokenInput: Content { var token: String? }

    func cancel(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        let token = try req.content.decode(TokenInput.self).token
        let id = try req.uuidParameter()
        let event = try await EventService.event(slug: slug, on: req.db)
        do {
            let registration = try await EventService.cancel(slug: slug, id: id, token: token, app: req.application, on: req.db, now: req.now)
            return .html(
                EventViews.registration(
                    event: event, registration: registration, token: token ?? "",
                    notice: Phrase(nb: "Du er meldt av. Takk for beskjed!", en: "You are cancelled. Thank you for letting us know!"),
                    context: req.pageContext))
        } catch let error as AppError where error.code == "already-cancelled" {
            guard let registration = try await EventRegistrationModel.find(id, on: req.db) else { throw error }
            return .html(
                EventViews.registration(
                    event: event, registration: registration, token: token ?? "", notice: error.message, context: req.pageContext),
                status: .conflict)
        }
    }

    static func find(_ req: Request, purpose: String) async throws -> (EventModel, EventRegistrationModel, String) {
        let event = try await EventService.event(slug: req.parameters.get("slug") ?? "", on: req.db)
        let token = req.query[String.self, at: "token"] ?? ""
        guard let registration = try await EventRegistrationModel.find(try req.uuidParameter(), on: req.db), registration.eventID == event.id,
            EventService.verify(registration, token: token, purpose: purpose, keys: req.application.serverKeys)
        else { throw AppError.notFound() }
        return (event, registration, token)
    }

    func feedbackForm(req: Request) async throws -> Response {
        let (event, registration, token) = try await Self.find(req, purpose: "feedback")
        let slots = try await EventService.slots(of: try event.requireID(), on: req.db)
        let given = try await EventFeedbackModel.query(on: req.db).filter(\.$registrationID == registration.requireID()).count() > 0
        return .html(EventViews.feedback(event: event, registration: registration, slots: slots, token: token, done: given, context: req.pageContext))
    }

    func feedback(req: Request) async throws -> Response {
        let slug = req.parameters.get("slug") ?? ""
        let event = try await EventService.event(slug: slug, on: req.db)
        // The form's fields by name (FormState's decoder drops secrets such as the token, so not that one).
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        let form = fields.mapValues { [$0] }
        let token = fields["token"] ?? ""
        guard let registration = try await EventRegistrationModel.find(try req.uuidParameter(), on: req.db), registration.eventID == event.id,
            EventService.verify(registration, token: token, purpose: "feedback", keys: req.application.serverKeys)
        else { throw AppError.notFound() }
        let eventID = try event.requireID()
        let registrationID = try registration.requireID()
        let slots = try await EventService.slots(of: eventID, on: req.db)
        let comment = String((form["comment"]?.first ?? "").prefix(Feedback.maximumComment))
        var rows: [(UUID?, Int)] = []
        for slot in slots {
            if let raw = form["score-" + (slot.id?.uuidString.lowercased() ?? "")]?.first, let score = Feedback.score(raw) {
                rows.append((slot.id, score))
            }
        }
        if let raw = form["score-day"]?.first, let score = Feedback.score(raw) { rows.append((nil, score)) }
        let now = req.now
        let answers = rows
        try await req.db.writeTransaction { db in
            // Sent again: the new answers replace the old.
            try await EventFeedbackModel.query(on: db).filter(\.$registrationID == registrationID).delete()
            for (index, row) in answers.enumerated() {
                let answer = EventFeedbackModel()
                answer.eventID = eventID
                answer.registrationID = registrationID
                answer.slotID = row.0
                answer.score = row.1
                answer.comment = index == answers.count - 1 ? comment : ""
                answer.createdAt = now
                try await answer.create(on: db)
            }
            if answers.isEmpty && !comment.isEmpty {
                let answer = EventFeedbackModel()
                answer.eventID = eventID
                answer.registrationID = registrationID
                answer.score = 0
                answer.comment = comment
                answer.createdAt = now
                try await answer.create(on: db)
            }
        }
        return .html(EventViews.feedback(event: event, registration: registration, slots: slots, token: token, done: true, context: req.pageContext))
    }
}

/// The member organisations (for the registration form's suggestions, the invitation codes and the reminders).
enum EventDirectory {
    /// Organisations that hold a membership, by name.
    static func members(on db: any Database) async throws -> [OrganisationModel] {
        let memberIDs = Set(try await MembershipModel.query(on: db).all().map { $0.$member.id })
        guard !memberIDs.isEmpty else { return [] }
        return try await OrganisationModel.query(on: db).filter(\.$id ~~ Array(memberIDs)).sort(\.$name).all()
    }

    static func memberNames(on db: any Database) async throws -> [String] {
        try await members(on: db).map(\.name)
    }
}
