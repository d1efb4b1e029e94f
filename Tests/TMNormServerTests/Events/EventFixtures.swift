import Fluent
import Foundation
import TMNormCore
import Vapor
import VaporTesting

@testable import TMNormServer

/// Events for the tests: an open TM-dag with the minutes' programme, by default in April after `testNow`.
enum EventFixtures {
    @discardableResult
    static func event(
        _ app: Application, id: UUID? = nil, slug: String = "tm-dag-2027", day: String = "2027-04-15", deadline: String = "2027-04-01",
        capacity: Int = 10,
        dinner: Int = 5, published: Bool = true
    ) async throws -> EventModel {
        let event = EventModel()
        event.id = id
        event.slug = slug
        event.title = "TM-dag 2027"
        event.day = day
        event.startTime = "11:00"
        event.endTime = "23:00"
        event.startsAt = OsloTime.instant(for: LocalDateTime(date: try LocalDate(parsing: day), time: try LocalTime(hour: 11)))
        event.venue = "Oslo Kongressenter, Oslo"
        event.details = "Bransjedagen"
        event.capacity = capacity
        event.dinnerCapacity = dinner
        event.deadline = deadline
        event.memberPrice = 0
        event.nonMemberPrice = 95_000
        event.published = published
        event.nextSequence = 1
        event.createdAt = testNow
        try await event.create(on: app.db)
        try await DemoEvents.slots(try event.requireID(), on: app.db)
        return event
    }

    static func body(
        _ name: String, _ email: String, dinner: Bool = false, diet: String = "", via: String? = nil, organisation: String = "UniCall AS"
    )
        -> String
    {
        var object: [String: Any] = ["name": name, "email": email, "organisation": organisation, "dinner": dinner, "diet": diet]
        if let via { object["via"] = via }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}

extension Application {
    /// `POST /api/v1/events/SLUG/registrations` without a key.
    func registerForEvent(_ slug: String, _ body: String) async throws -> TestingHTTPResponse {
        try await api(.POST, "/api/v1/events/\(slug)/registrations", key: nil, json: body)
    }

    /// The path and query of an absolute URL from the API.
    func pathOf(_ url: String) -> String {
        guard let range = url.range(of: "/api/") else { return url }
        return String(url[range.lowerBound...])
    }
}
