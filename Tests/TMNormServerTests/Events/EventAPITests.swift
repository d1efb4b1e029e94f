import Fluent
import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Events: registration, waiting list and cancellation through the API")
struct EventAPITests {
    @Test("a registration is confirmed with its two links; the status link reads it; the confirmation e-mail carries the .ics")
    func register() async throws {
        try await withTestApp { app in
            // given an open TM-dag
            try await EventFixtures.event(app)
            // when someone registers
            let response = try await app.registerForEvent(
                "tm-dag-2027", EventFixtures.body("Kari Nordmann", "Kari@Example.no", dinner: true, diet: "vegetar"))
            // then it is confirmed, with a status and a cancel link
            #expect(response.status == .created, "\(response.text)")
            let json = try response.json()
            #expect(json["status"] as? String == "confirmed")
            let statusURL = try #require(json["status_url"] as? String)
            let cancelURL = try #require(json["cancel_url"] as? String)
            #expect(statusURL.hasPrefix("http://tmnorm.test/api/v1/events/tm-dag-2027/registrations/"))
            #expect(statusURL.contains("token=") && cancelURL.contains("/cancel?token="))
            let status = try await app.api(.GET, app.pathOf(statusURL), key: nil)
            #expect(try status.json()["status"] as? String == "confirmed")
            // a wrong token is not found
            let guessed = try await app.api(.GET, app.pathOf(statusURL).replacingOccurrences(of: "token=", with: "token=x"), key: nil)
            #expect(guessed.status == .notFound)
            // tokens are hashed at rest
            let stored = try #require(try await EventRegistrationModel.query(on: app.db).first())
            let token = String(statusURL.split(separator: "=").last ?? "")
            #expect(stored.statusTokenHash == TokenGenerator.hash(token) && stored.statusTokenHash != token)
            #expect(stored.email == "Kari@example.no")
            // the confirmation went to the outbox with the calendar attached
            let mail = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "Kari@example.no").first())
            #expect(mail.kind == .email)
            #expect(mail.attachmentName == "tm-dag-2027.ics")
            #expect(mail.attachmentBody?.contains("BEGIN:VCALENDAR") == true)
            #expect(mail.body.contains("/arrangementer/tm-dag-2027/pamelding/"))
        }
    }

    @Test("past the capacity registrations wait in order; a cancellation confirms the first waiting and tells them at once")
    func waitingList() async throws {
        try await withTestApp { app in
            try await EventFixtures.event(app, capacity: 2, dinner: 2)
            var links: [String: [String: Any]] = [:]
            for name in ["Anne", "Bjørn", "Cecilie", "Dag"] {
                let response = try await app.registerForEvent(
                    "tm-dag-2027", EventFixtures.body(name, "\(name.lowercased())@example.no".replacingOccurrences(of: "ø", with: "o")))
                links[name] = try response.json()
            }
            #expect(links["Anne"]?["status"] as? String == "confirmed")
            #expect(links["Bjørn"]?["status"] as? String == "confirmed")
            #expect(links["Cecilie"]?["status"] as? String == "waitlisted")
            #expect(links["Dag"]?["status"] as? String == "waitlisted")
            // when Anne cancels
            let cancel = try #require(links["Anne"]?["cancel_url"] as? String)
            let cancelled = try await app.api(.POST, app.pathOf(cancel), key: nil)
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            #expect(try cancelled.json()["status"] as? String == "cancelled")
            // then Cecilie (first waiting) is confirmed and told; Dag still waits
            let cecilie = try await app.api(.GET, app.pathOf(try #require(links["Cecilie"]?["status_url"] as? String)), key: nil)
            #expect(try cecilie.json()["status"] as? String == "confirmed")
            let dag = try await app.api(.GET, app.pathOf(try #require(links["Dag"]?["status_url"] as? String)), key: nil)
            #expect(try dag.json()["status"] as? String == "waitlisted")
            let told = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "cecilie@example.no").all()
            #expect(told.contains { $0.idempotencyKey.hasPrefix("event-promoted:") && $0.attachmentName != nil })
            // the cancel link used twice is refused clearly
            let again = try await app.api(.POST, app.pathOf(cancel), key: nil)
            #expect(again.status == .conflict)
            #expect(again.text.contains("already-cancelled") && again.text.contains("allerede avmeldt"))
            // the list shows the seats left
            let list = try await app.api(.GET, "/api/v1/events", key: nil)
            let events = try #require(try list.json()["items"] as? [[String: Any]])
            #expect(events.count == 1)
            #expect(events.first?["slug"] as? String == "tm-dag-2027")
            #expect(events.first?["capacity"] as? Int == 2 && events.first?["dinner_capacity"] as? Int == 2)
            #expect(events.first?["seats_left"] as? Int == 0)
            #expect(events.first?["starts_at"] as? String == "2027-04-15T09:00:00Z")
        }
    }

    @Test("the dinner has its own capacity: a dinner guest waits while a day guest is seated")
    func dinnerCapacity() async throws {
        try await withTestApp { app in
            try await EventFixtures.event(app, capacity: 5, dinner: 1)
            let first = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("A", "a@example.no", dinner: true))
            let second = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("B", "b@example.no", dinner: true))
            let third = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("C", "c@example.no", dinner: false))
            #expect(try first.json()["status"] as? String == "confirmed")
            #expect(try second.json()["status"] as? String == "waitlisted")
            #expect(try third.json()["status"] as? String == "confirmed")
        }
    }

    @Test("bad input: invalid e-mail, overlong field, unknown event, bad JSON, after the deadline, past event, duplicate address")
    func badInput() async throws {
        try await withTestApp { app in
            try await EventFixtures.event(app)
            try await EventFixtures.event(app, slug: "closed-2026", day: "2026-12-10", deadline: "2026-11-20")
            try await EventFixtures.event(app, slug: "tm-dag-2008", day: "2008-04-10", deadline: "2008-03-28")
            let invalid = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Kari", "kari@"))
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("\"field\":\"email\""), "\(invalid.text)")
            let long = try await app.registerForEvent("tm-dag-2027", EventFixtures.body(String(repeating: "K", count: 201), "k@example.no"))
            #expect(long.status == .unprocessableEntity)
            #expect(long.text.contains("at most 200 characters"))
            // Norwegian for a Norwegian client
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .acceptLanguage, value: "nb")
            let norwegian = try await app.testing().sendRequest(
                .POST, "/api/v1/events/tm-dag-2027/registrations", headers: headers,
                body: ByteBuffer(string: EventFixtures.body("Kari", "kari@example", diet: String(repeating: "x", count: 501))))
            #expect(norwegian.text.contains("for langt") && norwegian.text.contains("e-postadresse"), "\(norwegian.text)")
            let unknown = try await app.registerForEvent("finnes-ikke", EventFixtures.body("Kari", "kari@example.no"))
            #expect(unknown.status == .notFound)
            let broken = try await app.registerForEvent("tm-dag-2027", "{\"name\": ")
            #expect(broken.status == .badRequest)
            let late = try await app.registerForEvent("closed-2026", EventFixtures.body("Kari", "kari@example.no"))
            #expect(late.status == .conflict)
            #expect(late.text.contains("registration-closed"))
            let past = try await app.registerForEvent("tm-dag-2008", EventFixtures.body("Kari", "kari@example.no"))
            #expect(past.status == .conflict)
            #expect(past.text.contains("event-past"))
            // the same address twice: the first registration, no second seat
            let first = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Kari", "kari@example.no"))
            let second = try await app.registerForEvent("tm-dag-2027", EventFixtures.body("Kari N.", "KARI@example.no"))
            #expect(first.status == .created && second.status == .ok)
            #expect(try first.json()["id"] as? String == (try second.json()["id"] as? String))
            #expect(try second.json()["status_url"] == nil, "the links are not handed to whoever knows the address")
            #expect(try await EventRegistrationModel.query(on: app.db).count() == 1)
        }
    }

    @Test("twenty people race for the last seat: exactly one gets it, nobody is lost, no seat counted twice")
    func seatRace() async throws {
        try await withTestApp { app in
            try await EventFixtures.event(app, capacity: 1, dinner: 1)
            let statuses = try await withThrowingTaskGroup(of: (UInt, String).self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let response = try await app.registerForEvent(
                            "tm-dag-2027", EventFixtures.body("Person \(index)", "p\(index)@example.no", dinner: true))
                        return (response.status.code, (try? response.json()["status"] as? String) ?? response.text)
                    }
                }
                return try await group.reduce(into: [(UInt, String)]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0.0 == 201 }, "\(statuses)")
            #expect(statuses.filter { $0.1 == "confirmed" }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0.1 == "waitlisted" }.count == 19)
            let stored = try await EventRegistrationModel.query(on: app.db).all()
            #expect(stored.count == 20)
            #expect(Set(stored.map(\.sequence)).count == 20, "each in its own place in the queue")
            #expect(stored.filter { $0.status == .confirmed }.count == 1)
        }
    }
}
