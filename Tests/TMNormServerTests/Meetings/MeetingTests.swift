import Fluent
import Foundation
import Testing
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// Parses an iCalendar text with Python's `icalendar` (a real parser) and returns what the tests check.
enum ICalendarParser {
    static var available: Bool { ServerProcess.pythonHas("icalendar") }

    static let script = """
        import json, sys
        from icalendar import Calendar
        cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = {"method": str(cal.get("method", "")), "events": []}
        for ev in cal.walk("VEVENT"):
            start = ev.decoded("dtstart")
            out["events"].append({
                "summary": str(ev.get("summary")),
                "location": str(ev.get("location", "")),
                "start": start.isoformat(),
                "tz": str(getattr(start.tzinfo, "key", None) or start.tzinfo),
                "utc": start.utcoffset().total_seconds(),
                "sequence": int(ev.get("sequence", 0)),
                "attendees": len(ev.get("attendee", []) if isinstance(ev.get("attendee", []), list) else [ev.get("attendee")]),
                "description": str(ev.get("description", "")),
            })
        print(json.dumps(out))
        """

    static func parse(_ ics: String) throws -> [String: Any] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: problem, as: UTF8.self))")
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

/// A mutable clock for tests that move time on (`AppClock` reads it on every call).
final class TestClockBox: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var value: Date
    init(_ value: Date) { self.value = value }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

