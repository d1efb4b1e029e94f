import Foundation

/// One event of a calendar file, in Oslo wall-clock time.
public struct CalendarEntry: Sendable, Hashable {
    /// Globally unique and stable, so a calendar updates the entry instead of adding a second one.
    public var uid: String
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var summary: String
    public var location: String
    public var description: String
    public var url: String?

    public init(
        uid: String, start: LocalDateTime, end: LocalDateTime, summary: String, location: String = "", description: String = "", url: String? = nil
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.url = url
    }
}

/// Writes RFC 5545 calendars: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence),
/// TEXT values escaped, times local to Europe/Oslo with the zone's VTIMEZONE in the file.
public enum ICalendarWriter {
    public static let productID = "-//TMNorm//Arrangementer//NB"

    /// The Europe/Oslo zone as EU rules have run it since 1996 (the last change of the autumn rule).
    public static let osloTimeZone: [String] = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Oslo",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// The calendar file. `stamp` is the instant the file is made (DTSTAMP, in UTC).
    public static func calendar(name: String, entries: [CalendarEntry], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        lines.append("X-WR-CALNAME:" + escape(name))
        lines.append("X-WR-TIMEZONE:Europe/Oslo")
        lines += osloTimeZone
        let dtstamp = utc(stamp)
        for entry in entries {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + escape(entry.uid))
            lines.append("DTSTAMP:" + dtstamp)
            lines.append("DTSTART;TZID=Europe/Oslo:" + local(entry.start))
            lines.append("DTEND;TZID=Europe/Oslo:" + local(entry.end))
            lines.append("SUMMARY:" + escape(entry.summary))
            if !entry.location.isEmpty { lines.append("LOCATION:" + escape(entry.location)) }
            if !entry.description.isEmpty { lines.append("DESCRIPTION:" + escape(entry.description)) }
            if let url = entry.url, !url.isEmpty { lines.append("URL:" + strip(url)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control
    /// characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// Reverses `escape` (for tests and the fuzzer): "\\n" becomes a line break.
    public static func unescape(_ text: String) -> String {
        var out = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                out.unicodeScalars.append(scalar == "n" || scalar == "N" ? "\n" : scalar)
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds one content line: at most 75 octets per line, continuation lines start with a space, and a
    /// UTF-8 sequence is never split (a cut moves back to the start of the character's bytes).
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 70 * 3)
        var index = 0
        var limit = 75
        while index < bytes.count {
            var end = min(index + limit, bytes.count)
            // A continuation byte (10xxxxxx) cannot start a line.
            while end < bytes.count && end > index && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if end == index { end = min(index + limit, bytes.count) }
            if !out.isEmpty { out += [0x0D, 0x0A, 0x20] }
            out += bytes[index..<end]
            index = end
            limit = 74
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes folding: a CRLF followed by a space or tab joins the lines.
    public static func unfold(_ text: String) -> [String] {
        // On bytes: a fold's space and a combining mark after it are one Character, so String searches
        // for "\r\n " miss that fold (the fuzz target found it).
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                if index + 2 < bytes.count, bytes[index + 2] == 0x20 || bytes[index + 2] == 0x09 {
                    index += 3
                    continue
                }
                if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
                current = []
                index += 2
                continue
            }
            current.append(bytes[index])
            index += 1
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }

    /// "20080410T110000".
    public static func local(_ time: LocalDateTime) -> String {
        let d = time.date
        let t = time.time
        return pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2) + "T" + pad(t.hour, 2) + pad(t.minute, 2) + pad(t.second, 2)
    }

    /// "20080410T090000Z".
    public static func utc(_ instant: Date) -> String {
        local(LocalDateTime(wallSecondsSinceEpoch: Int64(instant.timeIntervalSince1970.rounded(.down)))) + "Z"
    }

    private static func strip(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
