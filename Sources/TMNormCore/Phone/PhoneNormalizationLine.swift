import Foundation

/// One output line of `tmnorm phone normalize`: the parse result of one input, as text or JSON.
public struct PhoneNormalizationLine: Sendable, Equatable {
    public let input: String
    public let result: PhoneParseResult

    public init(input: String, table: PhoneAllocationTable = .nkom2026) {
        self.input = input
        self.result = PhoneNumber.parse(input, table: table)
    }

    /// "+4791234567 mobile", "foreign: REASON" or "invalid: REASON".
    public var text: String {
        switch result {
        case .valid(let number): "\(number.e164) \(number.kind.rawValue)"
        case .foreign(_, let reason): "foreign: \(reason)"
        case .invalid(_, let reason): "invalid: \(reason)"
        }
    }

    /// `{"e164":…,"input":…,"kind":…,"national":…,"reason":…,"valid":…}` on one line, keys sorted,
    /// absent values as JSON null.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings, bools and nils cannot fail; the fallback keeps the line valid JSON.
        guard let data = try? encoder.encode(Record(self)), let line = String(data: data, encoding: .utf8) else {
            return #"{"valid":false}"#
        }
        return line
    }

    /// The JSON shape, with `encodeNil` so null values are present rather than missing.
    private struct Record: Encodable {
        let input: String
        let e164: String?
        let national: String?
        let kind: String
        let valid: Bool
        let reason: String?

        init(_ line: PhoneNormalizationLine) {
            input = line.input
            e164 = line.result.number?.e164
            national = line.result.number?.national
            kind = line.result.kind.rawValue
            valid = line.result.number != nil
            reason = line.result.reason
        }

        enum CodingKeys: String, CodingKey { case input, e164, national, kind, valid, reason }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(input, forKey: .input)
            try c.encode(e164, forKey: .e164)
            try c.encode(national, forKey: .national)
            try c.encode(kind, forKey: .kind)
            try c.encode(valid, forKey: .valid)
            try c.encode(reason, forKey: .reason)
        }
    }
}
