import Foundation
import Testing

@testable import TMNormCore

@Suite("Meetings: the iCalendar writer")
struct MeetingCalendarTests {
    func event(summary: String = "Nettverksmøte, TM") throws -> MeetingCalendarEvent {
        let day = try LocalDate(year: 2007, month: 12, day: 17)
        return MeetingCalendarEvent(
            uid: "m1@tmnorm", sequence: 2, start: LocalDateTime(date: day, time: try LocalTime(hour: 10)),
            end: LocalDateTime(date: day, time: try LocalTime(hour: 12)), summary: summary, location: "Oslo; NORDMA",
            description: "Linje 1\nLinje 2", organizerName: "NORDMA", organizerEmail: "post@nordma.example",
            attendees: [.init(name: "Kari \"K\" Nordmann", email: "kari@hsh.example", participation: "ACCEPTED")],
            stamp: Date(timeIntervalSince1970: 1_197_800_000))
    }

    @Test("a request has VTIMEZONE Europe/Oslo, local times with TZID, a UTC stamp, CRLF line ends")
    func document() throws {
        let text = MeetingCalendar.document([try event()], method: .request)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("METHOD:REQUEST"))
        #expect(text.contains("TZID:Europe/Oslo"))
        #expect(text.contains("DTSTART;TZID=Europe/Oslo:20071217T100000"))
        #expect(text.contains("DTEND;TZID=Europe/Oslo:20071217T120000"))
        #expect(text.contains("DTSTAMP:20071216T101320Z"))
        #expect(text.contains("SEQUENCE:2"))
        #expect(text.contains("SUMMARY:Nettverksmøte\\, TM"))
        #expect(text.contains("LOCATION:Oslo\\; NORDMA"))
        #expect(text.contains("DESCRIPTION:Linje 1\\nLinje 2"))
        #expect(text.contains("ATTENDEE;CN=\"Kari K Nordmann\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("escaping: backslash, semicolon, comma, CRLF and LF; control characters dropped")
    func escaping() {
        #expect(MeetingCalendar.escape("a\\b;c,d\r\ne\nf\u{7}") == "a\\\\b\\;c\\,d\\ne\\nf")
    }

    @Test("folding: no line over 75 octets, continuation starts with a space, UTF-8 never split")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "æøå", count: 60)
        let folded = MeetingCalendar.fold(line)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines[0] + lines.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(MeetingCalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test("a cancellation says so")
    func cancel() throws {
        #expect(MeetingCalendar.document([try event()], method: .cancel).contains("STATUS:CANCELLED"))
    }
}
