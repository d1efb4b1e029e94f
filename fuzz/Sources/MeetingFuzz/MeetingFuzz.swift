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
    let lines = folded.components(separatedBy: "\r\n")
    require(lines.allSatisfy { $0.utf8.count <= 75 }, "a folded line is too long: \(show(input))")
    require(lines[0] + lines.dropFirst().map { String($0.dropFirst()) }.joined() == line, "folding lost text: \(show(input))")
    return 0
}
