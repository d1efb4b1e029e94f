import Foundation

/// ISO 8601 timestamps written and read with Oslo time as the reference.
extension OsloTime {
    /// "2026-12-01T09:00:00+01:00": the instant in Oslo wall-clock time with its offset (seconds dropped
    /// to whole seconds).
    public static func iso8601(_ instant: Date) -> String {
        let t = unixSeconds(instant)
        let offset = offset(atUnixSeconds: t)
        let local = LocalDateTime(wallSecondsSinceEpoch: t + Int64(offset))
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600
        let minutes = (abs(offset) % 3600) / 60
        return "\(local.iso8601)\(sign)\(CalendarError.pad(hours)):\(CalendarError.pad(minutes))"
    }

    /// Reads an ISO 8601 date-time: with an offset ("+01:00", "+0100", "+01") or "Z" it is an exact
    /// instant; without one it is Oslo wall-clock time, with gaps and overlaps resolved as `resolution`
    /// says. Seconds and a fraction are optional; "T" may be a space. A date alone is refused.
    public static func parseTimestamp(_ text: String, resolution: Resolution = .earlier) throws(CalendarError) -> Date {
        let s = text.trimmingCharacters(in: .whitespaces)
        let chars = Array(s)
        guard chars.count >= 10 else { throw .malformedTimestamp(text, detail: .tooShort) }
        let date: LocalDate
        do { date = try LocalDate(parsing: String(chars[0..<10])) } catch {
            throw .malformedTimestamp(text, detail: .badDate(error))
        }
        guard chars.count > 10 else { throw .malformedTimestamp(text, detail: .missingTime) }
        guard ["T", "t", " "].contains(chars[10]) else {
            throw .malformedTimestamp(text, detail: .missingSeparator)
        }
        var rest = chars[11...]
        var offsetSeconds: Int? = nil
        if let last = rest.last, last == "Z" || last == "z" {
            offsetSeconds = 0
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            offsetSeconds = try parseOffset(String(rest[signIndex...]), in: text)
            rest = rest[..<signIndex]
        }
        let (time, fraction) = try parseTime(String(rest), in: text)
        let wall = LocalDateTime(date: date, time: time)
        let whole: Int64
        if let offsetSeconds {
            whole = wall.wallSecondsSinceEpoch - Int64(offsetSeconds)
        } else {
            whole = unixSeconds(for: wall, resolution: resolution)
        }
        return Date(timeIntervalSince1970: TimeInterval(whole) + fraction)
    }

    /// "HH:MM", "HH:MM:SS" or "HH:MM:SS.fff" → time and fraction of a second.
    private static func parseTime(_ s: String, in text: String) throws(CalendarError) -> (LocalTime, Double) {
        var main = s
        var fraction = 0.0
        if let dot = s.firstIndex(where: { $0 == "." || $0 == "," }) {
            let digits = s[s.index(after: dot)...]
            guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }),
                let value = Double("0." + digits)
            else { throw .malformedTimestamp(text, detail: .badFraction) }
            fraction = value
            main = String(s[..<dot])
        }
        do { return (try LocalTime(parsing: main), fraction) } catch {
            throw .malformedTimestamp(text, detail: .badTime(error))
        }
    }

    /// "+01:00", "+0100", "+01", "-05:00" → seconds east of UTC.
    private static func parseOffset(_ s: String, in text: String) throws(CalendarError) -> Int {
        let sign = s.hasPrefix("-") ? -1 : 1
        let body = s.dropFirst().filter { $0 != ":" }
        guard body.count == 2 || body.count == 4, body.allSatisfy({ ("0"..."9").contains($0) }),
            let hours = Int(body.prefix(2)), let minutes = Int(body.count == 4 ? body.suffix(2) : "00"),
            hours <= 18, minutes <= 59
        else { throw .malformedTimestamp(text, detail: .badOffset(s)) }
        return sign * (hours * 3600 + minutes * 60)
    }
}
