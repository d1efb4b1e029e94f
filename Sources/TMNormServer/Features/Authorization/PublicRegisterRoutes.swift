import Fluent
import Foundation
import TMNormCore
import Vapor

/// The public register anyone can open: `/register`, `/register/ORGNR` and the live badge.
struct PublicRegisterWebRoutes: RouteCollection {
    /// Seconds a badge may be cached: short, because it must follow status changes.
    static let badgeMaxAge = 300

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.publicRegister, use: list)
        routes.get(.registerEntry, use: entry)
        routes.get(.registerBadge, use: badge)
    }

    func list(req: Request) async throws -> Response {
        let query = String((req.query[String.self, at: "q"] ?? "").prefix(200))
        let today = req.osloToday
        let rows = try await AuthorizationRegister.entries(query: query, on: today, db: req.db)
        let model = PublicRegisterView.Model(query: query, today: today, rows: rows)
        return .html(PublicRegisterView.render(model, context: req.pageContext))
    }

    func entry(req: Request) async throws -> Response {
        let record = try await AuthorizationRegister.record(orgnr: req.parameters.get("orgnr"), on: req.db)
        let model = RegisterEntryView.Model(
            entry: record.registerEntry(on: req.osloToday), warnings: record.warnings(on: req.osloToday), checkedAt: req.now,
            badgeURL: req.application.config.publicBaseURL + SiteRoute.registerBadge(record.centre.digits).path,
            pageURL: req.application.config.publicBaseURL + SiteRoute.registerEntry(record.centre.digits).path)
        return .html(RegisterEntryView.render(model, context: req.pageContext))
    }

    func badge(req: Request) async throws -> Response {
        let record = try await AuthorizationRegister.record(orgnr: req.parameters.get("orgnr"), on: req.db)
        let svg = AuthorizationBadge.svg(for: record.registerEntry(on: req.osloToday))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "image/svg+xml; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=\(Self.badgeMaxAge), must-revalidate")
        // Centres embed the badge on their own sites.
        headers.replaceOrAdd(name: "Cross-Origin-Resource-Policy", value: "cross-origin")
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }
}

/// `GET /api/v1/register` and `GET /api/v1/register/{orgnr}`: public, no key needed.
struct PublicRegisterAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("register", use: list)
        routes.get("register", ":orgnr", use: entry)
    }

    /// A bare JSON array of `{"orgnr","name","status","valid_until"}`, as the issue specifies the list.
    func list(req: Request) async throws -> Response {
        let rows = try await AuthorizationRegister.entries(query: req.query[String.self, at: "q"] ?? "", on: req.osloToday, db: req.db)
        return try Self.json(rows)
    }

    func entry(req: Request) async throws -> Response {
        let record = try await AuthorizationRegister.record(orgnr: req.parameters.get("orgnr"), on: req.db)
        return try Self.json(record.registerEntry(on: req.osloToday))
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(value)))
    }
}

/// OpenAPI description of the public register.
enum PublicRegisterAPIDocs {
    static let operations: [APIOperation] = [
        APIOperation(
            "get", "/api/v1/register", "The public register of approved call centres (no key needed); suspended centres are listed as suspended",
            response: ["type": "array", "items": OpenAPISchemas.ref("RegisterEntry")], authenticated: false,
            query: [("q", "Search: words of the name, or digits of the organisation number", false)], validates: false),
        APIOperation(
            "get", "/api/v1/register/{orgnr}", "The live status of one centre (no key needed); 404 for unknown or malformed numbers",
            response: OpenAPISchemas.ref("RegisterEntry"), authenticated: false),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "RegisterEntry",
            [
                "type": "object", "required": ["orgnr", "name", "status", "valid_until"],
                "properties": [
                    "orgnr": ["type": "string", "pattern": "^[0-9]{9}$"], "name": ["type": "string"],
                    "status": ["type": "string", "enum": .array(AuthorizationPublicStatus.allCases.map { .string($0.rawValue) })],
                    "valid_until": OpenAPISchemas.optionalDate,
                ],
            ]
        )
    ]
}
