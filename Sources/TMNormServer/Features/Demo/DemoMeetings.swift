import Fluent
import Foundation
import TMNormCore
import Vapor

/// The network meeting of 17 December 2007 (docs/domain.md) as the meetings feature records it: the
/// attendees, minutes written for the demo in the project's own words (not the original text), the
/// decisions, NORDMA's action item (done) and the working group's open points, and the February 2008
/// follow-up proposed with a poll. Historical rows are written directly: the "no meeting in the past"
/// rule is for meetings being planned.
enum DemoMeetings {
    static let attendees = ["nordma", "hsh", "unicall", "proffcom", "aktivpartner", "one2one", "smart1", "teleperformance"]

    static func seed(_ app: Application, organisations ids: [String: UUID]) async throws {
        let db = app.db
        let now = app.clock.now()
        guard let nordma = ids["nordma"] else { return }
        let users = try await UserModel.query(on: db).all()
        let admin = users.first { $0.email == "admin@nordma.demo" }
        let creator = admin?.id ?? UUID()
        // The working group (HSH, NORDMA, UniCall, Teleperformance) may organise; UniCall's leader is in it.
        if let mette = users.first(where: { $0.email == "leder@unicall.demo" }), let userID = mette.id {
            let member = MeetingWorkingGroupMemberModel()
            member.associationID = nordma
            member.groupName = "Arbeidsgruppen TM-dag"
            member.userID = userID
            try await member.create(on: db)
        }

        let day = try LocalDate(year: 2007, month: 12, day: 17)
        let start = LocalDateTime(date: day, time: try LocalTime(hour: 10))
        let meeting = MeetingModel()
        meeting.id = UUID()
        meeting.organisationID = nordma
        meeting.title = "Nettverksmøte TM"
        meeting.statusRaw = MeetingModel.Status.scheduled.rawValue
        meeting.startLocal = start.iso8601
        meeting.startsAt = OsloTime.instant(for: start)
        meeting.endsAt = OsloTime.instant(for: start).addingTimeInterval(3 * 3600)
        meeting.durationMinutes = 180
        meeting.place = "NORDMA, Oslo"
        meeting.sequence = 0
        meeting.createdBy = creator
        meeting.createdAt = OsloTime.instant(for: LocalDateTime(date: try LocalDate(year: 2007, month: 12, day: 3), time: try LocalTime(hour: 9)))
        meeting.membersPublishedAt = OsloTime.instant(for: LocalDateTime(date: day.adding(days: 1), time: try LocalTime(hour: 15)))
        try await meeting.create(on: db)
        let meetingID = try meeting.requireID()

        let agenda: [(String, String, Int, String)] = [
            ("Ny markedsføringslov og skriftlig bekreftelse", "NORDMA", 45, "Hvor står lovarbeidet, og hva betyr kravet om skriftlig bekreftelse?"),
            ("Autorisasjonsordning med Forbrukerombudet", "NORDMA", 45, "Myndighetene inn i ordningen og i en nemnd."),
            ("Etiske retningslinjer", "HSH", 20, "Vedtatt 11. oktober 2007."),
            ("TM-dag 10. april 2008", "Arbeidsgruppen", 30, "Program, foredragsholdere og hvem som tar med deltakere."),
            ("Neste møte", "NORDMA", 10, ""),
        ]
        for (index, item) in agenda.enumerated() {
            let row = MeetingAgendaItemModel()
            row.meetingID = meetingID
            row.position = index + 1
            row.title = item.0
            row.owner = item.1
            row.timeBoxMinutes = item.2
            row.notes = item.3
            try await row.create(on: db)
        }

        var attendedNames: [String] = []
        let organisations = try await OrganisationModel.query(on: db).filter(\.$id ~~ attendees.compactMap { ids[$0] }).all()
        for key in attendees {
            guard let orgID = ids[key], let organisation = organisations.first(where: { $0.id == orgID }) else { continue }
            let person = users.first { $0.$organisation.id == orgID && ($0.role == .associationAdmin || $0.role == .callCentreAdmin) }
            let invitee = MeetingInviteeModel()
            invitee.id = UUID()
            invitee.meetingID = meetingID
            invitee.organisationID = orgID
            invitee.userID = person?.id
            invitee.name = person?.name ?? "Kontaktperson, \(organisation.name)"
            invitee.email = person?.email ?? "kontakt@\(key).demo"
            invitee.tokenHash = TokenGenerator.hash(Meetings.inviteeToken(try invitee.requireID(), keys: app.serverKeys))
            invitee.answer = Availability.yes.rawValue
            invitee.answeredAt = meeting.createdAt.addingTimeInterval(86_400)
            invitee.attended = true
            try await invitee.create(on: db)
            attendedNames.append(organisation.name)
        }

        let minutes = MinutesDocument(
            sections: [
                MinutesSection(
                    title: agenda[0].0,
                    markdown: """
                        Den nye loven krever **ikke** forhåndssamtykke (opt-in) for telefonsalg; reservasjonsregisteret består. \
                        Det som gjenstår, er å sikre at kravet om å *bekrefte telefonsalg skriftlig* lar seg oppfylle i praksis.
                        """),
                MinutesSection(
                    title: agenda[1].0,
                    markdown: """
                        Departementet har sagt at Forbrukerombudet tar kontakt med bransjen om en autorisasjonsordning. Møtet vil ha \
                        myndighetene med i ordningen og i en nemnd som følger den opp. Punkter å ta opp:

                        - hva «skriftlig bekreftelse» betyr
                        - hvordan ordningen drives
                        - hva som skal evalueres etter fem år
                        """),
                MinutesSection(
                    title: agenda[2].0,
                    markdown: "Retningslinjene gjelder for medlemmene i NORDMA og HSH fra **1. april 2008**."),
                MinutesSection(
                    title: agenda[3].0,
                    markdown: """
                        Bransjedag for callsentre, oppdragsgivere og kundesentre: lunsj 11–12, foredrag og debatt 12–17, middag fra 18. \
                        Alle medlemmer bidrar til å skaffe deltakere. Arbeidsgruppe: HSH, NORDMA, UniCall og Teleperformance.
                        """),
                MinutesSection(
                    title: agenda[4].0,
                    markdown: "Arbeidsgruppen kaller inn når det er nytt om regelverket eller ordningen, trolig tidlig i februar."),
            ], attended: attendedNames)
        let version = MeetingMinutesVersionModel()
        version.meetingID = meetingID
        version.version = 1
        version.document = String(decoding: try JSONEncoder().encode(minutes), as: UTF8.self)
        version.note = ""
        version.publishedAt = OsloTime.instant(for: LocalDateTime(date: day.adding(days: 1), time: try LocalTime(hour: 14)))
        version.publishedBy = creator
        try await version.create(on: db)

        let decisions: [(String, String, String?, String?)] = [
            (
                "De etiske retningslinjene (vedtatt 11.10.2007) gjelder for medlemmene i NORDMA og HSH fra 1. april 2008.", "guidelines",
                "2008-04-01", "/guidelines"
            ),
            ("TM-dag holdes 10. april 2008; arbeidsgruppen (HSH, NORDMA, UniCall, Teleperformance) planlegger den.", "event", "2008-04-10", nil),
            (
                "Autorisasjonsordningen utarbeides sammen med Forbrukerombudet, med myndighetene i ordningen og i en nemnd.", "authorization", nil,
                "/register"
            ),
        ]
        for (index, decision) in decisions.enumerated() {
            let row = MeetingDecisionModel()
            row.organisationID = nordma
            row.meetingID = meetingID
            row.scope = day.iso8601
            row.sequence = index + 1
            row.year = 2007
            row.text = decision.0
            row.subject = decision.1
            row.effectiveOn = decision.2
            row.concerns = decision.3
            row.createdAt = version.publishedAt
            try await row.create(on: db)
        }

        let items: [(String, String?, String, String, ActionItemStatus, String)] = [
            ("Kontakte Forbrukerombudet etter nyttår hvis ingen har hørt noe", "nordma", "NORDMA", "2008-01-07", .done, "Kontakt tatt i januar."),
            ("Avklare hva «skriftlig bekreftelse» av telefonsalg betyr", nil, "Arbeidsgruppen", "2008-02-29", .open, ""),
            ("Avklare hvordan autorisasjonsordningen skal drives", nil, "Arbeidsgruppen", "2008-02-29", .open, ""),
            ("Foreslå hva som skal evalueres etter fem år", nil, "Arbeidsgruppen", "2008-02-29", .open, ""),
        ]
        let closedAt = OsloTime.instant(for: LocalDateTime(date: try LocalDate(year: 2008, month: 1, day: 8), time: try LocalTime(hour: 12)))
        for item in items {
            let row = MeetingActionItemModel()
            row.id = UUID()
            row.organisationID = nordma
            row.meetingID = meetingID
            row.title = item.0
            row.ownerOrganisationID = item.1.flatMap { ids[$0] }
            row.ownerOrgnr = item.1.flatMap { key in DemoNetwork.organisations.first { $0.key == key }?.orgnr }
            row.ownerName = item.2
            row.ownerEmail = nil
            row.due = item.3
            row.statusRaw = item.4.rawValue
            row.note = item.5
            row.createdOn = day.iso8601
            row.tokenHash = TokenGenerator.hash(Meetings.actionItemToken(try row.requireID(), keys: app.serverKeys))
            row.closedAt = item.4 == .open ? nil : closedAt
            try await row.create(on: db)
        }

        // The follow-up "early February", proposed with a poll among the working group's organisations.
        let followUp = MeetingModel()
        followUp.id = UUID()
        followUp.organisationID = nordma
        followUp.title = "Oppfølgingsmøte TM-nettverket"
        followUp.statusRaw = MeetingModel.Status.proposed.rawValue
        followUp.durationMinutes = 120
        followUp.place = "NORDMA, Oslo"
        followUp.sequence = 0
        followUp.createdBy = creator
        followUp.createdAt = version.publishedAt
        try await followUp.create(on: db)
        let followUpID = try followUp.requireID()
        var optionIDs: [UUID] = []
        for (index, option) in [("2008-02-05T10:00:00"), ("2008-02-07T13:00:00"), ("2008-02-12T10:00:00")].enumerated() {
            let row = MeetingPollOptionModel()
            row.id = UUID()
            row.meetingID = followUpID
            row.position = index
            row.startLocal = option
            try await row.create(on: db)
            optionIDs.append(try row.requireID())
        }
        let marks: [String: [Availability]] = [
            "nordma": [.yes, .maybe, .yes], "hsh": [.no, .yes, .yes], "unicall": [.yes, .yes, .maybe], "teleperformance": [.maybe, .no, .yes],
        ]
        for key in ["nordma", "hsh", "unicall", "teleperformance"] {
            guard let orgID = ids[key], let organisation = organisations.first(where: { $0.id == orgID }) else { continue }
            let person = users.first { $0.$organisation.id == orgID && ($0.role == .associationAdmin || $0.role == .callCentreAdmin) }
            let invitee = MeetingInviteeModel()
            invitee.id = UUID()
            invitee.meetingID = followUpID
            invitee.organisationID = orgID
            invitee.userID = person?.id
            invitee.name = person?.name ?? "Kontaktperson, \(organisation.name)"
            invitee.email = person?.email ?? "kontakt@\(key).demo"
            invitee.tokenHash = TokenGenerator.hash(Meetings.inviteeToken(try invitee.requireID(), keys: app.serverKeys))
            invitee.attended = false
            try await invitee.create(on: db)
            for (optionID, mark) in zip(optionIDs, marks[key] ?? []) {
                let row = MeetingPollMarkModel()
                row.optionID = optionID
                row.inviteeID = try invitee.requireID()
                row.mark = mark.rawValue
                try await row.create(on: db)
            }
        }
        _ = now
    }
}
