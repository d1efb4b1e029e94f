/// Reusable pieces of the OpenAPI document, for every feature's API docs.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func list(of name: String) -> JSONValue {
        ["type": "object", "required": ["items"], "properties": ["items": ["type": "array", "items": ref(name)]]]
    }

    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static let optionalDate: JSONValue = ["type": ["string", "null"], "format": "date"]
}
