import Foundation
import Testing

@testable import TMNormCore

@Suite("Events: event, programme and registration rules")
struct EventRulesTests {
    let day = try! LocalDate(year: 2008, month: 4, day: 10)

    func draft(capacity: Int = 120, dinner: Int = 80, deadline: LocalDate? = nil) -> EventDraft {
        EventDraft(
            title: "TM-dag 2008", day: day, venue: "Oslo", capacity: capacity, dinnerCapacity: dinner,
            deadline: deadline ?? day.adding(days: -7), memberPrice: 0, nonMemberPrice: 95_000)
    }

    func slot(_ from: String, _ to: String, _ title: String = "Innlegg", kind: ProgrammeSlotKind = .talk) throws -> ProgrammeSlot {
        ProgrammeSlot(start: try LocalTime(parsing: from), end: try LocalTime(parsing: to), title: title, kind: kind)
    }

    @Test("a complete event passes")
    func valid() { #expect(EventRules.check(draft()).isEmpty) }

    @Test("dinner capacity above the day's, a deadline after the day, a negative price and a missing title are refused")
    func invalid() {
        var d = draft(dinner: 121, deadline: day.adding(days: 1))
        d.title = "  "
        d.memberPrice = -1
        let fields = Set(EventRules.check(d).map(\.field))
        #expect(fields == ["title", "dinner_capacity", "deadline", "member_price"])
    }

    @Test("an overlong title and a control character are refused, counted in characters")
    func lengths() {
        var d = draft()
        d.title = String(repeating: "æ", count: 200)
        #expect(EventRules.check(d).isEmpty)
        d.title = String(repeating: "æ", count: 201)
        #expect(EventRules.check(d).map(\.field) == ["title"])
        d.title = "TM\u{0}dag"
        #expect(EventRules.check(d).first?.english == "contains a control character")
    }

    @Test("a slot must end after it starts and not overlap another")
    func slots() throws {
        let lunch = try slot("11:00", "12:00", "Lunsj", kind: .lunch)
        #expect(EventRules.check(try slot("12:00", "12:30"), among: [lunch]).isEmpty)
        #expect(EventRules.check(try slot("12:00", "12:00"), among: []).map(\.field) == ["end"])
        #expect(EventRules.check(try slot("11:30", "12:30"), among: [lunch]).map(\.field) == ["start"])
        #expect(EventRules.ordered([try slot("18:00", "23:00"), lunch]).first == lunch)
    }

    @Test("registration is open until the deadline, closed after it and on the day")
    func window() {
        let deadline = day.adding(days: -7)
        #expect(EventRules.registrationOpen(day: day, deadline: deadline, today: deadline) == .open)
        #expect(EventRules.registrationOpen(day: day, deadline: deadline, today: deadline.adding(days: 1)) == .deadlinePassed)
        #expect(EventRules.registrationOpen(day: day, deadline: day, today: day) == .eventPast)
        #expect(EventRules.registrationOpen(day: day, deadline: deadline, today: day.adding(days: 3)) == .eventPast)
    }

    @Test("slugs are lower-case ASCII with single hyphens; made from titles with æøå spelled out")
    func slugs() {
        #expect(EventRules.isSlug("tm-dag-2008"))
        for bad in ["", "-a", "a-", "a--b", "TM", "tm dag", "tm-dåg", String(repeating: "a", count: 81)] {
            #expect(!EventRules.isSlug(bad), "\(bad)")
        }
        #expect(EventRules.slug(title: "TM-dag", year: 2008) == "tm-dag-2008")
        #expect(EventRules.slug(title: "Vårmøte på Ås!", year: 2027) == "varmote-pa-as-2027")
        #expect(EventRules.slug(title: "¡¿", year: 2027) == "arrangement-2027")
        #expect(EventRules.isSlug(EventRules.slug(title: String(repeating: "ø-", count: 100), year: 2027)))
    }

    @Test("a registration: trimmed, the address canonical, the invitation code upper-cased")
    func registration() throws {
        let result = RegistrationRules.check(
            RegistrationDraft(
                name: " Kari Nordmann ", email: "Kari@Example.NO", organisation: "UniCall", dinner: true, diet: "vegetar", via: "hsh7k2"))
        let input = try result.get()
        #expect(input.name == "Kari Nordmann")
        #expect(input.email.address == "Kari@example.no")
        #expect(input.via == "HSH7K2")
        #expect(input.dinner)
    }

    @Test("a registration without a name, with an invalid address, an overlong diet and a bad code lists every problem")
    func registrationProblems() {
        guard
            case .failure(let list) = RegistrationRules.check(
                RegistrationDraft(name: "", email: "kari@", diet: String(repeating: "x", count: 501), via: "a b"))
        else {
            Issue.record("accepted")
            return
        }
        #expect(list.problems.map(\.field) == ["name", "email", "diet", "via"])
        #expect(list.problems[1].norwegian.hasPrefix("er ikke en gyldig e-postadresse"))
        #expect(list.problems[2].english == "is too long: at most 500 characters")
    }

    @Test("invitation codes: 4–32 ASCII letters and digits")
    func codes() {
        #expect(InvitationCode.parse("abcd") == "ABCD")
        #expect(InvitationCode.parse("abc") == nil)
        #expect(InvitationCode.parse("ÆØÅÆ") == nil)
        #expect(InvitationCode.parse(String(repeating: "A", count: 33)) == nil)
    }

    @Test("the dietary report counts needs case-insensitively, largest first")
    func diets() {
        let report = RegistrationRules.dietaryReport(["Vegetar", "vegetar ", "glutenfri", "", "nøtteallergi", "Glutenfri", "vegetar"])
        #expect(report.map(\.need) == ["vegetar", "glutenfri", "nøtteallergi"])
        #expect(report.map(\.count) == [3, 2, 1])
    }
}

@Suite("Events: seats, dinner seats and the waiting list")
struct SeatingTests {
    func holders(_ spec: [(Bool, RegistrationStatus)]) -> [SeatHolder] {
        spec.enumerated().map { SeatHolder(sequence: $0.offset, dinner: $0.element.0, status: $0.element.1) }
    }

