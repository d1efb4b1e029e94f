/// OpenAPI description of `/api/v1/may-call`, `/api/v1/campaigns`, `/api/v1/decisions`.
enum MayCallAPIDocs {
    static let reasons: JSONValue = [
        "type": "array",
        "items": ["type": "string", "enum": .array(MayCallReasonCodes.all.map { .string($0) })],
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            "get", "/api/v1/may-call", "May this number be called now for this campaign? (logged)",
            response: OpenAPISchemas.ref("MayCall"),
            query: [
                ("campaign", "The campaign id (the key's own call centre)", true),
                ("number", "The phone number, any common Norwegian format", true),
                ("at", "ISO 8601 time to judge instead of now", false),
                (
                    "first_name",
                    "The person called, as in the population register: first_name, last_name, street, postcode (and house_number, if the address has one) together",
                    false
                ),
                ("last_name", "The person's last name", false),
                ("street", "The person's street", false),
                ("house_number", "The person's house number", false),
                ("postcode", "The person's postcode (4 digits)", false),
            ]),
        APIOperation(
            "post", "/api/v1/may-call",
            "Decide up to 10 000 numbers at once (each logged): `numbers`, and `items` with the person called, answered in that order",
            request: "MayCallBatch", response: OpenAPISchemas.list(of: "MayCall")),
        APIOperation("get", "/api/v1/campaigns", "Campaigns of the key's organisation", response: OpenAPISchemas.list(of: "Campaign")),
        APIOperation(
            "get", "/api/v1/decisions", "Search the decision log", response: OpenAPISchemas.list(of: "Decision"),
            query: [("number", "Full phone number (matched by keyed hash)", false), ("campaign", "Campaign id", false)]),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "MayCall",
            [
                "type": "object", "required": ["allowed", "reasons", "decision_id", "register", "next_allowed"],
                "properties": [
                    "number": ["type": "string"], "allowed": ["type": "boolean"], "reasons": reasons,
                    "decision_id": OpenAPISchemas.uuid,
                    "register": [
                        "type": ["object", "null"],
                        "properties": ["id": ["type": "string"], "obtained_at": ["type": "string", "format": "date-time"]],
                    ],
                    "next_allowed": [
                        "type": ["string", "null"], "format": "date-time",
                        "description": "Next moment calling time permits; equals the asked time when it permits now",
                    ],
                ],
            ]
        ),
        (
            "MayCallBatch",
            [
                "type": "object", "required": ["campaign"], "description": "1–10 000 questions in `numbers` and `items` together",
                "properties": [
                    "campaign": OpenAPISchemas.uuid, "numbers": ["type": "array", "maxItems": 10000, "items": ["type": "string"]],
                    "items": ["type": "array", "maxItems": 10000, "items": OpenAPISchemas.ref("MayCallItem")],
                    "at": ["type": "string", "format": "date-time"],
                ],
            ]
        ),
        (
            "MayCallItem",
            [
                "type": "object", "required": ["number"],
                "description": "A number with the person called; the person's fields come together (house_number only if the address has one)",
                "properties": [
                    "number": ["type": "string"], "first_name": ["type": "string", "maxLength": 200],
                    "last_name": ["type": "string", "maxLength": 200],
                    "street": ["type": "string", "maxLength": 200], "house_number": ["type": "string", "maxLength": 200],
                    "postcode": ["type": "string"],
                ],
            ]
        ),
        (
            "Campaign",
            [
                "type": "object",
                "properties": [
                    "id": OpenAPISchemas.uuid, "name": ["type": "string"], "client_id": OpenAPISchemas.uuid, "product_category": ["type": "string"],
                    "caller_id": ["type": "string"], "voluntary": ["type": "boolean"], "newspaper": ["type": "boolean"],
                    "starts_on": OpenAPISchemas.date, "ends_on": OpenAPISchemas.date,
                    "status": ["type": "string", "enum": ["draft", "active", "paused", "ended"]],
                ],
            ]
        ),
        (
            "Decision",
            [
                "type": "object",
                "properties": [
                    "decision_id": OpenAPISchemas.uuid, "campaign_id": OpenAPISchemas.uuid, "allowed": ["type": "boolean"], "reasons": reasons,
                    "register_snapshot_id": ["type": ["string", "null"]], "rule_set": ["type": "string"],
                    "asked_at": ["type": "string", "format": "date-time"], "decided_at": ["type": "string", "format": "date-time"],
                ],
            ]
        ),
    ]
}

/// The reason codes, for documentation.
enum MayCallReasonCodes {
    static var all: [String] { TMNormCoreReasons.codes }
}
