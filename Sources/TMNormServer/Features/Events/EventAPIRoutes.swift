import Fluent
import Foundation
import TMNormCore
import Vapor

/// The public events API (no key, for embedding on the association's site):
/// `GET /api/v1/events`, `POST /api/v1/events/{slug}/registrations`, and the registration's two links.
struct EventAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("events", use: list)
        let json = routes.grouped(JSONBodyMiddleware())
        json.post("events", ":slug", "registrations", use: register)
        routes.get("events", ":slug", "registrations", ":id", use: status)
        json.post("events", ":slug", "registrations", ":id", "cancel", use: cancel)
    }

    struct EventDTO: Content {
        let slug: String
        let title: String
        let starts_at: Date
        let venue: String
        let capacity: Int
        let dinner_capacity: Int
        let seats_left: Int
        let registration_deadline: String
        let url: String
    }

    struct EventListDTO: Content {
        let items: [EventDTO]
    }

    /// `{"items": […]}`: the upcoming published events, soonest first (the API's list shape).
    func list(req: Request) async throws -> EventListDTO {
        let today = OsloTime.localDate(of: req.now).iso8601
        let events = try await EventModel.query(on: req.db).filter(\.$published == true).filter(\.$day >= today).sort(\.$startsAt).all()
        var out: [EventDTO] = []
        for event in events {
            let holders = try await EventRegistrationModel.query(on: req.db).filter(\.$eventID == event.requireID()).all().map(\.holder)
            out.append(
                EventDTO(
                    slug: event.slug, title: event.title, starts_at: event.startsAt, venue: event.venue, capacity: event.capacity,
                    dinner_capacity: event.dinnerCapacity, seats_left: event.seating.seatsLeft(holders), registration_deadline: event.deadline,
                    url: req.application.config.publicBaseURL + SiteRoute.event(slug: event.slug).path))
        }
        return EventListDTO(items: out)
    }

    struct RegistrationInputDTO: Content {
        var name: String?
        var email: String?
        var organisation: String?
        var dinner: Bool?
        var diet: String?
        var comment: String?
        var via: String?
    }

    struct CreatedDTO: Content {
        let id: UUID
        let status: String
        let status_url: String
        let cancel_url: String
    }

    struct ExistingDTO: Content {
        let id: UUID
        let status: String
        /// Why the links are missing: they went to the address when it registered first.
        let detail: String
    }

    struct StatusDTO: Content { let status: String }

    func register(req: Request) async throws -> Response {
        let input: RegistrationInputDTO
        do { input = try req.content.decode(RegistrationInputDTO.self) } catch {
            throw AppError.badRequest(
                Phrase(
                    nb: "Innholdet er ikke gyldig JSON med feltene name, email, organisation, dinner, diet og via.",
                    en: "The body is not valid JSON with the fields name, email, organisation, dinner, diet and via."))
        }
        let slug = req.parameters.get("slug") ?? ""
        try EventRateLimit.check(req)
        let outcome = try await EventService.register(
            RegistrationDraft(
                name: input.name, email: input.email, organisation: input.organisation, dinner: input.dinner ?? false, diet: input.diet,
                comment: input.comment, via: input.via),
            slug: slug, app: req.application, on: req.db, now: req.now)
        guard outcome.created else {
            // The same address again: the existing registration, no second seat. Its links are not repeated
            // here (anyone may know an address); they are in the first confirmation e-mail.
            return try await ExistingDTO(
                id: outcome.registrationID, status: outcome.status.rawValue,
                detail: "This e-mail address is already registered; the links were sent to it by e-mail."
            ).encodeResponse(status: .ok, for: req)
        }
        return try await CreatedDTO(
            id: outcome.registrationID, status: outcome.status.rawValue,
            status_url: EventService.statusURL(req.application, slug: slug, id: outcome.registrationID),
            cancel_url: EventService.cancelURL(req.application, slug: slug, id: outcome.registrationID)
        ).encodeResponse(status: .created, for: req)
    }

    func status(req: Request) async throws -> StatusDTO {
        let event = try await EventService.event(slug: req.parameters.get("slug") ?? "", on: req.db)
        guard let registration = try await EventRegistrationModel.find(try req.uuidParameter(), on: req.db),
            registration.eventID == event.id,
            EventService.verify(registration, token: req.query[String.self, at: "token"], purpose: "status", keys: req.application.serverKeys)
        else { throw AppError.notFound() }
        return StatusDTO(status: registration.status.rawValue)
    }

    func cancel(req: Request) async throws -> StatusDTO {
        let registration = try await EventService.cancel(
            slug: req.parameters.get("slug") ?? "", id: try req.uuidParameter(), token: req.query[String.self, at: "token"],
            app: req.application, on: req.db, now: req.now)
        return StatusDTO(status: registration.status.rawValue)
    }
}

