import Foundation
import FuzzSupport
import TMNormCore

/// Organisation numbers: whatever the input, parsing returns a number or a problem (no trap); a number
/// holds nine ASCII digits that pass modulus 11, is made only of the input's ASCII digits (everything else
/// in the input was whitespace), and round-trips through `digits`, `formatted` and JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    let number: OrganisationNumber
    do {
        number = try OrganisationNumber(input)
    } catch {
        require(!error.description.isEmpty && !error.norwegian.isEmpty, "empty problem text for \(show(input))")
        return 0
    }
    let digits = Array(number.digits.utf8)
    require(digits.count == 9 && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "digits \(show(number.digits)) for \(show(input))")
    let values = digits.map { Int($0 - 0x30) }
    require(OrganisationNumber.checkDigit(for: Array(values.prefix(8))) == values[8], "check digit of \(number.digits)")
    // Only ASCII digits and whitespace may make up an accepted input, and the digits are the input's.
    require(input.utf8.filter { $0 >= 0x30 && $0 <= 0x39 } == digits, "digits differ from the input's: \(show(input))")
    for character in input where !(character.isASCII && character.isWholeNumber) {
        require(character.unicodeScalars.allSatisfy(\.properties.isWhitespace), "accepted \(show(String(character))) in \(show(input))")
    }
    require((try? OrganisationNumber(number.digits)) == number, "digits do not re-parse: \(show(input))")
    require((try? OrganisationNumber(number.formatted)) == number, "formatted does not re-parse: \(show(number.formatted))")
    require(
        number.formatted.utf8.count == 11 && number.formatted.replacingOccurrences(of: " ", with: "") == number.digits,
        "formatted \(show(number.formatted))")
    let json = try? JSONEncoder().encode([number])
    require(json.flatMap { try? JSONDecoder().decode([OrganisationNumber].self, from: $0) } == [number], "JSON round trip of \(number.digits)")
    return 0
}
