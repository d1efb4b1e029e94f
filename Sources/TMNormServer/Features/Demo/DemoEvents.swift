import Fluent
import Foundation
import TMNormCore
import Vapor

/// The minutes' TM-dag of 10 April 2008 (programme, registrations from the demo members with some on the
/// waiting list, the recruitment table filled, UniCall's leader in the working group), and next spring's
/// TM-dag open for registration, with registrations made through the real registration service.
enum DemoEvents {
    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        let now = app.clock.now()
        let past = try await event(
            app, title: "TM-dag 2008", day: try LocalDate(year: 2008, month: 4, day: 10), deadline: try LocalDate(year: 2008, month: 3, day: 28),
            venue: "Oslo Kongressenter, Youngs gate 21, Oslo", capacity: 12, dinner: 8,
            description:
                "Bransjedag for callsentre, oppdragsgivere og kundesentre. Alle medlemmer har ansvar for å ringe rundt og få med deltakere.",
            createdAt: OsloTime.instant(for: LocalDateTime(date: try LocalDate(year: 2008, month: 1, day: 15), time: try LocalTime(hour: 10))))
        let pastID = try past.requireID()
        try await slots(pastID, on: db)
        try await EventInvitations.ensure(for: pastID, app: app, on: db)
        if let leader = try await UserModel.query(on: db).filter(\.$email == "leder@unicall.demo").first() {
            let organiser = EventOrganiserModel()
            organiser.eventID = pastID
            organiser.userID = try leader.requireID()
            organiser.createdAt = now
            try await organiser.create(on: db)
        }
        // 2008's registrations, as they stood after the day: made in order, then seated by the rules.
        let people: [(String, String, String, Bool, String)] = [
            ("Kari Nordmann", "kari.nordmann", "unicall", true, "vegetar"),
            ("Per Hansen", "per.hansen", "unicall", true, ""),
            ("Anne Larsen", "anne.larsen", "teleperformance", true, "glutenfri"),
            ("Ola Berg", "ola.berg", "teleperformance", false, ""),
            ("Lise Johansen", "lise.johansen", "proffcom", true, ""),
            ("Geir Olsen", "geir.olsen", "nordlys", true, "vegetar"),
            ("Siri Dahl", "siri.dahl", "aktivpartner", false, ""),
            ("Tor Nilsen", "tor.nilsen", "unicall", true, "laktosefri"),
            ("Marte Lie", "marte.lie", "smart1", true, ""),
            ("Espen Moe", "espen.moe", "teleperformance", false, ""),
            ("Hilde Strand", "hilde.strand", "fjordavis", true, "nøtteallergi"),
            ("Bjørn Haugen", "bjorn.haugen", "unicall", false, ""),
            ("Nina Bakke", "nina.bakke", "proffcom", true, ""),
            ("Rune Eide", "rune.eide", "teleperformance", true, "vegetar"),
            ("Eva Lund", "eva.lund", "one2one", false, ""),
        ]
        let invitations = try await EventInvitationModel.query(on: db).filter(\.$eventID == pastID).all()
        var holders: [SeatHolder] = []
        let doorOpens = OsloTime.instant(
            for: LocalDateTime(date: try LocalDate(year: 2008, month: 4, day: 10), time: try LocalTime(hour: 10, minute: 45)))
        let registeredAt = OsloTime.instant(for: LocalDateTime(date: try LocalDate(year: 2008, month: 3, day: 3), time: try LocalTime(hour: 9)))
        for (index, person) in people.enumerated() {
            let status = past.seating.admit(dinner: person.3, holders: holders)
            holders.append(SeatHolder(sequence: index + 1, dinner: person.3, status: status))
            let registration = EventRegistrationModel()
            let id = UUID()
            registration.id = id
            registration.eventID = pastID
            registration.sequence = index + 1
            registration.name = person.0
            registration.email = person.1 + "@example.no"
            registration.emailKey = registration.email
            registration.organisationID = ids[person.2]
            var organisationName = ""
            if let organisationID = ids[person.2] { organisationName = try await OrganisationModel.find(organisationID, on: db)?.name ?? "" }
            registration.organisation = organisationName
            registration.dinner = person.3
            registration.diet = person.4
            registration.comment = ""
            registration.viaOrganisationID = invitations.first { $0.organisationID == ids[person.2] }?.organisationID
            registration.statusRaw = status.rawValue
            registration.statusTokenHash = TokenGenerator.hash(EventService.token(id, "status", keys: app.serverKeys))
            registration.cancelTokenHash = TokenGenerator.hash(EventService.token(id, "cancel", keys: app.serverKeys))
            registration.createdAt = registeredAt.addingTimeInterval(Double(index) * 3 * 3600)
            registration.confirmedAt = status == .confirmed ? registration.createdAt : nil
            // Those who came were checked in at the door.
            registration.arrivedAt = status == .confirmed && index % 5 != 4 ? doorOpens : nil
            try await registration.create(on: db)
        }
        // One cancelled before the day; the first waiting got the seat (recorded as the rules would).
        if let first = try await EventRegistrationModel.query(on: db).filter(\.$eventID == pastID).filter(\.$sequence == 4).first() {
            first.statusRaw = RegistrationStatus.cancelled.rawValue
            first.cancelledAt = registeredAt.addingTimeInterval(10 * 86_400)
            first.arrivedAt = nil
            try await first.save(on: db)
            let all = try await EventRegistrationModel.query(on: db).filter(\.$eventID == pastID).all()
            let promoted = Set(past.seating.promotions(all.map(\.holder)))
            for registration in all where promoted.contains(registration.sequence) {
                registration.statusRaw = RegistrationStatus.confirmed.rawValue
                registration.confirmedAt = first.cancelledAt
                try await registration.save(on: db)
            }
        }
        past.nextSequence = people.count + 1
        try await past.save(on: db)

