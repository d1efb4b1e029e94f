import Foundation
import FuzzSupport
import TMNormCore

/// What the server's query strings and form fields are fed into. The server splits `a=1&b=2` itself
/// (`QueryString` in TMNormServer: `+` is a space, percent escapes decoded, kept as written when invalid);
/// this target splits the input the same way and gives every name and value to the Core parsers behind
/// the HTTP parameters: dates, times of day, timestamps (`at=`), phone numbers (`number=`), organisation
/// numbers, amounts, e-mail addresses and the public register search (`q=`). Properties:
/// - LocalDate/LocalTime: an accepted text is the canonical form, round-trips, and day arithmetic
///   inverts (`daysSinceEpoch`, weekday after 7 days);
/// - timestamps: both resolutions accept the same texts and differ by at most an hour; the Oslo ISO 8601
///   form of the instant parses back to the same second;
/// - amounts round-trip through their decimal string and never exceed the maximum;
/// - e-mail addresses are ASCII with one '@', at most 254 characters, and re-parse to themselves;
/// - phone numbers and organisation numbers re-parse from their canonical forms;
/// - search returns a subset of the entries, all of them for a blank query.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = text(data, size)
    var values: [String] = []
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        values.append(decode(parts[0]))
        if parts.count > 1 { values.append(decode(parts[1])) }
    }
    for value in values.prefix(16) {
        check(value)
        check(value.trimmingCharacters(in: .whitespaces))
    }
    return 0
}

/// `QueryString.decode` of the server.
func decode(_ raw: Substring) -> String {
    guard raw.contains(where: { $0 == "+" || $0 == "%" }) else { return String(raw) }
    let spaced = raw.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
}

func check(_ value: String) {
    if let date = try? LocalDate(parsing: value) {
        require(date.iso8601 == value, "date \(show(value)) is not canonical: \(date.iso8601)")
        require(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date, "daysSinceEpoch does not invert for \(date)")
        require(date.adding(days: 7).weekday == date.weekday && date.next > date, "day arithmetic for \(date)")
        require((try? LocalDate(year: date.year, month: date.month, day: date.day)) == date, "checked init for \(date)")
    }
    if let time = try? LocalTime(parsing: value) {
        require((try? LocalTime(parsing: time.formatted)) == time, "time \(show(value)) does not round-trip")
        require(LocalTime(secondsSinceMidnight: time.secondsSinceMidnight) == time, "secondsSinceMidnight for \(time)")
    }
    let earlier = try? OsloTime.parseTimestamp(value, resolution: .earlier)
    let later = try? OsloTime.parseTimestamp(value, resolution: .later)
    require((earlier == nil) == (later == nil), "resolutions disagree on accepting \(show(value))")
    if let earlier, let later {
        let gap = later.timeIntervalSince(earlier)
        require(gap >= 0 && gap <= 3600, "resolutions \(gap) s apart for \(show(value))")
        let written = OsloTime.iso8601(earlier)
        let seconds = earlier.timeIntervalSince1970.rounded(.down)
        if LocalDate.representableYears.contains(OsloTime.localDate(of: earlier).year) {
            let back = try? OsloTime.parseTimestamp(written)
            require(
                back?.timeIntervalSince1970 == seconds,
                "\(show(value)) → \(written) → \(String(describing: back?.timeIntervalSince1970)), expected \(seconds)")
        }
    }
    if let amount = try? MoneyAmount(parsing: value) {
        require(amount.ore >= 0 && amount.ore <= MoneyAmount.defaultMaximumOre, "amount \(amount.ore) for \(show(value))")
        require((try? MoneyAmount(parsing: amount.decimalString)) == amount, "amount \(show(value)) does not round-trip")
        require(amount.kroner * 100 + amount.orePart == amount.ore, "kroner/øre split")
        require(!amount.norwegianFormatted.isEmpty && !amount.englishFormatted.isEmpty, "formatting")
    }
    if let unlimited = try? MoneyAmount(parsing: value, maximumOre: .max) {
        require(
            (try? MoneyAmount(parsing: unlimited.decimalString, maximumOre: .max)) == unlimited, "large amount \(show(value)) does not round-trip")
    }
    if let email = try? EmailAddress(value) {
        let bytes = Array(email.address.utf8)
        require(bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "address \(show(email.address)) is not printable ASCII")
        require(bytes.filter { $0 == 0x40 }.count == 1 && bytes.count <= EmailAddress.maximumLength, "address \(show(email.address))")
        require((try? EmailAddress(email.address)) == email, "address \(show(value)) does not re-parse")
    }
    if let number = PhoneNumber.parse(value).number {
        require(PhoneNumber.parse(number.national).number == number, "phone \(show(value)) does not re-parse")
    }
    if let orgnr = try? OrganisationNumber(value) {
        require((try? OrganisationNumber(orgnr.formatted)) == orgnr, "orgnr \(show(value)) does not re-parse")
    }
    let found = AuthorizationPublicRegister.search(value, in: Fixture.entries)
    require(found.allSatisfy(Fixture.entries.contains), "search returned an entry it was not given")
    if value.allSatisfy(\.isWhitespace) { require(found == Fixture.entries, "a blank search does not list everything") }
}

enum Fixture {
    static let entries: [AuthorizationRegisterEntry] = [
        ("974760673", "Brønnøysundregistrene", AuthorizationPublicStatus.approved),
        ("923609016", "Æ Telemarketing AS", .suspended),
    ].compactMap { orgnr, name, status in
        (try? OrganisationNumber(orgnr)).map {
            AuthorizationRegisterEntry(orgnr: $0, name: name, status: status, validUntil: try? LocalDate(year: 2027, month: 1, day: 31))
        }
    }
}
