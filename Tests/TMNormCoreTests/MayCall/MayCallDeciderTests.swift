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
            onClientBlockList: false, onCallCentreBlockList: false, personCheck: .washed)
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

    @Test(
        "foreign, invalid and special numbers are refused",
        arguments: [
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

    // MARK: The person behind the number (issue 12, rule 1)

    @Test(
        "a number is allowed only when a valid wash cleared it or the person given is not reserved",
        arguments: [
            (MayCallPersonCheck.washed, true, [MayCallReason.ok]),
            (.person(reserved: false, coversVoluntary: false), true, [.ok]),
            (.person(reserved: true, coversVoluntary: false), false, [.reservedPerson]),
            (.unchecked, false, [.notInValidWash]),
        ])
    func personCheck(_ check: MayCallPersonCheck, _ allowed: Bool, _ reasons: [MayCallReason]) throws {
        var f = try facts()
        f.personCheck = check
        #expect(MayCallDecider.decide(f) == MayCallVerdict(allowed: allowed, reasons: reasons))
    }

    @Test("a person given with the question needs no wash; a number never washed in a campaign without washes gets both reasons")
    func noWash() throws {
        var f = try facts()
        f.hasValidWash = false
        f.personCheck = .person(reserved: false, coversVoluntary: false)
        #expect(MayCallDecider.decide(f).allowed)
        f.personCheck = .unchecked
        #expect(Set(MayCallDecider.decide(f).reasons) == [.noValidWash, .notInValidWash])
    }

    @Test("consent or an existing customer lifts the register for an unchecked or reserved person, never a block list")
    func exemptionsForPersons() throws {
        var f = try facts()
        f.personCheck = .unchecked
        f.consentToThisBusiness = true
        #expect(MayCallDecider.decide(f) == MayCallVerdict(allowed: true, reasons: [.ok, .exemptConsent]))
        f.personCheck = .person(reserved: true, coversVoluntary: true)
        f.consentToThisBusiness = false
        f.existingCustomerSameCategory = true
        #expect(MayCallDecider.decide(f) == MayCallVerdict(allowed: true, reasons: [.ok, .exemptExistingCustomer]))
        f.onClientBlockList = true
        #expect(MayCallDecider.decide(f).reasons == [.clientBlockList])
    }

    @Test("a voluntary organisation's campaign is stopped only by a person's reservation that covers it")
    func voluntaryPerson() throws {
        var f = try facts()
        f.campaignIsVoluntary = true
        f.personCheck = .person(reserved: true, coversVoluntary: false)
        #expect(MayCallDecider.decide(f).allowed)
        f.personCheck = .person(reserved: true, coversVoluntary: true)
        #expect(MayCallDecider.decide(f).reasons == [.reservedPerson])
    }
}
