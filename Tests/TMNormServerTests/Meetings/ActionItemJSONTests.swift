import Foundation
import Testing

@testable import TMNormServer

@Suite("Meetings API: the action item's JSON")
struct ActionItemJSONTests {
    @Test("an action item owned by a person outside any organisation has owner_orgnr null, not a missing key (schemathesis found it)")
    func ownerWithoutOrganisation() throws {
        let item = MeetingAPIRoutes.ActionItemDTO(
            id: UUID(), title: "Kontakte Forbrukerombudet", owner_orgnr: nil, due: "2008-01-07", status: "open", meeting_id: UUID())
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(item)) as? [String: Any])
        #expect(Set(json.keys) == ["id", "title", "owner_orgnr", "due", "status", "meeting_id"])
        #expect(json["owner_orgnr"] is NSNull)
    }
}