@Suite("Meetings end to end: create, invite, answer, minutes, decisions, action items, poll")
struct MeetingTests {
    static func lower(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// The association admin creates a meeting on 17.12.2026 10:00 inviting the call centre.
    static func createMeeting(_ app: Application, _ world: TestWorld, title: String = "Nettverksmøte TM") async throws -> MeetingModel {
        let admin = world.browser(.associationAdmin)
        let response = try await app.postForm(
            "/moter/ny",
            [
                "title": title, "date": "17.12.2026", "time": "10:00", "duration": "120", "place": "NORDMA, Oslo",
                "org_" + lower(world.callCentre.id): "on", "people": "gjest@example.no",
                "agenda_title_1": "Ny markedsføringslov", "agenda_owner_1": "NORDMA", "agenda_box_1": "30",
                "agenda_title_2": "TM-dag", "agenda_owner_2": "HSH", "agenda_box_2": "20",
            ], as: admin)
        #expect(response.status == .seeOther, "\(response.text)")
        return try #require(try await MeetingModel.query(on: app.db).filter(\.$title == title).first())
    }

    static func token(in text: String, path: String) -> String? {
        guard let range = text.range(of: path + "[0-9a-f]{64}", options: .regularExpression) else { return nil }
        return String(text[range].dropFirst(path.count))
    }

    @Test(
        "a meeting is created, invited with an .ics a real parser reads, answered from the link, minuted, its decision numbered, its action item reminded and closed"
    )
    func wholeWay() async throws {
        let clock = TestClockBox(testNow)
        try await withTestApp(clock: AppClock { clock.now }) { app in
            let world = try await TestWorld.make(app)
            let meeting = try await Self.createMeeting(app, world)
            let id = try meeting.requireID()
            #expect(meeting.start?.iso8601 == "2026-12-17T10:00:00")

            // Invitations: one per person of the call centre and the guest, each with an .ics attachment.
            let invitations = try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey =~ "meeting-invite:").all()
            #expect(Set(invitations.map(\.recipient)) == ["leder@alfa.test", "selger@alfa.test", "gjest@example.no"])
            let mail = try #require(invitations.first { $0.recipient == "leder@alfa.test" })
            let ics = try #require(mail.attachmentBody)
            #expect(mail.attachmentType?.hasPrefix("text/calendar") == true)
            if ICalendarParser.available {
                let parsed = try ICalendarParser.parse(ics)
                #expect(parsed["method"] as? String == "REQUEST")
                let event = try #require((parsed["events"] as? [[String: Any]])?.first)
                #expect(event["summary"] as? String == "Nettverksmøte TM")
                #expect(event["start"] as? String == "2026-12-17T10:00:00+01:00")
                #expect(event["tz"] as? String == "Europe/Oslo")
                #expect(event["attendees"] as? Int == 3)
                #expect((event["description"] as? String)?.contains("1. Ny markedsføringslov (NORDMA), 30 min") == true)
            }

            // The answer link: no log-in; the invitee's answer shows on the attendance list.
            let token = try #require(Self.token(in: mail.body, path: "/mote-svar/"))
            let page = try await app.get("/mote-svar/\(token)", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("Nettverksmøte TM"))
            let answered = try await app.postForm("/mote-svar/\(token)", ["answer": "yes"], as: .anonymous)
            #expect(answered.status == .seeOther)
            let invitee = try #require(try await MeetingInviteeModel.query(on: app.db).filter(\.$email == "leder@alfa.test").first())
            #expect(invitee.answer == "yes")
            #expect(invitee.tokenHash == TokenGenerator.hash(token), "only the hash is stored")
            #expect(try await app.get("/mote-svar/" + String(repeating: "0", count: 64), as: .anonymous).status == .notFound)

            // The invitees see the meeting; an organisation not invited does not.
            let asInvitee = try await app.get("/moter/\(Self.lower(id))", as: world.browser(.callCentreAdmin))
            #expect(asInvitee.status == .ok)
            #expect(asInvitee.text.contains("Kommer"))
            #expect(try await app.get("/moter/\(Self.lower(id))", as: world.foreignAdmin).status == .notFound)
            #expect(try await app.get("/moter/\(Self.lower(id)).ics", as: world.foreignAdmin).status == .notFound)
            let file = try await app.get("/moter/\(Self.lower(id)).ics", as: world.browser(.callCentreAdmin))
            #expect(file.status == .ok)
            #expect(file.headers.contentType?.description.hasPrefix("text/calendar") == true)

            // Minutes: draft, attended marks, publish; a correction needs a note and becomes version 2.
            let admin = world.browser(.associationAdmin)
            let inviteeID = Self.lower(try invitee.requireID())
            var saved = try await app.postForm(
                "/moter/\(Self.lower(id))/minutes",
                ["section_1": "Loven gir **ikke** krav om samtykke.", "section_2": "TM-dag 10. april.", "attended_" + inviteeID: "on"], as: admin)
            #expect(saved.status == .seeOther)
            saved = try await app.postForm(
                "/moter/\(Self.lower(id))/publish",
                ["section_1": "Loven gir **ikke** krav om samtykke.", "section_2": "TM-dag 10. april.", "attended_" + inviteeID: "on"], as: admin)
            #expect(saved.status == .seeOther, "\(saved.text)")
            let refused = try await app.postForm(
                "/moter/\(Self.lower(id))/publish", ["section_1": "Rettet tekst.", "section_2": "TM-dag 10. april.", "attended_" + inviteeID: "on"],
                as: admin)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("begrunnelse"))
            let corrected = try await app.postForm(
                "/moter/\(Self.lower(id))/publish",
                ["section_1": "Rettet tekst.", "section_2": "TM-dag 10. april.", "attended_" + inviteeID: "on", "note": "Skrivefeil"], as: admin)
            #expect(corrected.status == .seeOther)
            let versions = try await MeetingMinutesVersionModel.query(on: app.db).filter(\.$meetingID == id).sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            let first = try await app.get("/moter/\(Self.lower(id))/referat?version=1", as: world.browser(.callCentreAdmin))
            #expect(first.text.contains("<strong>ikke</strong>"), "rendered by the safe Markdown renderer")
            #expect(first.text.contains("Test call_centre_admin"), "attended")
            let markdown = try await app.get("/moter/\(Self.lower(id))/referat.md", as: world.browser(.callCentreAdmin))
            #expect(markdown.text.contains("## 1. Ny markedsføringslov\n\nRettet tekst."))
            // A member not invited (the foreign call centre is a member too) sees nothing until the minutes are opened to members.
            #expect(try await app.get("/moter/\(Self.lower(id))/referat", as: world.foreignAdmin).status == .notFound)
            _ = try await app.postForm("/moter/\(Self.lower(id))/members", [:], as: admin)
            #expect(try await app.get("/moter/\(Self.lower(id))/referat", as: world.foreignAdmin).status == .ok)

            // Decisions: numbered per meeting day, searchable and exported.
            for text in ["Retningslinjene gjelder fra 1. april", "TM-dag 10. april"] {
                let r = try await app.postForm(
                    "/moter/\(Self.lower(id))/decision", ["text": text, "subject": "guidelines", "effective_on": "2027-04-01"], as: admin)
                #expect(r.status == .seeOther, "\(r.text)")
            }
            let numbers = try await MeetingDecisionModel.query(on: app.db).sort(\.$sequence).all().map(\.number.description)
            #expect(numbers == ["2026-12-17/1", "2026-12-17/2"])
            let register = try await app.get("/moter/vedtak?year=2026&q=tm-dag", as: admin)
            #expect(register.text.contains("2026-12-17/2"))
            #expect(!register.text.contains("2026-12-17/1<"))
            let csv = try await app.get("/moter/vedtak.csv", as: admin)
            #expect(csv.text.contains("2026-12-17/1;Retningslinjene gjelder fra 1. april;guidelines;01.04.2027"))

            // Action items: a due day before the meeting is refused; reminders before the due day; the owner closes from the link.
            let early = try await app.postForm(
                "/moter/\(Self.lower(id))/action-item", ["title": "Kontakte Forbrukerombudet", "due": "2026-12-01"], as: admin)
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("Fristen kan ikke være før møtet"))
            let added = try await app.postForm(
                "/moter/\(Self.lower(id))/action-item",
                [
                    "title": "Kontakte Forbrukerombudet", "due": "2027-01-07", "owner_organisation": Self.lower(world.callCentre.id),
                    "owner_name": "Kari", "owner_email": "kari@alfa.test",
                ], as: admin)
            #expect(added.status == .seeOther, "\(added.text)")
            let api = try await app.api(.GET, "/api/v1/action-items?status=open", key: world.associationKey)
            #expect(api.status == .ok)
            let items = try #require(try api.json()["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(Set(items[0].keys) == ["id", "title", "owner_orgnr", "due", "status", "meeting_id"])
            #expect(items[0]["owner_orgnr"] as? String == world.callCentre.orgnr)
            #expect(items[0]["due"] as? String == "2027-01-07")
            #expect((items[0]["meeting_id"] as? String)?.lowercased() == Self.lower(id))
            #expect(try await app.api(.GET, "/api/v1/action-items", key: world.callCentreKey).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/action-items?status=later", key: world.associationKey).status == .unprocessableEntity)

