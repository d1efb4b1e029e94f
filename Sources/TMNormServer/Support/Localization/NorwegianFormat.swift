import Foundation

/// Formats dates, times and amounts the Norwegian way: 29.11.2026, 14:05, 1 234,50 kr.
enum NorwegianFormat {
    static let oslo = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    private static func calendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = oslo
        return calendar
    }

    /// "29.11.2026" in Europe/Oslo.
    static func date(_ date: Date) -> String {
        let c = calendar().dateComponents([.year, .month, .day], from: date)
        return String(format: "%02d.%02d.%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    /// "29.11.2026 14:05" in Europe/Oslo.
    static func dateTime(_ date: Date) -> String {
        let c = calendar().dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%02d.%02d.%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0,
            c.minute ?? 0)
    }

    /// A Norwegian number grouped as people write it: "412 34 567" (mobile), "22 33 44 55" (other); the country
    /// code is dropped. Anything that is not eight digits is returned unchanged.
    static func phone(_ number: String) -> String {
        var digits = Array(number.utf8.filter { $0 &- 0x30 < 10 })
        if digits.count == 10 && digits.starts(with: Array("47".utf8)) { digits.removeFirst(2) }
        guard digits.count == 8 else { return number }
        let text = String(decoding: digits, as: UTF8.self)
        let chars = Array(text)
        let groups = digits[0] == UInt8(ascii: "4") || digits[0] == UInt8(ascii: "9") ? [3, 2, 3] : [2, 2, 2, 2]
        var parts: [String] = []
        var start = 0
        for size in groups {
            parts.append(String(chars[start..<start + size]))
            start += size
        }
        return parts.joined(separator: " ")
    }

    /// "2026-11-29" → "29.11.2026"; anything else is returned unchanged.
    static func isoDay(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// Øre → "1 234,50 kr" (non-breaking thin grouping is avoided so copy-paste stays plain).
    static func amount(ore: Int) -> String {
        let negative = ore < 0
        let absolute = ore.magnitude
        let kroner = String(absolute / 100)
        var grouped = ""
        for (index, digit) in kroner.enumerated() {
            if index > 0 && (kroner.count - index) % 3 == 0 { grouped += " " }
            grouped.append(digit)
        }
        let cents = String(format: "%02d", Int(absolute % 100))
        return (negative ? "-" : "") + grouped + "," + cents + " kr"
    }
}
