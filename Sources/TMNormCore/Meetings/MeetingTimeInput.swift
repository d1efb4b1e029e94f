/// Reads a meeting's day and time as people type them: `17.12.2007` or `2007-12-17` (the date input's
/// value), and `10:00`, `10.00` or `1000`. Digits are read as ASCII bytes; nothing here traps.
public enum MeetingTimeInput {
    /// The day, or a problem naming `field`.
    public static func date(_ text: String, field: String = "date") throws(MeetingProblem) -> LocalDate {
        let bytes = Array(text.utf8.filter { $0 != 0x20 })
        let problem = MeetingProblem(
            field: field, norwegian: "Skriv datoen som dd.mm.åååå.", english: "Write the date as dd.mm.yyyy.")
        guard bytes.count == 10 else { throw problem }
        let parts: (Int?, Int?, Int?)
        if bytes[2] == UInt8(ascii: "."), bytes[5] == UInt8(ascii: ".") {
            parts = (number(bytes[6..<10]), number(bytes[3..<5]), number(bytes[0..<2]))
        } else if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            parts = (number(bytes[0..<4]), number(bytes[5..<7]), number(bytes[8..<10]))
        } else {
            throw problem
        }
        guard let year = parts.0, let month = parts.1, let day = parts.2 else { throw problem }
        do {
            return try LocalDate(year: year, month: month, day: day)
        } catch {
            throw MeetingProblem(field: field, norwegian: "Datoen finnes ikke.", english: "The date does not exist.")
        }
    }

    /// The wall-clock time (hours and minutes), or a problem naming `field`.
    public static func time(_ text: String, field: String = "time") throws(MeetingProblem) -> LocalTime {
        let bytes = Array(text.utf8.filter { $0 != 0x20 })
        let problem = MeetingProblem(field: field, norwegian: "Skriv klokkeslettet som tt:mm.", english: "Write the time as hh:mm.")
        let parts: (Int?, Int?)
        if bytes.count == 4, number(bytes[0..<4]) != nil {
            parts = (number(bytes[0..<2]), number(bytes[2..<4]))
        } else if bytes.count == 4, bytes[1] == UInt8(ascii: ":") || bytes[1] == UInt8(ascii: ".") {
            parts = (number(bytes[0..<1]), number(bytes[2..<4]))
        } else if bytes.count == 5, bytes[2] == UInt8(ascii: ":") || bytes[2] == UInt8(ascii: ".") {
            parts = (number(bytes[0..<2]), number(bytes[3..<5]))
        } else {
            throw problem
        }
        let (hour, minute) = parts
        guard let hour, let minute, (0...23).contains(hour), (0...59).contains(minute), let time = try? LocalTime(hour: hour, minute: minute)
        else { throw problem }
        return time
    }

    /// Day and time together, each problem naming its own field.
    public static func dateTime(date: String, time: String) throws(MeetingProblem) -> LocalDateTime {
        LocalDateTime(date: try self.date(date), time: try self.time(time))
    }

    /// A whole number of minutes (1–9999), or nil for anything else.
    public static func minutes(_ text: String) -> Int? {
        let bytes = Array(text.utf8.filter { $0 != 0x20 })
        guard (1...4).contains(bytes.count) else { return nil }
        return number(bytes[...])
    }

    /// Only ASCII digits make a number here.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
