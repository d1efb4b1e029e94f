import Foundation
import Testing

@testable import TMNormCore

@Suite("May-call decisions combine every check and fail closed")
struct MayCallDeciderTests {
    static let tuesdayNoon = try! OsloTime.parseTimestamp("2026-12-01T12:00:00")
    static let saturdayNoon = try! OsloTime.parseTimestamp("2026-12-05T12:00:00")

    func facts(at: Date = tuesdayNoon, number: String = "91234567", reserved: Bool? = false) throws -> MayCallFacts {
        MayCallFacts(
            number: PhoneNumber.parse(number), callingTime: try CallingRules.decide(at: at), campaignActive: true,
            campaignWithinPeriod: true, hasValidWash: true, callerIDAllowed: true, reservedInRegister: reserved,
            onClientBlockList: false, onCallCentreBlockList: false)
    }

    @Test("an ordinary number at Tuesday noon in an active, washed campaign may be called")
    func allowed() throws {
        #expect(MayCallDecider.decide(try facts()) == MayCallVerdict(allowed: true, reasons: [.ok]))
    }

    @Test("a call on a Saturday is refused with the calling-time reason")
    func saturday() throws {
        #expect(MayCallDecider.decide(try facts(at: Self.saturdayNoon)).reasons == [.saturday])
    }

    @Test("every refusal is listed, not just the first")
    func allReasons() throws {
        var f = try facts(at: Self.saturdayNoon, reserved: true)
        f.onClientBlockList = true
        f.hasValidWash = false
        let verdict = MayCallDecider.decide(f)
        #expect(!verdict.allowed)
        #expect(Set(verdict.reasons) == [.saturday, .noValidWash, .clientBlockList, .reservedPhone])
    }

    @Test("a missing register, an unreadable block list or no calling-time answer refuses the call", arguments: [0, 1, 2, 3])
    func failClosed(_ which: Int) throws {
        var f = try facts()
        switch which {
        case 0: f.reservedInRegister = nil
        case 1: f.onClientBlockList = nil
        case 2: f.onCallCentreBlockList = nil
        default: f.callingTime = nil
        }
        let verdict = MayCallDecider.decide(f)
        #expect(!verdict.allowed)
        #expect(verdict.reasons.contains(.registerUnavailable) || verdict.reasons.contains(.checkFailed))
    }

    @Test("consent or an existing customer of the same category lifts the register, never a block list")
    func exemptions() throws {
        var f = try facts(reserved: true)
        f.consentToThisBusiness = true
        #expect(MayCallDecider.decide(f) == MayCallVerdict(allowed: true, reasons: [.ok, .exemptConsent]))
        f.consentToThisBusiness = false
        f.existingCustomerSameCategory = true
        #expect(MayCallDecider.decide(f) == MayCallVerdict(allowed: true, reasons: [.ok, .exemptExistingCustomer]))
        f.onClientBlockList = true
        #expect(MayCallDecider.decide(f).reasons == [.clientBlockList])
    }

    @Test("a voluntary organisation's campaign is stopped only by reservations covering voluntary organisations")
    func voluntary() throws {
        var f = try facts(reserved: true)
        f.campaignIsVoluntary = true
        #expect(MayCallDecider.decide(f).allowed)
        f.reservationCoversVoluntary = true
        #expect(MayCallDecider.decide(f).reasons == [.reservedPhone])
    }

    @Test("foreign, invalid and special numbers are refused", arguments: [
        ("+46 70 123 45 67", MayCallReason.foreignNumber), ("12", .invalidNumber), ("113", .specialNumber), ("80012345", .specialNumber),
    ])
    func numbers(_ raw: String, _ reason: MayCallReason) throws {
        #expect(MayCallDecider.decide(try facts(number: raw)).reasons == [reason])
    }

    @Test("an inactive campaign, one outside its period, or a forbidden caller ID refuses the call")
    func campaign() throws {
        var f = try facts()
        f.campaignActive = false
        f.campaignWithinPeriod = false
        f.callerIDAllowed = false
        #expect(MayCallDecider.decide(f).reasons == [.campaignNotActive, .campaignOutsidePeriod, .callerIDNotAllowed])
    }
}
