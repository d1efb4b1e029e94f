/// The schemas of the whole document: the shared ones and every feature's.
extension OpenAPISchemas {
    static var components: JSONValue {
        guard case .object(let base) = baseSchemas else { return baseSchemas }
        return [
            "securitySchemes": [
                "apiKey": ["type": "http", "scheme": "bearer", "description": "An organisation's API key: `Authorization: Bearer tmn_…`"]
            ],
            "schemas": .object(
                base + WashAPIDocs.schemas + BlockListAPIDocs.schemas + MayCallAPIDocs.schemas + SaleAPIDocs.schemas + ExemptionAPIDocs.schemas
                    + PublicRegisterAPIDocs.schemas + ComplaintAPIDocs.schemas + EvidenceLogAPIDocs.schemas
                    + EvaluationAPIDocs.schemas + EventAPIDocs.schemas + MeetingAPIDocs.schemas),
        ]
    }

    static let baseSchemas: JSONValue = [
        "Problem": [
            "type": "object", "description": "RFC 9457 problem document",
            "properties": [
                "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                "detail": ["type": "string"], "request_id": ["type": "string"],
                "errors": [
                    "type": "array", "items": ["type": "object", "properties": ["field": ["type": "string"], "reason": ["type": "string"]]],
                ],
            ],
        ],
        "Organisation": [
            "type": "object", "required": ["id", "name", "orgnr", "kind", "created_at"],
            "properties": [
                "id": uuid, "name": ["type": "string"], "orgnr": ["type": "string", "pattern": "^[0-9]{9}$"],
                "kind": ["type": "string", "enum": ["call_centre", "client", "association", "authority", "board"]],
                "created_at": ["type": "string", "format": "date-time"],
            ],
        ],
        "OrganisationInput": [
            "type": "object", "required": ["name", "orgnr", "kind"],
            "properties": ["name": ["type": "string", "maxLength": 200], "orgnr": ["type": "string"], "kind": ["type": "string"]],
        ],
        "Membership": [
            "type": "object", "required": ["id", "member_id", "association_id", "valid_from"],
            "properties": ["id": uuid, "member_id": uuid, "association_id": uuid, "valid_from": date, "valid_until": optionalDate],
        ],
        "MembershipInput": [
            "type": "object", "required": ["association_id", "valid_from"],
            "properties": ["association_id": uuid, "valid_from": date, "valid_until": optionalDate],
        ],
        "Engagement": [
            "type": "object", "required": ["id", "call_centre_id", "client_id", "valid_from", "status", "may_record_exemptions"],
            "properties": [
                "id": uuid, "call_centre_id": uuid, "client_id": uuid, "valid_from": date, "valid_until": optionalDate,
                "status": ["type": "string", "enum": ["pending", "confirmed", "declined"]],
                "may_record_exemptions": ["type": "boolean"],
            ],
        ],
        "EngagementInput": [
            "type": "object", "required": ["call_centre_id", "client_id", "valid_from"],
            "properties": [
                "call_centre_id": uuid, "client_id": uuid, "valid_from": date, "valid_until": optionalDate,
                "may_record_exemptions": ["type": "boolean"],
            ],
        ],
        "EngagementDecisionInput": [
            "type": "object",
            "properties": ["may_record_exemptions": ["type": "boolean"]],
        ],
        "EngagementExemptionsInput": [
            "type": "object", "required": ["may_record_exemptions"],
            "properties": ["may_record_exemptions": ["type": "boolean"]],
        ],
        "Me": [
            "type": "object", "required": ["organisation", "key_id"],
            "properties": ["organisation": ref("Organisation"), "key_id": uuid],
        ],
    ]
}
