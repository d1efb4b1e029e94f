import Foundation
import Testing
@testable import TMNormCore

@Suite("Caller-ID rules by effective date")
struct CallerIDRuleTests {
    @Test(
        "hidden and unlisted numbers are allowed until 2017-12-31 and refused from 2018-01-01 (Oslo time)",
        arguments: [
            ("2017-12-31T23:59:59+01:00", CallerID.hidden, CallerIDReason.ok),
            ("2018-01-01T00:00:00+01:00", .hidden, .hiddenNumber),
            ("2017-12-31T23:59:59+01:00", .number("22 12 34 56", listedInDirectory: false), .ok),
            ("2018-01-01T00:00:00+01:00", .number("22 12 34 56", listedInDirectory: false), .unlistedNumber),
            ("2018-01-01T00:00:00+01:00", .number("22 12 34 56", listedInDirectory: true), .ok),
        ])
    func hiddenAndUnlisted(time: String, callerID: CallerID, reason: CallerIDReason) throws {
        let d = CallingRules.judgeCallerID(callerID, at: try at(time))
        #expect(d.reason == reason)
        #expect(d.allowed == (reason == .ok))
    }

    @Test(
        "ordinary mobile numbers are allowed until Nkom's guidance of November 2025 and refused from it",
        arguments: [
            ("2024-12-31T23:59:59+01:00", CallerIDReason.ok, "mfl-2018-01-01"),
            ("2025-01-01T00:00:00+01:00", .ok, "mfl-2018-01-01"),
            ("2025-10-31T23:59:59+01:00", .ok, "mfl-2018-01-01"),
            ("2025-11-01T00:00:00+01:00", .mobileNumber, "nkom-guidance-2025-11-01"),
        ])
    func mobile(time: String, reason: CallerIDReason, ruleSet: String) throws {
        let d = CallingRules.judgeCallerID(.number("+47 912 34 567", listedInDirectory: true), at: try at(time))
        #expect(d.reason == reason && d.ruleSetID == ruleSet)
        #expect(d.numberClass == .mobile)
    }

    @Test(
        "from 2025, 5-digit, 815 and landline numbers are allowed; other classes are refused",
        arguments: [
            ("02000", CallerIDNumberClass.fiveDigit, CallerIDReason.ok),
            ("815 12 345", .number815, .ok),
            ("22 12 34 56", .landline, .ok),
            ("73 12 34 56", .landline, .ok),
            ("800 12 345", .otherSpecial, .numberClassNotAllowed),
            ("113", .otherNorwegian, .numberClassNotAllowed),
            ("+46 8 123 456 78", .foreign, .numberClassNotAllowed),
            ("41234567", .mobile, .mobileNumber),
        ])
    func classes2025(number: String, cls: CallerIDNumberClass, reason: CallerIDReason) throws {
        let d = CallingRules.judgeCallerID(.number(number, listedInDirectory: true), at: try at("2026-12-01T12:00:00+01:00"))
        #expect(d.numberClass == cls)
        #expect(d.reason == reason)
    }

    @Test("a string that is not a phone number is refused at any time")
    func invalid() throws {
        for time in ["2010-01-01T12:00:00+01:00", "2026-12-01T12:00:00+01:00"] {
            let d = CallingRules.judgeCallerID(.number("not a number", listedInDirectory: true), at: try at(time))
            #expect(!d.allowed && d.reason == .invalidNumber)
            #expect(d.textEnglish.contains("not a valid phone number"))
        }
    }

    @Test("before 2009-06-01 the first recorded caller-ID version applies, marked not in force")
    func beforeLaw() throws {
        let d = CallingRules.judgeCallerID(.hidden, at: try at("2009-05-31T12:00:00+02:00"))
        #expect(d.allowed && !d.ruleSetInForce && d.ruleSetID == "mfl-2009-06-01-no-caller-id-rule")
    }

    @Test("a mobile caller ID in January–October 2025 is no breach, only a warning; before 2025 not even that")
    func mobileWarning() throws {
        let warned = CallingRules.judgeCallerID(.number("91234567", listedInDirectory: true), at: try at("2025-06-02T12:00:00+02:00"))
        #expect(warned.allowed)
        #expect(warned.warningEnglish?.contains("November 2025") == true)
        #expect(warned.warningNorwegian != nil)
        let before = CallingRules.judgeCallerID(.number("91234567", listedInDirectory: true), at: try at("2024-06-03T12:00:00+02:00"))
        #expect(before.allowed && before.warningEnglish == nil)
        let landline = CallingRules.judgeCallerID(.number("22123456", listedInDirectory: true), at: try at("2025-06-02T12:00:00+02:00"))
        #expect(landline.warningEnglish == nil)
    }

    @Test("an unlisted mobile number in 2025 is refused for being unlisted first")
    func unlistedFirst() throws {
        let d = CallingRules.judgeCallerID(.number("91234567", listedInDirectory: false), at: try at("2025-06-02T12:00:00+02:00"))
        #expect(d.reason == .unlistedNumber)
    }
}
