import Foundation

/// One value of an imported external series (e.g. the consumer authority's monthly complaint counts).
public struct ExternalSeriesValue: Sendable, Hashable {
    public let period: EvaluationPeriod
    public let value: Double
}

/// Why a line of an external series could not be read.
public struct ExternalSeriesProblem: Sendable, Hashable, Error {
    public enum Reason: String, Sendable, Hashable {
        case missingField = "missing_field"
        case invalidPeriod = "invalid_period"
        case invalidValue = "invalid_value"
        case mixedGranularity = "mixed_granularity"
        case duplicatePeriod = "duplicate_period"
        case tooManyLines = "too_many_lines"
        case empty
    }

    public let line: Int
    public let field: String
    public let reason: Reason

    public var message: (nb: String, en: String) {
        switch reason {
        case .missingField: ("Linje \(line): mangler \(field).", "Line \(line): \(field) is missing.")
        case .invalidPeriod:
            ("Linje \(line): perioden må skrives 2024-03, 2024-Q1 eller 2024.", "Line \(line): write the period as 2024-03, 2024-Q1 or 2024.")
        case .invalidValue: ("Linje \(line): verdien må være et tall.", "Line \(line): the value must be a number.")
        case .mixedGranularity:
            ("Linje \(line): alle perioder må være måneder, kvartaler eller år.", "Line \(line): all periods must be months, quarters or years.")
        case .duplicatePeriod: ("Linje \(line): perioden står to ganger.", "Line \(line): the period appears twice.")
        case .tooManyLines: ("Linje \(line): filen har for mange linjer.", "Line \(line): the file has too many lines.")
        case .empty: ("Filen har ingen verdier.", "The file holds no values.")
        }
    }
}

/// Reads an external series from CSV: `period;value` per line (`,` or tab also work), an optional header
/// line, periods as `2024-03`, `2024-Q1` or `2024`, values with `,` or `.` as decimal mark and spaces as
/// thousands separators. Works on UTF-8 bytes and never traps: bad input is a problem with line and field.
public enum ExternalSeriesParser {
    public static let maximumLines = 10_000

    public static func parse(_ bytes: [UInt8]) -> Result<[ExternalSeriesValue], ExternalSeriesProblem> {
        var values: [ExternalSeriesValue] = []
        var seen: Set<EvaluationPeriod> = []
        var lineNumber = 0
        var start = 0
        // Skip a UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var line = Array(bytes[start..<end])
            start = end + 1
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard lineNumber <= maximumLines else { return .failure(.init(line: lineNumber, field: "line", reason: .tooManyLines)) }
            let fields = split(line)
            let periodField = trim(fields.first ?? [])
            // A header line: its first field starts with a letter.
            if lineNumber == 1 || values.isEmpty, let first = periodField.first, isLetter(first) { continue }
            guard !periodField.isEmpty else { return .failure(.init(line: lineNumber, field: "period", reason: .missingField)) }
            guard let period = parsePeriod(periodField) else {
                return .failure(.init(line: lineNumber, field: "period", reason: .invalidPeriod))
            }
            guard fields.count >= 2, !trim(fields[1]).isEmpty else {
                return .failure(.init(line: lineNumber, field: "value", reason: .missingField))
            }
            guard let value = parseNumber(trim(fields[1])) else {
                return .failure(.init(line: lineNumber, field: "value", reason: .invalidValue))
            }
            if let first = values.first, first.period.granularity != period.granularity {
                return .failure(.init(line: lineNumber, field: "period", reason: .mixedGranularity))
            }
            guard seen.insert(period).inserted else { return .failure(.init(line: lineNumber, field: "period", reason: .duplicatePeriod)) }
            values.append(ExternalSeriesValue(period: period, value: value))
        }
        guard !values.isEmpty else { return .failure(.init(line: max(1, lineNumber), field: "value", reason: .empty)) }
        return .success(values.sorted { $0.period < $1.period })
    }

    /// `2024-03`, `2024-Q1` (or `q1`) or `2024`; years 1900–2999.
    public static func parsePeriod(_ bytes: [UInt8]) -> EvaluationPeriod? {
        guard bytes.count >= 4, let year = digits(bytes[0..<4]), (1900...2999).contains(year) else { return nil }
        if bytes.count == 4 { return EvaluationPeriod(granularity: .year, year: year, index: 1) }
        guard bytes.count >= 6, bytes[4] == UInt8(ascii: "-") else { return nil }
        let rest = bytes[5...]
        if rest.count == 2, rest.first == UInt8(ascii: "Q") || rest.first == UInt8(ascii: "q") {
            guard let q = digits(rest.dropFirst()), (1...4).contains(q) else { return nil }
            return EvaluationPeriod(granularity: .quarter, year: year, index: q)
        }
        guard rest.count == 2, let month = digits(rest), (1...12).contains(month) else { return nil }
        return EvaluationPeriod(granularity: .month, year: year, index: month)
    }

    /// A decimal number: optional sign, digits with optional space/no-break-space groups, `,` or `.` decimals.
    public static func parseNumber(_ bytes: [UInt8]) -> Double? {
        var negative = false
        var whole: Double = 0
        var fraction: Double = 0
        var scale: Double = 1
        var seenDigit = false
        var inFraction = false
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                let digit = Double(byte - UInt8(ascii: "0"))
                if inFraction {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    whole = whole * 10 + digit
                }
                if whole > 1e15 { return nil }
            case UInt8(ascii: ","), UInt8(ascii: "."):
                if inFraction { return nil }
                inFraction = true
            case 0x20 where !inFraction: continue
            // U+00A0 no-break space as a thousands separator (C2 A0).
            case 0xC2 where !inFraction && index < bytes.count && bytes[index] == 0xA0: index += 1
            default: return nil
            }
        }
        guard seenDigit else { return nil }
        let value = whole + fraction
        return negative ? -value : value
    }

    private static func split(_ line: [UInt8]) -> [[UInt8]] {
        let delimiter: UInt8 =
            line.contains(UInt8(ascii: ";")) ? UInt8(ascii: ";") : line.contains(0x09) ? 0x09 : UInt8(ascii: ",")
        var fields: [[UInt8]] = [[]]
        var quoted = false
        for byte in line {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == delimiter && !quoted {
                fields.append([])
            } else {
                fields[fields.count - 1].append(byte)
            }
        }
        return fields
    }

    private static func trim(_ bytes: [UInt8]) -> [UInt8] {
        var slice = bytes[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return Array(slice)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte >= 0x80
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
