import Foundation
import Testing

@testable import TMNormCore

@Suite("Complaint intake rules")
struct ComplaintRulesTests {
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    func draft() -> ComplaintDraft {
        ComplaintDraft(
            businessOrgnr: "948 757 494", number: "+47 912 34 567", calledAt: now.addingTimeInterval(-3600), reasons: ["reserved", "pressure"],
            offerCode: "k7m2qx", text: "  De ringte meg selv om jeg er reservert.  ", contactName: "Kari", contactEmail: "kari@example.no")
    }

    @Test("a complete draft passes: numbers read, reasons in order without repeats, the code upper-cased, text trimmed")
    func valid() throws {
        var d = draft()
        d.reasons = ["reserved", "PRESSURE", "reserved"]
        let intake = try ComplaintRules.check(d, now: now).get()
        #expect(intake.businessOrgnr?.digits == "948757494")
        #expect(intake.number.national == "91234567")
        #expect(intake.reasons == [.reserved, .pressure])
        #expect(intake.offerCode == "K7M2QX")
        #expect(intake.text == "De ringte meg selv om jeg er reservert.")
    }

    @Test("a business by name only is enough; neither number nor name is a problem on business_name")
    func business() throws {
        var d = draft()
        d.businessOrgnr = nil
        d.businessName = "Ukjent Salg AS"
        #expect(try ComplaintRules.check(d, now: now).get().businessName == "Ukjent Salg AS")
        d.businessName = "  "
        #expect(fields(d) == ["business_name"])
        d.businessOrgnr = "123456789"
        #expect(kinds(d).contains { if case .invalidOrganisationNumber = $0 { true } else { false } })
    }

    @Test("every problem is reported at once, by field")
    func allProblems() {
        let d = ComplaintDraft(
            number: "+46 70 123 45 67", calledAt: now.addingTimeInterval(3600), reasons: ["reserved", "spam"], offerCode: "ABC",
            text: String(repeating: "x", count: 5_001), contactEmail: "not an address")
        #expect(Set(fields(d)) == ["business_name", "number", "called_at", "reasons", "offer_code", "text", "contact.email"])
    }

    @Test("time: up to five minutes ahead is now; further ahead is the future; older than three years is too old; none is required")
    func time() {
        var d = draft()
        d.calledAt = now.addingTimeInterval(299)
        #expect(fields(d).isEmpty)
        d.calledAt = now.addingTimeInterval(301)
        #expect(kinds(d) == [.inTheFuture])
        d.calledAt = now.addingTimeInterval(-Double(ComplaintRules.maxAgeDays + 1) * 86_400)
        #expect(kinds(d) == [.tooOld(maxDays: ComplaintRules.maxAgeDays)])
        d.calledAt = nil
        #expect(kinds(d) == [.required])
    }

    @Test("the consumer must be reachable by e-mail or phone; a foreign contact number is refused")
    func contact() {
        var d = draft()
        d.contactEmail = nil
        #expect(kinds(d) == [.noWayToReach])
        d.contactPhone = "+46 70 123 45 67"
        #expect(kinds(d) == [.foreignNumber])
        d.contactPhone = "412 34 567"
        #expect(fields(d).isEmpty)
    }

    @Test("hostile input never traps: combining marks, other scripts, empty and huge fields")
    func hostile() {
        for text in ["9\u{301}1234567", "٩١٢٣٤٥٦٧٨", "", String(repeating: "9", count: 10_000), "+47\u{0}91234567"] {
            var d = draft()
            d.number = text
            d.offerCode = text
            d.businessOrgnr = text
            _ = ComplaintRules.check(d, now: now)
        }
    }

    @Test("references read out well: K-year-six characters from the unambiguous alphabet")
    func reference() {
        var rng = SystemRandomNumberGenerator()
        let reference = ComplaintReference.make(year: 2026, using: &rng)
        #expect(reference.hasPrefix("K-2026-"))
        #expect(reference.count == 13)
        #expect(reference.dropFirst(7).allSatisfy { OfferSecretGenerator.codeAlphabet.contains($0) })
    }

    @Test("facts encode with the API's keys; unknown carries its reason")
    func factsJSON() throws {
        let facts = ComplaintFacts(
            reservedAtCall: .known(true, source: "register:reg-1"), withinCallingHours: .known(true, source: "rules:mfl"),
            decisionLogged: .known(false, source: "decisions"), inValidWash: .unknown("no_campaign"),
            onBlockList: .known(false, source: "block-lists"),
            writtenAcceptance: .unknown("no_sale"), callerIDAllowed: .unknown("no_campaign"))
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(facts)) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "reserved_at_call", "within_calling_hours", "decision_logged", "in_valid_wash", "on_block_list", "written_acceptance",
                "caller_id_allowed",
            ])
        let wash = try #require(json["in_valid_wash"] as? [String: Any])
        #expect(wash["reason"] as? String == "no_campaign")
        #expect(wash.keys.contains("value") && wash["value"] is NSNull, "unknown is an explicit null")
    }

    private func fields(_ d: ComplaintDraft) -> [String] {
        switch ComplaintRules.check(d, now: now) {
        case .success: []
        case .failure(let problems): problems.problems.map(\.field)
        }
    }

    private func kinds(_ d: ComplaintDraft) -> [ComplaintProblem.Kind] {
        switch ComplaintRules.check(d, now: now) {
        case .success: []
        case .failure(let problems): problems.problems.map(\.kind)
        }
    }
}