        // Next spring's TM-dag, open: the second Thursday of April next year.
        let thisYear = OsloTime.localDate(of: now).year
        var day = try LocalDate(year: thisYear + 1, month: 4, day: 8)
        while day.weekday != .thursday { day = day.next }
        let upcoming = try await event(
            app, title: "TM-dag \(day.year)", day: day, deadline: day.adding(days: -14), venue: "Oslo Kongressenter, Youngs gate 21, Oslo",
            capacity: 120, dinner: 80,
            description: "Årets bransjedag: status for regelverket, godkjenningsordningen og bransjenormen. Middag og sosialt samvær fra kl. 18.",
            createdAt: now)
        let upcomingID = try upcoming.requireID()
        try await slots(upcomingID, on: db)
        try await EventInvitations.ensure(for: upcomingID, app: app, on: db)
        let codes = try await EventInvitationModel.query(on: db).filter(\.$eventID == upcomingID).all()
        func code(_ key: String) -> String? { codes.first { $0.organisationID == ids[key] }?.code }
        for (name, email, organisation, dinner, diet, via) in [
            ("Kari Nordmann", "kari.nordmann@example.no", "UniCall AS", true, "vegetar", "unicall"),
            ("Anne Larsen", "anne.larsen@example.no", "Teleperformance Norge AS", true, "", "teleperformance"),
            ("Geir Olsen", "geir.olsen@example.no", "Nordlys Energi AS", false, "", "nordlys"),
        ] {
            _ = try await EventService.register(
                RegistrationDraft(name: name, email: email, organisation: organisation, dinner: dinner, diet: diet, via: code(via)),
                slug: upcoming.slug, app: app, on: db, now: now)
        }
    }

    static func event(
        _ app: Application, title: String, day: LocalDate, deadline: LocalDate, venue: String, capacity: Int, dinner: Int, description: String,
        createdAt: Date
    ) async throws -> EventModel {
        let event = EventModel()
        event.slug = EventRules.slug(title: "TM-dag", year: day.year)
        event.title = title
        event.day = day.iso8601
        event.startTime = "11:00"
        event.endTime = "23:00"
        event.startsAt = OsloTime.instant(for: LocalDateTime(date: day, time: try LocalTime(hour: 11)))
        event.venue = venue
        event.details = description
        event.capacity = capacity
        event.dinnerCapacity = dinner
        event.deadline = deadline.iso8601
        event.memberPrice = 0
        event.nonMemberPrice = 95_000
        event.published = true
        event.nextSequence = 1
        event.createdAt = createdAt
        try await event.create(on: app.db)
        return event
    }

    /// The minutes' programme: lunch 11–12, talks and discussion 12–17, dinner and a social evening from 18.
    static let programme: [(String, String, String, String, ProgrammeSlotKind)] = [
        ("11:00", "12:00", "Lunsj", "", .lunch),
        ("12:00", "12:30", "Åpning", "Forbrukerombudet (invitert)", .talk),
        ("12:30", "13:30", "Status for det nye regelverket", "NORDMA og HSH", .talk),
        ("13:30", "13:45", "Pause", "", .break),
        ("13:45", "14:45", "Hva vil godkjenningsordningen kreve?", "Arbeidsgruppen", .talk),
        ("14:45", "15:30", "Standard Norges standard for call- og kundesentre", "Standard Norge", .talk),
        ("15:30", "15:45", "Pause", "", .break),
        ("15:45", "16:30", "Rekruttere og beholde medarbeidere", "Teleperformance og UniCall", .talk),
        ("16:30", "17:00", "Diskusjon og oppsummering", "Alle", .discussion),
        ("18:00", "23:00", "Middag og sosialt samvær", "", .dinner),
    ]

    static func slots(_ eventID: UUID, on db: any Database) async throws {
        for (start, end, title, speaker, kind) in programme {
            let slot = ProgrammeSlotModel()
            slot.$event.id = eventID
            slot.startTime = start
            slot.endTime = end
            slot.title = title
            slot.speaker = speaker
            slot.kind = kind.rawValue
            try await slot.create(on: db)
        }
    }
}
