import Foundation
import Testing

@testable import TMNormCore

@Suite("Meetings: plan, time input, decision numbers")
struct MeetingRulesTests {
    let now = OsloTime.instant(for: LocalDateTime(date: try! LocalDate(year: 2007, month: 12, day: 1), time: try! LocalTime(hour: 9)))

    func draft(day: Int = 17, hour: Int = 10) throws -> MeetingDraft {
        MeetingDraft(
            title: " Nettverksmøte TM ", start: LocalDateTime(date: try LocalDate(year: 2007, month: 12, day: day), time: try LocalTime(hour: hour)),
            durationMinutes: 120, place: "NORDMA, Oslo", agenda: [AgendaItemDraft(title: "Ny markedsføringslov", owner: "NORDMA", timeBoxMinutes: 30)]
        )
    }

    @Test("a meeting in the future with a place is valid; its end is the start plus the duration, Oslo time")
    func valid() throws {
        let plan = try MeetingPlan.validate(try draft(), now: now)
        #expect(plan.title == "Nettverksmøte TM")
        #expect(plan.end.time == (try LocalTime(hour: 12)))
        #expect(plan.startInstant == Date(timeIntervalSince1970: 1_197_882_000))  // 09:00 UTC (CET)
    }

    @Test("a meeting in the past is refused in both languages")
    func past() throws {
        #expect(throws: MeetingProblem.meetingInPast) { try MeetingPlan.validate(try draft(day: 1, hour: 8), now: now) }
        #expect(MeetingProblem.meetingInPast.norwegian.contains("har vært"))
    }

    @Test("no place and no link, a bad link, an untitled item and a time box over 240 are each named by field")
    func problems() throws {
        var d = try draft()
        d.place = ""
        d.videoLink = "javascript:alert(1)"
        d.agenda = [AgendaItemDraft(title: " ", timeBoxMinutes: 500)]
        let fields = MeetingPlan.problems(d, now: now).map(\.field)
        #expect(fields == ["video_link", "agenda[1].title", "agenda[1].time_box"])
        d.videoLink = ""
        #expect(MeetingPlan.problems(d, now: now).map(\.field).first == "place")
    }

    @Test("a due date before the meeting day is refused; the meeting day itself is allowed")
    func due() throws {
        let day = try LocalDate(year: 2007, month: 12, day: 17)
        #expect(throws: MeetingProblem.dueBeforeMeeting) { try MeetingPlan.checkDue(day.adding(days: -1), meetingDay: day) }
        try MeetingPlan.checkDue(day, meetingDay: day)
    }

    @Test("answers are taken until the meeting ends")
    func answers() {
        let end = Date(timeIntervalSince1970: 1000)
        #expect(MeetingPlan.acceptsAnswers(meetingEnd: end, now: Date(timeIntervalSince1970: 999)))
        #expect(!MeetingPlan.acceptsAnswers(meetingEnd: end, now: end))
    }

    @Test(
        "dates as typed: dd.mm.yyyy and the date input's yyyy-mm-dd",
        arguments: [("17.12.2007", "2007-12-17"), ("2008-02-05", "2008-02-05"), (" 01.04.2008", "2008-04-01")])
    func dates(input: String, expected: String) throws {
        #expect(try MeetingTimeInput.date(input).iso8601 == expected)
    }

    @Test("bad dates and times are refused with the field", arguments: ["31.02.2008", "2008/02/05", "17.12.07", "", "١٧.١٢.٢٠٠٧"])
    func badDates(input: String) {
        #expect(throws: MeetingProblem.self) { try MeetingTimeInput.date(input, field: "date") }
    }

    @Test("times: 10:00, 9.30, 1400; not 24:00 or 10:60")
    func times() throws {
        #expect(try MeetingTimeInput.time("10:00") == LocalTime(hour: 10))
        #expect(try MeetingTimeInput.time("9.30") == LocalTime(hour: 9, minute: 30))
        #expect(try MeetingTimeInput.time("1400") == LocalTime(hour: 14))
        for bad in ["24:00", "10:60", "1:5", "ab:cd", "10:00:00"] {
            #expect(throws: MeetingProblem.self) { try MeetingTimeInput.time(bad) }
        }
    }

    @Test("decision numbers: per meeting day 2007-12-17/1, 2, 3; per year running across meetings")
    func numbering() throws {
        let day = try LocalDate(year: 2007, month: 12, day: 17)
        var existing: [DecisionNumber] = []
        for _ in 0..<3 { existing.append(DecisionNumber.next(after: existing, meetingDay: day, numbering: .perMeetingDate)) }
        #expect(existing.map(\.description) == ["2007-12-17/1", "2007-12-17/2", "2007-12-17/3"])
        let other = DecisionNumber.next(after: existing, meetingDay: day.adding(days: 50), numbering: .perMeetingDate)
        #expect(other.description == "2008-02-05/1")
        let yearly = [DecisionNumber(scope: "2008", sequence: 4)]
        #expect(DecisionNumber.next(after: yearly, meetingDay: day.adding(days: 50), numbering: .perYear).description == "2008/5")
        #expect(DecisionNumber.next(after: yearly, meetingDay: day, numbering: .perYear).description == "2007/1")
    }

    @Test("decision numbers parse back; anything else is nil", arguments: ["2007-12-17/1", "2008/12"])
    func parse(text: String) {
        #expect(DecisionNumber.parse(text)?.description == text)
    }

    @Test("malformed decision numbers", arguments: ["", "/", "2007-13-01/1", "2007/0", "2007/", "07/1", "2007/1/2", "2007/x"])
    func parseBad(text: String) {
        #expect(DecisionNumber.parse(text) == nil)
    }
}
