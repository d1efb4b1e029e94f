/// OpenAPI description of `/api/v1/sales…` and `/api/v1/sms/inbound`.
enum SaleAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "post", "/api/v1/sales",
            "Register a sale: checks the confirmation policy, sends the written offer by SMS and/or e-mail (header Idempotency-Key required; the same key returns the same sale with 200)",
            request: "SaleInput", response: OpenAPISchemas.ref("Sale"), status: 201,
            headers: [("Idempotency-Key", "A unique key per sale (at most 200 characters), sent again unchanged on retries", true)],
            also: [.success(200, "The same Idempotency-Key and body again: the sale registered before (header Idempotent-Replayed: true)")]),
        APIOperation(
            "get", "/api/v1/sales", "Sales of the key's organisation (call centre or client)", response: OpenAPISchemas.list(of: "Sale"),
            query: [("state", "sent, accepted, declined, expired, withdrawn or exempt", false), ("campaign", "Campaign id", false)]),
        APIOperation(
            "get", "/api/v1/sales/statistics", "Acceptance rate overall, per campaign and per agent", response: OpenAPISchemas.ref("SaleStatistics"),
            query: [("campaign", "Campaign id", false)]),
        APIOperation("get", "/api/v1/sales/{id}", "One sale and its state", response: OpenAPISchemas.ref("Sale")),
        APIOperation(
            "post", "/api/v1/sms/inbound",
            "Replies (JA/NEI/ANGRE CODE) and delivery receipts from the SMS gateway; authenticated by X-TMNorm-Signature = hex HMAC-SHA256 of the raw body with TMNORM_SMS_SECRET, not by an API key (401 unsigned or wrong, 409 replay)",
            request: "InboundSMS", response: OpenAPISchemas.ref("InboundSMSAnswer"), authenticated: false,
            headers: [("X-TMNorm-Signature", "Hex HMAC-SHA256 of the raw body with TMNORM_SMS_SECRET", true)],
            also: [.problem(401, "Unsigned, or the signature does not match"), .problem(409, "Replay: this signed body was received before")]),
    ]

    static let tally: JSONValue = [
        "type": "object",
        "properties": [
            "key": ["type": ["string", "null"]], "sent": ["type": "integer"], "accepted": ["type": "integer"], "declined": ["type": "integer"],
            "expired": ["type": "integer"], "withdrawn": ["type": "integer"],
        ],
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "SaleInput",
            [
                "type": "object", "required": ["campaign_id", "consumer", "product", "price", "binding_months"],
                "properties": [
                    "campaign_id": OpenAPISchemas.uuid,
                    "consumer": [
                        "type": "object", "required": ["name"], "description": "phone (Norwegian mobile) or email required",
                        "properties": ["name": ["type": "string", "maxLength": 200], "phone": ["type": "string"], "email": ["type": "string"]],
                    ],
                    "product": ["type": "string", "maxLength": 200],
                    "product_kind": [
                        "type": "string", "enum": ["service", "goods"],
                        "description": "Default service; goods start the withdrawal period on receipt",
                    ],
                    "price": [
                        "type": "object", "required": ["amount", "period"],
                        "properties": [
                            "amount": ["type": "string", "description": "Decimal string, e.g. \"199\" or \"1234,50\""],
                            "currency": ["type": "string", "enum": ["NOK"]],
                            "period": ["type": "string", "enum": ["once", "month", "year"]],
                        ],
                    ],
                    "binding_months": ["type": "integer", "minimum": 0, "maximum": 36],
                    "start_date": OpenAPISchemas.date,
                    "terms": ["type": "string", "maxLength": 4000],
                    "payment": ["type": "string", "maxLength": 4000, "description": "Required (angrerettloven § 8): how and when the consumer pays"],
                    "delivery": ["type": "string", "maxLength": 4000, "description": "Required: how and when the goods or service are delivered"],
                    "termination": [
                        "type": "string", "maxLength": 4000,
                        "description": "Required for a recurring price (month, year): how the agreement is ended",
                    ],
                    "return_costs": [
                        "type": "string", "enum": ["consumer", "seller"],
                        "description": "Required for goods: who pays for returning them after a withdrawal",
                    ],
                    "other_charges": [
                        "type": "array", "maxItems": 20, "description": "Charges besides the price; the stated total includes them",
                        "items": [
                            "type": "object", "required": ["description", "amount"],
                            "properties": ["description": ["type": "string", "maxLength": 200], "amount": ["type": "string"]],
                        ],
                    ],
                ],
            ]
        ),
        (
            "Sale",
            [
                "type": "object", "required": ["id", "state", "reference"],
                "properties": [
                    "id": OpenAPISchemas.uuid,
                    "state": ["type": "string", "enum": ["sent", "accepted", "declined", "expired", "withdrawn", "exempt"]],
                    "reference": ["type": "string"], "campaign_id": OpenAPISchemas.uuid, "call_centre_id": OpenAPISchemas.uuid,
                    "client_id": OpenAPISchemas.uuid,
                    "consumer": [
                        "type": "object", "required": ["name"],
                        "properties": ["name": ["type": "string"], "phone": ["type": "string"], "email": ["type": "string"]],
                    ],
                    "product": ["type": "string"],
                    "price": [
                        "type": "object", "required": ["amount", "currency", "period"],
                        "properties": [
                            "amount": ["type": "string"], "currency": ["type": "string", "enum": ["NOK"]],
                            "period": ["type": "string", "enum": ["once", "month", "year"]],
                        ],
                    ],
                    "binding_months": ["type": "integer"],
                    "start_date": ["type": ["string", "null"]], "exemption": ["type": ["string", "null"]],
                    "offer_sha256": ["type": ["string", "null"]],
                    "accept_by": ["type": ["string", "null"], "format": "date-time"],
                    "accepted_at": ["type": ["string", "null"], "format": "date-time"],
                    "reminder_due_at": ["type": ["string", "null"], "format": "date-time"],
                    "reminder_sent_at": ["type": ["string", "null"], "format": "date-time"],
                    "accepted_via": ["type": ["string", "null"], "description": "link or sms"],
                    "withdrawal_deadline": ["type": ["string", "null"], "format": "date"],
                    "closed_at": ["type": ["string", "null"], "format": "date-time"], "evidence_head": ["type": "string"],
                    "created_at": ["type": "string", "format": "date-time"],
                ],
            ]
        ),
        (
            "SaleStatistics",
            [
                "type": "object",
                "properties": [
                    "overall": tally, "per_campaign": ["type": "array", "items": tally], "per_agent": ["type": "array", "items": tally],
                ],
            ]
        ),
        (
            "InboundSMS",
            [
                "type": "object", "required": ["from", "to", "text", "received_at"],
                "properties": [
                    "from": ["type": "string"], "to": ["type": "string"], "text": ["type": "string"],
                    "received_at": ["type": "string", "format": "date-time"],
                    "id": ["type": "string"], "status": ["type": "string"],
                ],
            ]
        ),
        (
            "InboundSMSAnswer",
            [
                "type": "object",
                "properties": [
                    "result": [
                        "type": "string",
                        "enum": [
                            "accepted", "declined", "withdrawn", "already", "unknown_code", "ignored", "refused", "receipt_recorded",
                            "unknown_message",
                        ],
                    ], "message": ["type": ["string", "null"]],
                ],
            ]
        ),
    ]
}
