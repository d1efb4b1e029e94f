import Foundation
import Testing
@testable import TMNormCore

@Suite("Withdrawal deadline")
struct WithdrawalDeadlineTests {
    static func day(_ s: String) -> LocalDate { (try? LocalDate(parsing: s)) ?? LocalDate(daysSinceEpoch: 0) }
    static func instant(_ s: String) -> Date { (try? OsloTime.parseTimestamp(s)) ?? .distantPast }

    static let table: [(start: String, lastDay: String, why: String)] = [
        ("2026-06-01", "2026-06-15", "14 days after a Monday is a Monday: unchanged"),
        ("2026-06-06", "2026-06-22", "ends on Saturday 20 June: moves to Monday"),
        ("2026-06-07", "2026-06-22", "ends on Sunday 21 June: moves to Monday"),
        ("2026-03-19", "2026-04-07", "ends on Maundy Thursday: Easter runs to Tuesday 7 April"),
        ("2027-05-03", "2027-05-18", "ends on 17 May (also Whit Monday 2027): moves to Tuesday"),
        ("2026-04-17", "2026-05-04", "ends on 1 May 2026 (Friday): moves past the weekend to Monday"),
        ("2026-12-10", "2026-12-28", "ends on Christmas Eve: 24, 25, 26, 27 December are not working days"),
        ("2026-12-17", "2027-01-04", "ends on New Year's Eve: 1 January and the weekend follow"),
        ("2026-02-14", "2026-03-02", "February has 28 days in 2026: 28 Feb is a Saturday, so Monday 2 March"),
    ]

    @Test("the last day is 14 days after the start, moved past weekends and holidays", arguments: table)
    func lastDay(_ row: (start: String, lastDay: String, why: String)) {
        let deadline = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day(row.start))
        #expect(deadline.lastDay == Self.day(row.lastDay), "\(row.why)")
        #expect(deadline.unadjustedLastDay == Self.day(row.start).adding(days: 14))
        #expect(deadline.wasMovedToWorkingDay == (deadline.lastDay != deadline.unadjustedLastDay))
    }

    @Test("with the policy flag off a deadline on a Saturday stays on Saturday")
    func flagOff() {
        var policy = WithdrawalPolicy()
        policy.extendToNextWorkingDay = false
        let deadline = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-06-06"), policy: policy)
        #expect(deadline.lastDay == Self.day("2026-06-20"))
    }

    @Test("Christmas Eve ends a deadline when the policy does not list it as non-working")
    func specialDaysArePolicy() {
        var policy = WithdrawalPolicy()
        policy.nonWorkingSpecialDays = []
        let deadline = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-12-10"), policy: policy)
        #expect(deadline.lastDay == Self.day("2026-12-24"))
    }

    @Test("a longer period from the policy is used as given")
    func longerPeriod() {
        var policy = WithdrawalPolicy()
        policy.periodDays = 30
        #expect(WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-06-01"), policy: policy).lastDay == Self.day("2026-07-01"))
    }

    static let information: [(info: WithdrawalInformation, lastDay: String)] = [
        (.givenWithOffer, "2026-06-15"),
        (.missing, "2027-06-15"),
        (.givenLater(day("2026-07-01")), "2026-07-15"),
        (.givenLater(day("2027-06-10")), "2027-06-15"),
        (.givenLater(day("2026-05-20")), "2026-06-15"),
    ]

    @Test("missing information adds 12 months; information given later restarts the period within that cap", arguments: information)
    func missingInformation(_ row: (info: WithdrawalInformation, lastDay: String)) {
        let deadline = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-06-01"), information: row.info)
        #expect(deadline.lastDay == Self.day(row.lastDay))
    }

    static let months: [(from: String, months: Int, to: String)] = [
        ("2024-01-31", 1, "2024-02-29"), ("2023-01-31", 1, "2023-02-28"), ("2024-02-29", 12, "2025-02-28"),
        ("2026-06-15", 12, "2027-06-15"), ("2026-11-30", 3, "2027-02-28"), ("2026-12-15", 1, "2027-01-15"),
    ]

    @Test("adding months keeps the day or takes the month's last day", arguments: months)
    func addingMonths(_ row: (from: String, months: Int, to: String)) {
        #expect(WithdrawalDeadlineCalculator.addingMonths(row.months, to: Self.day(row.from)) == Self.day(row.to))
    }

    @Test("the deadline ends at 23:59:59 Oslo time, in summer and in winter")
    func endOfDay() {
        let summer = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-06-01"))
        #expect(summer.endsAt == Self.instant("2026-06-15T21:59:59Z"))
        #expect(summer.isOpen(at: Self.instant("2026-06-15T21:59:59.9Z")))
        #expect(!summer.isOpen(at: Self.instant("2026-06-15T22:00:00Z")))
        let winter = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2026-12-10"))
        #expect(winter.endsAt == Self.instant("2026-12-28T22:59:59Z"))
    }

    @Test("services count from the Oslo date of acceptance, not the UTC date")
    func serviceStartsOnOsloDate() {
        // 22:30 UTC on 1 June is 00:30 on 2 June in Oslo.
        let deadline = WithdrawalDeadlineCalculator.deadline(
            for: .service, acceptedAt: Self.instant("2026-06-01T22:30:00Z"), goodsReceivedOn: nil)
        #expect(deadline?.periodStart == Self.day("2026-06-02"))
        #expect(deadline?.lastDay == Self.day("2026-06-16"))
    }

    @Test("goods count from receipt; before receipt there is no deadline yet")
    func goodsCountFromReceipt() {
        let accepted = Self.instant("2026-06-01T12:00:00Z")
        #expect(WithdrawalDeadlineCalculator.deadline(for: .goods, acceptedAt: accepted, goodsReceivedOn: nil) == nil)
        let deadline = WithdrawalDeadlineCalculator.deadline(for: .goods, acceptedAt: accepted, goodsReceivedOn: Self.day("2026-06-10"))
        #expect(deadline?.lastDay == Self.day("2026-06-24"))
    }

    @Test("years outside the holiday calendar still move past weekends and never crash")
    func outsideHolidayYears() {
        let deadline = WithdrawalDeadlineCalculator.deadline(startingOn: Self.day("2200-12-11"))
        #expect(!deadline.lastDay.isWeekend)
    }
}
