/// OpenAPI description of `/api/v1/block-list`.
enum BlockListAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "post", "/api/v1/block-list", "Add numbers to the key's own block list, or to a client's (`client`: orgnr)",
            request: "BlockListAdd", response: OpenAPISchemas.ref("BlockListAddResult"), status: 201,
            also: [.success(200, "Nothing added: every number was already blocked or invalid")]),
        APIOperation(
            "get", "/api/v1/block-list", "Block lists the key may add to, with their sizes", response: OpenAPISchemas.list(of: "BlockListSummary")),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "BlockListAdd",
            [
                "type": "object", "required": ["phones"],
                "properties": [
                    "phones": ["type": "array", "maxItems": 10000, "items": ["type": "string"]],
                    "client": ["type": "string", "description": "the client's organisation number"],
                ],
            ]
        ),
        (
            "BlockListAddResult",
            [
                "type": "object",
                "properties": [
                    "list": ["type": "string"], "added": ["type": "integer"], "already_blocked": ["type": "integer"],
                    "errors": [
                        "type": "array", "items": ["type": "object", "properties": ["field": ["type": "string"], "reason": ["type": "string"]]],
                    ],
                ],
            ]
        ),
        (
            "BlockListSummary",
            ["type": "object", "properties": ["orgnr": ["type": "string"], "name": ["type": "string"], "entries": ["type": "integer"]]]
        ),
    ]
}
