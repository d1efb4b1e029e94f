import Fluent
import Foundation
import TMNormCore
import Vapor

/// `GET /api/v1/action-items?status=open|done|dropped` (association keys): the association's action items.
struct MeetingAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("action-items", use: actionItems)
    }

    struct ActionItemDTO: Content {
        let id: UUID
        let title: String
        let owner_orgnr: String?
        let due: String
        let status: String
        let meeting_id: UUID

        /// Every key is written, `owner_orgnr` as null when the owner is not an organisation (the schema requires it).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(owner_orgnr, forKey: .owner_orgnr)
            try container.encode(due, forKey: .due)
            try container.encode(status, forKey: .status)
            try container.encode(meeting_id, forKey: .meeting_id)
        }
    }

    struct ActionItemsDTO: Content {
        let items: [ActionItemDTO]
    }

    func actionItems(req: Request) async throws -> ActionItemsDTO {
        let principal = try req.requirePrincipal()
        guard principal.actor.organisationKind == .association else { throw AppError.forbidden() }
        var query = MeetingActionItemModel.query(on: req.db).filter(\.$organisationID == principal.organisationID)
        if let raw = req.query[String.self, at: "status"] {
            guard let status = ActionItemStatus(rawValue: raw) else {
                throw AppError.invalid([
                    FieldProblem(
                        field: "status", Phrase(nb: "Status må være open, done eller dropped.", en: "The status must be open, done or dropped."))
                ])
            }
            query = query.filter(\.$statusRaw == status.rawValue)
        }
        let rows = try await query.sort(\.$due).limit(5000).all()
        return ActionItemsDTO(
            items: try rows.map {
                ActionItemDTO(
                    id: try $0.requireID(), title: $0.title, owner_orgnr: $0.ownerOrgnr, due: $0.due, status: $0.statusRaw, meeting_id: $0.meetingID)
            })
    }
}

enum MeetingAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "get", "/api/v1/action-items", "The association's action items from its meetings, by status (association keys)",
            response: OpenAPISchemas.list(of: "ActionItem"), query: [("status", "open, done or dropped", false)])
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "ActionItem",
            [
                "type": "object", "required": ["id", "title", "owner_orgnr", "due", "status", "meeting_id"],
                "properties": [
                    "id": OpenAPISchemas.uuid, "title": ["type": "string"],
                    "owner_orgnr": ["type": ["string", "null"], "description": "the owner organisation's number"],
                    "due": OpenAPISchemas.date, "status": ["type": "string", "enum": ["open", "done", "dropped"]],
                    "meeting_id": OpenAPISchemas.uuid,
                ],
            ]
        )
    ]
}
