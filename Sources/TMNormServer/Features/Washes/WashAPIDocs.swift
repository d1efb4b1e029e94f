/// OpenAPI description of `/api/v1/washes`.
enum WashAPIDocs {
    static let csv: JSONValue = [
        "type": "string", "description": "CSV, same columns, encoding and delimiter as the list; rejected rows get a `reason` column",
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            "post", "/api/v1/washes", "Wash a call list (CSV body) against the register and block lists",
            request: "The call list: CSV with a header row; ; , or tab; UTF-8 or Windows-1252",
            response: OpenAPISchemas.ref("Wash"), status: 201, requestType: "text/csv",
            query: [
                (
                    "campaign",
                    "Campaign id: wash for this campaign (its client, category and voluntary flag unless given) and attach the wash to it, so may-call allows the numbers that came out callable",
                    false
                ),
                ("client", "Organisation number of the client the list is called for (its block list and exemptions apply)", false),
                ("category", "Product category: existing customers of this category are exempt from the register", false),
                ("voluntary", "true for voluntary organisations: only reservations covering them apply", false),
                ("phone_column", "Header name or 1-based index of the phone column when not detected", false),
                ("name", "File name to record", false),
            ],
            also: [.problem(409, "No register snapshot has been imported yet")]),
        APIOperation("get", "/api/v1/washes", "The call centre's washes, newest first", response: OpenAPISchemas.list(of: "Wash")),
        APIOperation("get", "/api/v1/washes/{id}", "One wash and its certificate", response: OpenAPISchemas.ref("Wash")),
        APIOperation("get", "/api/v1/washes/{id}/callable", "The callable rows, unchanged", response: csv, responseType: "text/csv"),
        APIOperation("get", "/api/v1/washes/{id}/rejected", "The rejected rows with a reason column", response: csv, responseType: "text/csv"),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "Wash",
            [
                "type": "object", "required": ["id", "rows", "callable", "rejected", "by_reason", "register", "links"],
                "properties": [
                    "id": OpenAPISchemas.uuid, "rows": ["type": "integer"], "callable": ["type": "integer"], "rejected": ["type": "integer"],
                    "by_reason": [
                        "type": "object", "additionalProperties": ["type": "integer"],
                        "description":
                            "reserved_phone, reserved_person, internal_block_list, invalid_number, foreign_number, special_number, duplicate, …",
                    ],
                    "register": [
                        "type": "object",
                        "properties": [
                            "id": ["type": "string"], "sha256": ["type": "string"], "obtained_at": ["type": "string", "format": "date-time"],
                        ],
                    ],
                    "list_sha256": ["type": "string"], "washed_at": ["type": "string", "format": "date-time"],
                    "valid_until": ["type": ["string", "null"], "format": "date-time"], "invalid_reason": ["type": ["string", "null"]],
                    "block_list_versions": ["type": "object", "additionalProperties": ["type": "string"]],
                    "links": ["type": "object", "properties": ["callable": ["type": "string"], "rejected": ["type": "string"]]],
                    "campaign_id": [
                        "type": "string", "format": "uuid",
                        "description": "The campaign the wash was made for and attached to (POST with ?campaign=)",
                    ],
                ],
            ]
        )
    ]
}