    @Test("the last seat is confirmed; the next registration waits")
    func lastSeat() {
        let seating = Seating(capacity: 2, dinnerCapacity: 2)
        var list = holders([(false, .confirmed)])
        #expect(seating.admit(dinner: false, holders: list) == .confirmed)
        list.append(SeatHolder(sequence: 1, dinner: false, status: .confirmed))
        #expect(seating.admit(dinner: false, holders: list) == .waitlisted)
        #expect(seating.seatsLeft(list) == 0)
    }

    @Test("with the dinner full, a dinner guest waits while a day guest gets a seat")
    func dinnerFull() {
        let seating = Seating(capacity: 3, dinnerCapacity: 1)
        let list = holders([(true, .confirmed)])
        #expect(seating.admit(dinner: true, holders: list) == .waitlisted)
        #expect(seating.admit(dinner: false, holders: list) == .confirmed)
    }

    @Test("a newcomer does not jump a waiting registration that fits")
    func noJumping() {
        let seating = Seating(capacity: 2, dinnerCapacity: 2)
        let list = holders([(false, .confirmed), (false, .waitlisted)])
        #expect(seating.admit(dinner: false, holders: list) == .waitlisted)
    }

    @Test("a cancellation promotes the first on the waiting list, in order")
    func promotionInOrder() {
        let seating = Seating(capacity: 2, dinnerCapacity: 2)
        let list = holders([(false, .cancelled), (false, .confirmed), (false, .waitlisted), (false, .waitlisted)])
        #expect(seating.promotions(list) == [2])
    }

    @Test("a dinner guest without a dinner seat keeps waiting; the next day guest is promoted")
    func promotionSkipsDinner() {
        let seating = Seating(capacity: 2, dinnerCapacity: 1)
        let list = holders([(true, .confirmed), (false, .cancelled), (true, .waitlisted), (false, .waitlisted)])
        #expect(seating.promotions(list) == [3])
    }

    @Test("a larger capacity promotes several")
    func growth() {
        let seating = Seating(capacity: 4, dinnerCapacity: 4)
        let list = holders([(false, .confirmed), (true, .waitlisted), (false, .waitlisted), (true, .waitlisted), (false, .waitlisted)])
        #expect(seating.promotions(list) == [1, 2, 3])
    }

    @Test("transitions: waitlisted → confirmed, either → cancelled, never out of cancelled")
    func transitions() {
        #expect(Seating.mayChange(from: .waitlisted, to: .confirmed))
        #expect(Seating.mayChange(from: .confirmed, to: .cancelled))
        #expect(Seating.mayChange(from: .waitlisted, to: .cancelled))
        #expect(!Seating.mayChange(from: .cancelled, to: .cancelled))
        #expect(!Seating.mayChange(from: .cancelled, to: .confirmed))
        #expect(!Seating.mayChange(from: .confirmed, to: .waitlisted))
    }