            let beforeDue = OsloTime.instant(for: LocalDateTime(date: try LocalDate(year: 2026, month: 12, day: 31), time: try LocalTime(hour: 9)))
            #expect(try await Meetings.runReminders(app, now: beforeDue) == 1)
            _ = try await Meetings.runReminders(app, now: beforeDue.addingTimeInterval(3600))
            let reminders = try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey =~ "meeting-action-reminder:").all()
            #expect(reminders.count == 1, "each reminder once")
            let closeToken = try #require(Self.token(in: reminders[0].body, path: "/tiltak/"))
            #expect(try await app.get("/tiltak/\(closeToken)", as: .anonymous).status == .ok)
            let dropped = try await app.postForm("/tiltak/\(closeToken)", ["step": "drop"], as: .anonymous)
            #expect(dropped.status == .unprocessableEntity, "dropping needs a note")
            #expect(try await app.postForm("/tiltak/\(closeToken)", ["step": "done", "note": "Ringt 3. januar"], as: .anonymous).status == .seeOther)
            let done = try await app.api(.GET, "/api/v1/action-items?status=done", key: world.associationKey)
            #expect((try done.json()["items"] as? [[String: Any]])?.count == 1)

            // After the meeting the answer link is refused.
            clock.now = OsloTime.instant(for: LocalDateTime(date: try LocalDate(year: 2026, month: 12, day: 17), time: try LocalTime(hour: 13)))
            let late = try await app.postForm("/mote-svar/\(token)", ["answer": "no"], as: .anonymous)
            #expect(late.status == .conflict)
            #expect(late.text.contains("Møtet er over"))
        }
    }

    @Test("a meeting in the past is refused with the field named in both languages; the next meeting's agenda starts with the open action items")
    func badInputAndCarryOver() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.associationAdmin)
            let past = try await app.postForm(
                "/moter/ny", ["title": "For sent", "date": "01.11.2026", "time": "10:00", "duration": "60", "place": "Oslo"], as: admin)
            #expect(past.status == .unprocessableEntity)
            #expect(past.text.contains("Møtet kan ikke legges til et tidspunkt som har vært."))
            let english = try await app.postForm(
                "/moter/ny?lang=en", ["title": "Too late", "date": "01.11.2026", "time": "25:00", "duration": "60", "place": "Oslo"], as: admin)
            #expect(english.status == .unprocessableEntity)
            #expect(try await MeetingModel.query(on: app.db).count() == 0)
            // Not an organiser: a call centre cannot create meetings.
            #expect(try await app.get("/moter/ny", as: world.browser(.callCentreAdmin)).status == .forbidden)

            let first = try await Self.createMeeting(app, world)
            _ = try await Meetings.addActionItem(
                first, title: "Avklare skriftlig bekreftelse", ownerOrganisation: nil, ownerName: "Arbeidsgruppen", ownerEmail: "", due: "2027-02-01",
                app: app, now: testNow)
            let next = try await Self.createMeeting(app, world, title: "Oppfølgingsmøte")
            let agenda = try await MeetingAgendaItemModel.query(on: app.db).filter(\.$meetingID == next.requireID()).sort(\.$position).all()
            #expect(agenda.first?.title == "Oppfølging: Avklare skriftlig bekreftelse")
            #expect(agenda.count == 3)
        }
    }

    @Test("a poll: invitees mark proposed times from their link, the organiser picks one, which becomes the meeting and sends the invitations")
    func poll() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.associationAdmin)
            let created = try await app.postForm(
                "/moter/ny-avstemning",
                [
                    "title": "Nettverksmøte februar", "option_date_1": "2027-02-04", "option_time_1": "10:00", "option_date_2": "2027-02-05",
                    "option_time_2": "13:00", "duration": "120", "place": "Oslo", "org_" + Self.lower(world.callCentre.id): "on",
                ], as: admin)
            #expect(created.status == .seeOther, "\(created.text)")
            let meeting = try #require(try await MeetingModel.query(on: app.db).first())
            #expect(meeting.status == .proposed)
            let pollMail = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey =~ "meeting-poll:").filter(\.$recipient == "leder@alfa.test")
                    .first())
            let token = try #require(Self.token(in: pollMail.body, path: "/mote-svar/"))
            let options = try await MeetingPollOptionModel.query(on: app.db).sort(\.$position).all()
            let marked = try await app.postForm(
                "/mote-svar/\(token)",
                ["option_" + Self.lower(try options[0].requireID()): "no", "option_" + Self.lower(try options[1].requireID()): "yes"], as: .anonymous)
            #expect(marked.status == .seeOther, "\(marked.text)")
            let (poll, _, _) = try await Meetings.poll(try meeting.requireID(), on: app.db)
            #expect(poll.best == (try options[1].requireID()).uuidString)
            let picked = try await app.postForm(
                "/moter/\(Self.lower(try meeting.requireID()))/pick", ["option": Self.lower(try options[1].requireID())], as: admin)
            #expect(picked.status == .seeOther)
            let scheduled = try #require(try await MeetingModel.find(meeting.id, on: app.db))
            #expect(scheduled.status == .scheduled)
            #expect(scheduled.startLocal == "2027-02-05T13:00:00")
            let invitations = try await OutboxMessageModel.query(on: app.db).filter(\.$idempotencyKey =~ "meeting-invite:").count()
            #expect(invitations == 2)
        }
    }
}

