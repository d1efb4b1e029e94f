/// Any JSON value, so a sale body decodes whatever its field types and every problem can be reported at once.
public indirect enum SaleJSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([SaleJSONValue])
    case object([String: SaleJSONValue])

    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [SaleJSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(SaleJSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: SaleJSONKey.self) {
            var members: [String: SaleJSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(SaleJSONValue.self, forKey: key) }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// The member of an object (nil for other values or a missing key).
    public subscript(key: String) -> SaleJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// How the value's type is named in an error ("a string", "a number", …).
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The same in Norwegian.
    public var norwegianTypeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "en sannhetsverdi"
        case .integer, .number: "et tall"
        case .string: "en tekst"
        case .array: "en liste"
        case .object: "et objekt"
        }
    }
}

/// Any string key of a JSON object.
struct SaleJSONKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
