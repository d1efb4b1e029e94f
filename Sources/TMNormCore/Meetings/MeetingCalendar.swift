import Foundation

/// One meeting as an iCalendar event (RFC 5545).
public struct MeetingCalendarEvent: Sendable, Hashable {
    /// An invitee and their answer, as ATTENDEE.
    public struct Attendee: Sendable, Hashable {
        public var name: String
        public var email: String
        /// `NEEDS-ACTION`, `ACCEPTED`, `DECLINED` or `TENTATIVE`.
        public var participation: String

        public init(name: String, email: String, participation: String = "NEEDS-ACTION") {
            self.name = name
            self.email = email
            self.participation = participation
        }
    }

    public var uid: String
    /// Raised on every change, so calendars replace the earlier invitation.
    public var sequence: Int
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var summary: String
    public var location: String?
    public var url: String?
    public var description: String?
    public var organizerName: String?
    public var organizerEmail: String?
    public var attendees: [Attendee]
    public var cancelled: Bool
    /// When this copy was made (DTSTAMP, in UTC).
    public var stamp: Date

    public init(
        uid: String, sequence: Int = 0, start: LocalDateTime, end: LocalDateTime, summary: String, location: String? = nil, url: String? = nil,
        description: String? = nil, organizerName: String? = nil, organizerEmail: String? = nil, attendees: [Attendee] = [],
        cancelled: Bool = false, stamp: Date
    ) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.url = url
        self.description = description
        self.organizerName = organizerName
        self.organizerEmail = organizerEmail
        self.attendees = attendees
        self.cancelled = cancelled
        self.stamp = stamp
    }
}

/// Writes meetings as an iCalendar document: times in Europe/Oslo with its VTIMEZONE, text escaped
/// (backslash, semicolon, comma, newline) and lines folded at 75 octets without splitting a character.
/// (Named apart from the events feature's writer; the two are to be unified.)
public enum MeetingCalendar {
    /// METHOD of the document: an invitation, a cancellation, or a published feed.
    public enum Method: String, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
        case publish = "PUBLISH"
    }

    public static let mediaType = "text/calendar; charset=utf-8"

    /// The whole document, CRLF line ends.
    public static func document(_ events: [MeetingCalendarEvent], method: Method, name: String? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//TMNorm//Meetings//NB", "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"]
        if let name { lines.append("X-WR-CALNAME:" + escape(name)) }
        lines += timeZone
        for event in events { lines += self.event(event, method: method) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(_ event: MeetingCalendarEvent, method: Method) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escape(event.uid),
            "SEQUENCE:\(max(0, event.sequence))",
            "DTSTAMP:" + utc(event.stamp),
            "DTSTART;TZID=Europe/Oslo:" + local(event.start),
            "DTEND;TZID=Europe/Oslo:" + local(event.end),
            "SUMMARY:" + escape(event.summary),
            "STATUS:" + (event.cancelled || method == .cancel ? "CANCELLED" : "CONFIRMED"),
        ]
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
        if let url = event.url, !url.isEmpty { lines.append("URL:" + url.filter { !$0.isNewline }) }
        if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:" + escape(description)) }
        if let email = event.organizerEmail, !email.isEmpty {
            lines.append("ORGANIZER" + (event.organizerName.map { ";CN=" + parameter($0) } ?? "") + ":mailto:" + address(email))
        }
        for attendee in event.attendees where !attendee.email.isEmpty {
            lines.append(
                "ATTENDEE;CN=\(parameter(attendee.name));ROLE=REQ-PARTICIPANT;PARTSTAT=\(attendee.participation);RSVP=TRUE:mailto:"
                    + address(attendee.email))
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// Europe/Oslo since 1996: CET/CEST, changing on the last Sundays of March and October.
    static let timeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Oslo", "X-LIC-LOCATION:Europe/Oslo",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// TEXT escaping (RFC 5545 §3.3.11): `\` `;` `,` and line breaks.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { break }
                out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// A parameter value (CN): quoted, without the characters a quoted value may not hold.
    static func parameter(_ text: String) -> String {
        "\"" + String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })) + "\""
    }

    /// An address in a mailto URI: no spaces, controls or characters that end the line.
    static func address(_ email: String) -> String {
        String(decoding: email.utf8.filter { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: ";") }, as: UTF8.self)
    }

    /// Folds a content line (RFC 5545 §3.1): at most 75 octets a line, continuation lines begin with a
    /// space, and a break never falls inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3)
        var index = 0
        var limit = 75
        while index < bytes.count {
            var end = min(index + limit, bytes.count)
            // Back off to a character boundary: a continuation byte is 10xxxxxx.
            while end < bytes.count && end > index && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if index > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[index..<end]
            index = end
            limit = 74
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `20071217T100000` (local wall clock).
    static func local(_ value: LocalDateTime) -> String {
        let d = value.date
        let t = value.time
        return pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2) + "T" + pad(t.hour, 2) + pad(t.minute, 2) + pad(t.second, 2)
    }

    /// `20071216T093000Z`.
    static func utc(_ instant: Date) -> String {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let date = LocalDate(daysSinceEpoch: Int(days))
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2)
            + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
