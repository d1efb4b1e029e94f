import Foundation
import FuzzSupport
@testable import TMNormCore

/// Phone numbers: `parse` and `validate` agree; a valid number is national ASCII digits of a plan length,
/// re-parses to itself from its national digits (and from E.164 / 0047 for 8- and 12-digit numbers), has
/// the 8-digit key the table classifies the same way, and survives JSON; the washer's byte classifier gives
/// the same verdict as the `PhoneNumber.parse` reference; the normalisation line is valid JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = text(data, size)
    let result = PhoneNumber.parse(input)
    switch (result, PhoneNumber.validate(input)) {
    case (.valid(let a), .success(let b)): require(a == b, "parse and validate differ: \(show(input))")
    case (.foreign, .failure(let p)): require(p.isForeign, "foreign without a foreign problem: \(show(input))")
    case (.invalid, .failure(let p)): require(!p.isForeign && !p.norwegian.isEmpty, "invalid with a foreign problem: \(show(input))")
    default: require(false, "parse and validate disagree: \(show(input))")
    }
    if let number = result.number {
        let national = Array(number.national.utf8)
        require(national.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "national \(show(number.national))")
        require(PhoneAllocationTable.nkom2026.planLengths.contains(national.count), "length \(national.count): \(show(input))")
        require(number.kind != .foreign && number.kind != .invalid, "kind \(number.kind) for \(show(input))")
        require(PhoneNumber.parse(number.national).number == number, "national digits do not re-parse: \(show(input))")
        if national.count == 8 || national.count == 12 {
            require(PhoneNumber.parse(number.e164).number == number, "e164 does not re-parse: \(show(input))")
            require(PhoneNumber.parse("0047 " + number.national).number == number, "0047 form does not re-parse: \(show(input))")
        }
        if national.count == 8 {
            guard let key = number.eightDigitKey else { return fail("no 8-digit key: \(show(input))") }
            require(String(key) == number.national, "key \(key) for \(number.national)")
            require(PhoneNumber.classify(eightDigit: key) == .allocated(number.kind), "classify(eightDigit:) for \(key)")
        } else {
            require(number.eightDigitKey == nil, "key for \(number.national)")
        }
        let json = try? JSONEncoder().encode([number])
        require(json.flatMap { try? JSONDecoder().decode([PhoneNumber].self, from: $0) } == [number], "JSON round trip: \(show(input))")
    }
    // The washer's allocation-free byte path against the reference.
    let classifier = PhoneFieldClassifier.nkom2026
    let fast = classifier.verdict(UnsafeRawBufferPointer(start: data, count: size), encoding: .utf8)
    if String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) != nil {
        let slow = classifier.slowVerdict(input)
        require(fast == slow, "byte classifier says \(fast), PhoneNumber.parse \(slow): \(show(input))")
    }
    let line = PhoneNormalizationLine(input: input)
    require(!line.text.isEmpty, "empty text line")
    let object = try? JSONSerialization.jsonObject(with: Data(line.json.utf8)) as? [String: Any]
    require(object?["valid"] as? Bool == (result.number != nil), "JSON line \(line.json)")
    return 0
}

func fail(_ message: String) -> CInt {
    require(false, message)
    return 0
}
