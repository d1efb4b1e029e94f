import Foundation
import FuzzSupport
import TMNormCore

/// The events' parsers and writer. The input is split at NUL bytes into a registration's fields; whatever
/// they hold, the checks return an input or problems (no trap), an accepted input is trimmed and within the
/// limits, and the iCalendar writer's lines are at most 75 octets, valid UTF-8, and unfold and unescape back
/// to the text given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    let parts = input.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
    func part(_ i: Int) -> String? { i < parts.count ? parts[i] : nil }
    let draft = RegistrationDraft(
        name: part(0), email: part(1), organisation: part(2), dinner: size % 2 == 0, diet: part(3), comment: part(4), via: part(5))
    switch RegistrationRules.check(draft) {
    case .success(let registration):
        require(
            !registration.name.isEmpty && registration.name.unicodeScalars.count <= RegistrationRules.maximumName, "name \(show(registration.name))")
        require(registration.diet.unicodeScalars.count <= RegistrationRules.maximumDiet, "diet")
        require(registration.email.address.utf8.count <= EmailAddress.maximumLength, "address")
        if let via = registration.via { require(InvitationCode.parse(via) == via, "code \(show(via)) does not re-parse") }
    case .failure(let list):
        require(!list.problems.isEmpty && list.problems.allSatisfy { !$0.english.isEmpty && !$0.norwegian.isEmpty }, "empty problem")
    }
    _ = Feedback.score(input)
    if let ore = KronerInput.ore(input) { require(ore >= 0 && ore < 100_000_000_000, "kroner \(show(input)) → \(ore)") }
    if EventRules.isSlug(input) { require(input.utf8.allSatisfy { $0 < 0x80 }, "slug \(show(input))") }
    let slug = EventRules.slug(title: input, year: 2008)
    require(EventRules.isSlug(slug), "made slug \(show(slug)) is not a slug")
    // The writer: fold, escape, and a whole calendar.
    let line = "DESCRIPTION:" + ICalendarWriter.escape(input)
    let folded = ICalendarWriter.fold(line)
    for physical in folded.components(separatedBy: "\r\n") {
        require(physical.utf8.count <= 75, "folded line of \(physical.utf8.count) octets")
    }
    require(ICalendarWriter.unfold(folded + "\r\n") == [line] || line.utf8.count <= 75, "unfold of \(show(input))")
    var expected = input.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    expected = String(
        String.UnicodeScalarView(
            expected.unicodeScalars.compactMap { s in
                s == "\t" ? " " : (s.value >= 0x20 && s.value != 0x7F) || s == "\n" ? s : nil
            }))
    require(ICalendarWriter.unescape(ICalendarWriter.escape(input)) == expected, "escape round trip of \(show(input))")
    let day = LocalDateTime(date: LocalDate(daysSinceEpoch: 13_979), time: LocalTime(secondsSinceMidnight: 39_600))
    let calendar = ICalendarWriter.calendar(
        name: input, entries: [CalendarEntry(uid: input, start: day, end: day, summary: input, location: input, description: input, url: input)],
        stamp: Date(timeIntervalSince1970: 0))
    for physical in calendar.components(separatedBy: "\r\n") {
        require(physical.utf8.count <= 75 && !physical.contains("\n") && !physical.contains("\r"), "calendar line \(show(physical))")
    }
    return 0
}