    @Test("capacity 0 takes no one")
    func zero() {
        #expect(Seating(capacity: 0, dinnerCapacity: 0).admit(dinner: false, holders: []) == .waitlisted)
    }
}

@Suite("Events: recruitment and feedback")
struct RecruitmentTests {
    @Test("the league table lists every member, most confirmed first")
    func table() {
        let table = Recruitment.table(
            members: ["HSH", "NORDMA", "UniCall"],
            registrations: [("UniCall", .confirmed), ("UniCall", .waitlisted), ("NORDMA", .confirmed), ("NORDMA", .confirmed), ("HSH", .cancelled)])
        #expect(table.map(\.member) == ["NORDMA", "UniCall", "HSH"])
        #expect(table[2].brought == 0 && table[2].cancelled == 1)
    }

    @Test("the reminder is due from two weeks before the deadline until the deadline")
    func reminder() throws {
        let deadline = try LocalDate(year: 2008, month: 4, day: 3)
        #expect(Recruitment.reminderDay(deadline: deadline) == (try LocalDate(year: 2008, month: 3, day: 20)))
        #expect(!Recruitment.reminderDue(deadline: deadline, today: try LocalDate(year: 2008, month: 3, day: 19)))
        #expect(Recruitment.reminderDue(deadline: deadline, today: try LocalDate(year: 2008, month: 3, day: 20)))
        #expect(!Recruitment.reminderDue(deadline: deadline, today: try LocalDate(year: 2008, month: 4, day: 4)))
    }

    @Test("scores are 1 to 5; averages have one decimal")
    func scores() {
        #expect(Feedback.score(" 4 ") == 4)
        for bad in ["0", "6", "45", "", "٤", "a"] { #expect(Feedback.score(bad) == nil) }
        #expect(Feedback.average([4, 5, 5]) == 4.7)
        #expect(Feedback.average([]) == nil)
    }
}

@Suite("Events: the iCalendar writer (RFC 5545)")
struct ICalendarTests {
    let start = LocalDateTime(date: try! LocalDate(year: 2008, month: 4, day: 10), time: try! LocalTime(hour: 11))
    let end = LocalDateTime(date: try! LocalDate(year: 2008, month: 4, day: 10), time: try! LocalTime(hour: 12))

    @Test("a calendar has CRLF lines, the Oslo zone and local times with TZID")
    func calendar() {
        let text = ICalendarWriter.calendar(
            name: "TM-dag", entries: [CalendarEntry(uid: "a@tmnorm", start: start, end: end, summary: "Lunsj")],
            stamp: Date(timeIntervalSince1970: 1_207_818_000))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("TZID:Europe/Oslo\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/Oslo:20080410T110000\r\n"))
        #expect(text.contains("DTSTAMP:20080410T090000Z\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("TEXT values escape backslash, semicolon, comma and line breaks")
    func escaping() {
        #expect(ICalendarWriter.escape("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
        #expect(ICalendarWriter.escape("bell\u{7}") == "bell")
        #expect(ICalendarWriter.unescape(ICalendarWriter.escape("Pris: 950,00 kr; mat\nog drikke")) == "Pris: 950,00 kr; mat\nog drikke")
    }

    @Test("long lines fold at 75 octets and never split a UTF-8 character")
    func folding() {
        let line = "DESCRIPTION:" + String(repeating: "æøå", count: 40)
        let folded = ICalendarWriter.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        for part in parts { #expect(part.utf8.count <= 75) }
        for part in parts.dropFirst() { #expect(part.hasPrefix(" ")) }
        #expect(ICalendarWriter.unfold(folded) == [line])
        #expect(ICalendarWriter.fold("SUMMARY:kort") == "SUMMARY:kort")
    }

    @Test("a fold right before a combining mark unfolds to the line again (the fold's space and the mark are one Character)")
    func foldBeforeCombiningMark() {
        // 75 octets, then U+0301: the continuation line starts with a space and the combining mark.
        let line = "DESCRIPTION:" + String(repeating: "a", count: 63) + "\u{301}x"
        let folded = ICalendarWriter.fold(line)
        #expect(Array(folded.utf8)[75...77] == [0x0D, 0x0A, 0x20])
        #expect(ICalendarWriter.unfold(folded + "\r\n") == [line])
        #expect(MeetingCalendar.fold(line) == folded)
    }
}

@Suite("Events: prices typed in kroner")
struct KronerInputTests {
    @Test("kroner with a comma or point and up to two decimals, spaces allowed")
    func valid() {
        #expect(KronerInput.ore("950") == 95_000)
        #expect(KronerInput.ore("1 234,50") == 123_450)
        #expect(KronerInput.ore("0") == 0)
        #expect(KronerInput.ore("12.5") == 1_250)
    }

    @Test("anything else is refused without trapping")
    func invalid() {
        for bad in ["", ",50", "1,2,3", "1,234", "12a", "-5", "١٢", String(repeating: "9", count: 40)] {
            #expect(KronerInput.ore(bad) == nil, "\(bad)")
        }
    }
}
