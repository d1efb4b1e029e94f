import Foundation
import FuzzSupport
import TMNormCore

/// The meetings' parsers and writer: a typed date, time or decision number is read or refused (no trap),
/// what is read prints back to an equal value, and the iCalendar writer's escaping and folding keep every
/// line within 75 octets, never split a character and lose nothing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    if let date = try? MeetingTimeInput.date(input) {
        require((try? MeetingTimeInput.date(date.norwegianFormatted)) == date, "date does not re-parse: \(show(input))")
        require((try? MeetingTimeInput.date(date.iso8601)) == date, "ISO date does not re-parse: \(show(input))")
    }
    if let time = try? MeetingTimeInput.time(input) {
        require(time.second == 0 && (0...23).contains(time.hour), "time \(time) from \(show(input))")
    }
    _ = MeetingTimeInput.minutes(input)
    if let number = DecisionNumber.parse(input) {
        require(DecisionNumber.parse(number.description) == number, "decision number does not re-parse: \(show(input))")
        require(number.sequence >= 1, "sequence of \(show(input))")
    }
    let escaped = MeetingCalendar.escape(input)
    require(!escaped.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }, "a line break survived escaping: \(show(input))")
    let line = "DESCRIPTION:" + escaped
    let folded = MeetingCalendar.fold(line)
    // Compared as bytes: a continuation line's leading space and a combining mark after it are one
    // Character, so String operations would drop the mark with the space.
    var lines: [[UInt8]] = [[]]
    let bytes = Array(folded.utf8)
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
            lines.append([])
            index += 2
        } else {
            lines[lines.count - 1].append(bytes[index])
            index += 1
        }
    }
    require(lines.allSatisfy { $0.count <= 75 }, "a folded line is too long: \(show(input))")
    require(lines.dropFirst().allSatisfy { $0.first == 0x20 }, "a continuation line does not start with a space: \(show(input))")
    require(lines[0] + lines.dropFirst().flatMap { $0.dropFirst() } == Array(line.utf8), "folding lost text: \(show(input))")
    return 0
}
