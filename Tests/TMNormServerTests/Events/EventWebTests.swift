import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Events: the public page, the calendar file and the association's pages")
struct EventWebTests {
    static let toolsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools")

    /// Runs a Python tool and returns its one JSON line, or nil when python3 or the package is missing.
    static func python(_ tool: String, _ arguments: [String]) throws -> (Int32, [String: Any]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", toolsDirectory.appendingPathComponent(tool).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? ["raw": String(decoding: data, as: UTF8.self)]
        return (process.terminationStatus, json)
    }

    static var icalendarAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import icalendar"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0 || ProcessInfo.processInfo.environment["CI"] != nil
    }

    @Test("the public page shows the programme as a timeline in both languages; the form registers without an account")
    func publicPage() async throws {
        try await withTestApp { app in
            try await EventFixtures.event(app)
            let page = try await app.get("/arrangementer/tm-dag-2027", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.text.contains("class=\"timeline\""))
            #expect(page.text.contains("Standard Norges standard for call- og kundesentre"))
            #expect(page.text.contains("15.04.2027 11:00–23:00"))
            #expect(page.text.contains("950,00 kr"))
            #expect(page.text.contains("Meld meg på"))
            let english = try await app.get("/arrangementer/tm-dag-2027?lang=en", as: .anonymous)
            #expect(english.text.contains("Programme") && english.text.contains("Register me") && english.text.contains("Lunch"))
            let list = try await app.get("/arrangementer", as: .anonymous)
            #expect(list.text.contains("/arrangementer/tm-dag-2027"))
            // when the form is sent
            let sent = try await app.postForm(
                "/arrangementer/tm-dag-2027",
                ["name": "Ola Nordmann", "email": "ola@example.no", "organisation": "Alfa", "dinner": "on", "diet": "glutenfri"], as: .anonymous)
            #expect(sent.status == .created, "\(sent.text)")
            #expect(sent.text.contains("Du er påmeldt"))
            let stored = try #require(try await EventRegistrationModel.query(on: app.db).first())
            #expect(stored.dinner && stored.diet == "glutenfri" && stored.status == .confirmed)
            // a bad address comes back with the message by the field, and what was typed kept
            let bad = try await app.postForm("/arrangementer/tm-dag-2027", ["name": "Per", "email": "per@"], as: .anonymous)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("er ikke en gyldig e-postadresse"))
            #expect(bad.text.contains("value=\"Per\""))
            // the registration's own page cancels with its token, once
            let cancelPath = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "ola@example.no").first()?.body
                    .components(separatedBy: "http://tmnorm.test").dropFirst().first?.components(separatedBy: "\n").first)
            let own = try await app.get(cancelPath, as: .anonymous)
            #expect(own.status == .ok && own.text.contains("Bekreftet"))
            let token = String(cancelPath.split(separator: "=").last ?? "")
            let path = String(cancelPath.split(separator: "?").first ?? "")
            let cancelled = try await app.postForm(path, ["token": token], as: .anonymous)
            #expect(cancelled.status == .ok && cancelled.text.contains("Du er meldt av"))
            let twice = try await app.postForm(path, ["token": token], as: .anonymous)
            #expect(twice.status == .conflict && twice.text.contains("allerede avmeldt"))
        }
    }

    @Test(
        "GET /arrangementer/SLUG.ics is a valid RFC 5545 calendar: the icalendar package reads every slot in Europe/Oslo",
        .enabled(if: icalendarAvailable, "needs python3 with icalendar (pip install icalendar)"))
    func calendarFile() async throws {
        try await withTestApp { app in
            try await EventFixtures.event(app)
            let response = try await app.get("/arrangementer/tm-dag-2027.ics", as: .anonymous)
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-\(UUID().uuidString).ics")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(response.body.readableBytesView).write(to: file)
            let (code, parsed) = try Self.python("ics_check.py", [file.path])
            #expect(code == 0, "\(parsed)")
            let events = try #require(parsed["events"] as? [[String: Any]])
            #expect(events.count == DemoEvents.programme.count)
            #expect(parsed["timezones"] as? [String] == ["Europe/Oslo"])
            #expect((parsed["longest_line"] as? Int ?? 99) <= 75)
            #expect(parsed["crlf"] as? Bool == true)
            let lunch = try #require(events.first)
            #expect(lunch["start"] as? String == "2027-04-15T11:00:00+02:00", "summer time in April")
            #expect(lunch["tzid"] as? String == "Europe/Oslo")
            #expect(events.contains { ($0["summary"] as? String)?.contains("Standard Norges standard") == true })
            #expect(events.last?["start"] as? String == "2027-04-15T18:00:00+02:00")
            // the confirmation's attachment parses too: one entry for the day with the programme
            _ = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Kari", "kari@example.no"))
            let mail = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "kari@example.no").first())
            try Data((mail.attachmentBody ?? "").utf8).write(to: file)
            let (_, attached) = try Self.python("ics_check.py", [file.path])
            let day = try #require((attached["events"] as? [[String: Any]])?.first)
            #expect(day["start"] as? String == "2027-04-15T11:00:00+02:00" && day["end"] as? String == "2027-04-15T23:00:00+02:00")
            #expect((day["description"] as? String)?.contains("12:00–12:30 Åpning") == true)
        }
    }

    @Test("an administrator creates an event and its programme; bad values come back by field")
    func administration() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let admin = world.browser(.associationAdmin)
            let created = try await app.postForm(
                "/events",
                [
                    "title": "TM-dag", "day": "2027-04-15", "start_time": "11:00", "end_time": "23:00", "venue": "Oslo", "capacity": "120",
                    "dinner_capacity": "80", "deadline": "2027-04-01", "member_price": "0", "non_member_price": "950", "published": "on",
                ], as: admin)
            #expect(created.status == .seeOther, "\(created.text)")
            let event = try #require(try await EventModel.query(on: app.db).first())
            #expect(event.slug == "tm-dag-2027" && event.nonMemberPrice == 95_000 && event.published)
            let id = try event.requireID().uuidString.lowercased()
            let slot = try await app.postForm(
                "/events/\(id)/slots", ["start": "11:00", "end": "12:00", "title": "Lunsj", "speaker": "", "kind": "lunch"], as: admin)
            #expect(slot.status == .seeOther)
            let overlap = try await app.postForm(
                "/events/\(id)/slots", ["start": "11:30", "end": "12:30", "title": "Innlegg", "speaker": "", "kind": "talk"], as: admin)
            #expect(overlap.status == .unprocessableEntity)
            #expect(overlap.text.contains("overlapper"))
            let bad = try await app.postForm(
                "/events",
                [
                    "title": "X", "day": "2027-04-15", "start_time": "11:00", "end_time": "10:00", "venue": "Oslo", "capacity": "10",
                    "dinner_capacity": "20", "deadline": "2027-04-01", "member_price": "gratis",
                ], as: admin)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("må være etter start") && bad.text.contains("skriv beløpet i kroner"))
            // a call-centre administrator is not an organiser: not found, and may not create
            let tenant = world.browser(.callCentreAdmin)
            #expect(try await app.get("/events/\(id)", as: tenant).status == .notFound)
            #expect(try await app.postForm("/events", ["title": "X"], as: tenant).status == .forbidden)
            // given the organiser's role for this event, the working group's member runs it
            let given = try await app.postForm("/events/\(id)/organisers", ["email": "leder@alfa.test"], as: admin)
            #expect(given.status == .seeOther)
            #expect(try await app.get("/events/\(id)", as: tenant).status == .ok)
            #expect(try await app.get("/events/\(id)/participants", as: tenant).status == .ok)
            // but cannot hand out the role
            #expect(try await app.postForm("/events/\(id)/organisers", ["email": "selger@alfa.test"], as: tenant).status == .forbidden)
        }
    }

    @Test("participants: search and filters, CSV with ; and a byte-order mark, dietary report for the dinner only, badges")
    func participants() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let event = try await EventFixtures.event(app, capacity: 3, dinner: 2)
            let id = try event.requireID().uuidString.lowercased()
            for (name, dinner, diet) in [
                ("Anne Dahl", true, "Vegetar"), ("Bjørn Lie", true, "vegetar"), ("Cato Moe", false, "glutenfri"), ("Dina Ås", true, ""),
            ] {
                _ = try await app.registerForEvent(
                    "tm-dag-2027",
                    EventFixtures.body(
                        name,
                        name.lowercased().replacingOccurrences(of: " ", with: ".").replacingOccurrences(of: "ø", with: "o").replacingOccurrences(
                            of: "å", with: "a") + "@example.no", dinner: dinner, diet: diet))
            }
            let admin = world.browser(.associationAdmin)
            let searched = try await app.get("/events/\(id)/participants?q=lie", as: admin)
            #expect(searched.text.contains("Bjørn Lie") && !searched.text.contains("Anne Dahl"))
            let waiting = try await app.get("/events/\(id)/participants?status=waitlisted", as: admin)
            #expect(waiting.text.contains("Dina Ås") && !waiting.text.contains("Cato Moe"))
            let csv = try await app.get("/events/\(id)/participants.csv", as: admin)
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let bytes = Array(csv.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark for Excel")
            #expect(csv.text.contains("Nr;Navn;E-post;Organisasjon;Status"))
            #expect(csv.text.contains("Bjørn Lie;bjorn.lie@example.no;UniCall AS;bekreftet;ja;vegetar"))
            let diets = try await app.get("/events/\(id)/diets", as: admin)
            // Cato is not at the dinner, Dina waits: only Anne's and Bjørn's vegetarian count
            #expect(diets.text.contains("<td>vegetar</td><td>2</td>"), "\(diets.text)")
            #expect(!diets.text.contains("glutenfri"))
            let badges = try await app.get("/events/\(id)/badges", as: admin)
            #expect(badges.text.contains("class=\"badge-name\">Anne Dahl") && !badges.text.contains("Dina Ås"))
        }
    }

    @Test("the door: search by name, mark arrived, undo, and the live count")
    func checkIn() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let event = try await EventFixtures.event(app)
            let id = try event.requireID().uuidString.lowercased()
            _ = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Anne Dahl", "anne@example.no"))
            _ = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Bjørn Lie", "bjorn@example.no"))
            let admin = world.browser(.associationAdmin)
            let page = try await app.get("/events/\(id)/check-in?q=anne", as: admin)
            #expect(page.text.contains("Anne Dahl") && !page.text.contains("Bjørn Lie"))
            let anne = try #require(try await EventRegistrationModel.query(on: app.db).filter(\.$name == "Anne Dahl").first()?.requireID())
            let arrived = try await app.postForm(
                "/events/\(id)/check-in", ["registration": anne.uuidString, "action": "arrive", "q": "anne"], as: admin)
            #expect(arrived.status == .seeOther)
            var count = try await app.get("/events/\(id)/check-in/count", as: admin)
            #expect(try count.json()["arrived"] as? Int == 1 && (try count.json()["confirmed"] as? Int) == 2)
            _ = try await app.postForm("/events/\(id)/check-in", ["registration": anne.uuidString, "action": "undo"], as: admin)
            count = try await app.get("/events/\(id)/check-in/count", as: admin)
            #expect(try count.json()["arrived"] as? Int == 0)
            let unknown = try await app.postForm("/events/\(id)/check-in", ["registration": UUID().uuidString, "action": "arrive"], as: admin)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("recruitment: each member's ?via=CODE link counts in the league table; the reminder goes to members that brought no one")
    func recruitment() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let event = try await EventFixtures.event(app, deadline: "2026-12-10")
            let eventID = try event.requireID()
            try await EventInvitations.ensure(for: eventID, app: app, on: app.db)
            let alfa = try #require(
                try await EventInvitationModel.query(on: app.db).filter(\.$organisationID == world.callCentre.id).first()?.code)
            let page = try await app.get("/arrangementer/tm-dag-2027?via=\(alfa.lowercased())", as: .anonymous)
            #expect(page.text.contains("name=\"via\" value=\"\(alfa)\""))
            _ = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Anne", "anne@example.no", via: alfa))
            _ = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Bo", "bo@example.no", via: alfa))
            let table = try await app.get("/events/\(eventID.uuidString.lowercased())/recruitment", as: world.browser(.associationAdmin))
            #expect(table.text.contains("<td>Alfa Callsenter</td><td>2</td><td>0</td><td>0</td>"), "\(table.text)")
            #expect(table.text.contains("?via=\(alfa)"))
            // the deadline 10 December is within two weeks of 30 November: Beta brought no one and is reminded, once
            let sent = try await EventInvitations.remind(app, now: testNow)
            #expect(sent == 1)
            #expect(try await EventInvitations.remind(app, now: testNow) == 0)
            let reminders = try await OutboxMessageModel.query(on: app.db).all().filter { $0.idempotencyKey.hasPrefix("event-reminder:") }
            #expect(reminders.map(\.recipient) == ["leder@beta.test"])
        }
    }

    @Test("after the day those who came get the feedback form; scores per slot are averaged")
    func feedback() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            let event = try await EventFixtures.event(app)
            let eventID = try event.requireID()
            _ = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Anne", "anne@example.no"))
            let registration = try #require(try await EventRegistrationModel.query(on: app.db).first())
            // move the day into the past
            event.day = "2026-11-20"
            event.deadline = "2026-11-10"
            try await event.save(on: app.db)
            let admin = world.browser(.associationAdmin)
            let sent = try await app.postForm("/events/\(eventID.uuidString.lowercased())/feedback", [:], as: admin)
            #expect(sent.status == .seeOther)
            let mail = try #require(
                try await OutboxMessageModel.query(on: app.db).filter(
                    \.$idempotencyKey == "event-feedback:\(try registration.requireID().uuidString.lowercased())"
                ).first())
            let link = try #require(mail.body.components(separatedBy: "http://tmnorm.test").dropFirst().first?.components(separatedBy: "\n").first)
            #expect(try await app.get(link, as: .anonymous).status == .ok)
            let slot = try #require(try await EventService.slots(of: eventID, on: app.db).first?.requireID())
            let token = String(link.split(separator: "=").last ?? "")
            let answered = try await app.postForm(
                String(link.split(separator: "?").first ?? ""),
                ["token": token, "score-\(slot.uuidString.lowercased())": "4", "score-day": "5", "comment": "Nyttig dag"], as: .anonymous)
            #expect(answered.status == .ok && answered.text.contains("Takk for tilbakemeldingen"), "\(answered.status) \(answered.text.prefix(3000))")
            let results = try await app.get("/events/\(eventID.uuidString.lowercased())/feedback", as: admin)
            #expect(results.text.contains("<td>4,0</td>") && results.text.contains("<td>5,0</td>") && results.text.contains("Nyttig dag"))
        }
    }
}