/// Registrations per client address: an open form must not fill the event with bots.
enum EventRateLimit {
    static func check(_ req: Request) throws {
        let limiter = req.application.rateLimiters.eventRegistrationsPerAddress
        if let wait = limiter.retryAfter(req.clientAddress, now: req.now) {
            throw RateLimiter.tooMany(
                retryAfter: wait, nb: "For mange påmeldinger fra denne adressen.", en: "Too many registrations from this address.")
        }
        limiter.record(req.clientAddress, now: req.now)
    }
}

enum EventAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "get", "/api/v1/events", "The upcoming public events with their capacity and the seats left (no key)",
            response: OpenAPISchemas.list(of: "Event"), authenticated: false, validates: false),
        APIOperation(
            "post", "/api/v1/events/{slug}/registrations",
            "Register for an event (no key): confirmed while seats are free, else waitlisted. The same e-mail address again answers 200 with the existing registration.",
            request: "EventRegistrationInput", response: OpenAPISchemas.ref("EventRegistrationCreated"), status: 201, authenticated: false,
            also: [
                .problem(409, "Registration is closed: the deadline has passed (registration-closed) or the event is over (event-past)"),
                .problem(404, "No such event"),
                .problem(429, "Too many registrations from this address; Retry-After says when to try again"),
                .success(200, "The same e-mail address again: the existing registration's id and status, without its links"),
            ]),
        APIOperation(
            "get", "/api/v1/events/{slug}/registrations/{id}", "A registration's status (the status_url, with its token)",
            response: OpenAPISchemas.ref("EventRegistrationStatus"), authenticated: false, query: [("token", "the status link's secret", true)]),
        APIOperation(
            "post", "/api/v1/events/{slug}/registrations/{id}/cancel",
            "Cancel a registration (the cancel_url, with its token); the first on the waiting list is confirmed and told by e-mail",
            response: OpenAPISchemas.ref("EventRegistrationStatus"), authenticated: false, query: [("token", "the cancel link's secret", true)],
            requestRequired: false, also: [.problem(409, "Already cancelled")]),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Event",
            [
                "type": "object",
                "required": ["slug", "title", "starts_at", "venue", "capacity", "dinner_capacity", "seats_left", "registration_deadline", "url"],
                "properties": [
                    "slug": ["type": "string"], "title": ["type": "string"], "starts_at": ["type": "string", "format": "date-time"],
                    "venue": ["type": "string"], "capacity": ["type": "integer"], "dinner_capacity": ["type": "integer"],
                    "seats_left": ["type": "integer"], "registration_deadline": ["type": "string", "format": "date"], "url": ["type": "string"],
                ],
            ]
        ),
        (
            "EventRegistrationInput",
            [
                "type": "object", "required": ["name", "email"],
                "properties": [
                    "name": ["type": "string", "maxLength": 200], "email": ["type": "string", "format": "email", "maxLength": 254],
                    "organisation": ["type": "string", "maxLength": 200], "dinner": ["type": "boolean"],
                    "diet": ["type": "string", "maxLength": 500], "comment": ["type": "string", "maxLength": 2000],
                    "via": ["type": "string", "description": "a member's invitation code (4–32 letters and digits)"],
                ],
            ]
        ),
        (
            "EventRegistrationCreated",
            [
                // 201 always has both links; the 200 for an address already registered has none (they went to it by e-mail).
                "type": "object", "required": ["id", "status"],
                "properties": [
                    "id": OpenAPISchemas.uuid, "status": ["type": "string", "enum": ["confirmed", "waitlisted"]],
                    "status_url": ["type": "string"], "cancel_url": ["type": "string"], "detail": ["type": "string"],
                ],
            ]
        ),
        (
            "EventRegistrationStatus",
            [
                "type": "object", "required": ["status"],
                "properties": ["status": ["type": "string", "enum": ["confirmed", "waitlisted", "cancelled"]]],
            ]
        ),
    ]
}