@Suite("Meetings demo: the 17 December 2007 meeting")
struct MeetingDemoTests {
    @Test(
        "the demo has the meeting with eight attending organisations, decisions 2007-12-17/1–3, NORDMA's item done, three open items and a February poll"
    )
    func demo() async throws {
        try await withTestApp { app in
            _ = try await DemoSeeder.seed(app)
            let meeting = try #require(try await MeetingModel.query(on: app.db).filter(\.$startLocal == "2007-12-17T10:00:00").first())
            let attended = try await MeetingInviteeModel.query(on: app.db).filter(\.$meetingID == meeting.requireID()).filter(\.$attended == true)
                .count()
            #expect(attended == 8)
            let numbers = try await MeetingDecisionModel.query(on: app.db).sort(\.$sequence).all().map(\.number.description)
            #expect(numbers == ["2007-12-17/1", "2007-12-17/2", "2007-12-17/3"])
            let items = try await MeetingActionItemModel.query(on: app.db).all()
            #expect(items.filter { $0.status == .done }.map(\.ownerName) == ["NORDMA"])
            #expect(items.filter { $0.status == .open }.count == 3)
            let poll = try #require(try await MeetingModel.query(on: app.db).filter(\.$statusRaw == "proposed").first())
            #expect(try await MeetingPollOptionModel.query(on: app.db).filter(\.$meetingID == poll.requireID()).count() == 3)
        }
    }
}
