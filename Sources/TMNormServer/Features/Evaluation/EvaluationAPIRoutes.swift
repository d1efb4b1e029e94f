import Fluent
import Foundation
import TMNormCore
import Vapor

/// `GET /api/v1/evaluation/indicators` and `GET /api/v1/evaluation/series` (JSON, or CSV with
/// `format=csv` or `Accept: text/csv`). Association, board and authority keys see every scope in full; a
/// centre's or client's key sees its own figures, and the industry's with small figures suppressed.
struct EvaluationAPIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("evaluation", "indicators", use: indicators)
        routes.get("evaluation", "series", use: series)
    }

    struct IndicatorDTO: Content {
        let name: String
        let unit: String
        let definition: String
    }

    struct IndicatorListDTO: Content {
        let items: [IndicatorDTO]
    }

    struct PointDTO: Content {
        let period: String
        let value: Double?

        enum CodingKeys: String, CodingKey { case period, value }

        init(period: String, value: Double?) {
            self.period = period
            self.value = value
        }

        /// `value` is always present: `null` says "no figure" (nothing to divide by, or suppressed).
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(period, forKey: .period)
            try container.encode(value, forKey: .value)
        }
    }

    struct SeriesDTO: Content {
        let indicator: String
        let unit: String
        let points: [PointDTO]
    }

    func indicators(req: Request) async throws -> IndicatorListDTO {
        _ = try req.requirePrincipal()
        let norwegian = req.headers.first(name: .acceptLanguage)?.lowercased().hasPrefix("nb") ?? false
        return IndicatorListDTO(
            items: EvaluationIndicator.all.map {
                IndicatorDTO(name: $0.name, unit: $0.unit.rawValue, definition: $0.definition(norwegian: norwegian))
            })
    }

    func series(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        let query = try await EvaluationQuery.parse(req)
        let access = EvaluationAccess.decide(viewer: EvaluationAccess.viewer(req), scope: query.scope)
        guard access.allowed else { throw AppError.forbidden() }
        let points = try await EvaluationStore.series(
            query, full: access.full, minimumCount: req.application.config.evaluationMinimumCount, on: req.db)
        let wantsCSV =
            req.query[String.self, at: "format"] == "csv"
            || (req.headers.first(name: .accept)?.contains("text/csv") ?? false)
        if wantsCSV { return EvaluationCSV.response(query: query, points: points) }
        let dto = SeriesDTO(
            indicator: query.indicator.name, unit: query.indicator.unit.rawValue,
            points: points.map { PointDTO(period: $0.period.description, value: $0.value.map(EvaluationCSV.rounded)) })
        return try await dto.encodeResponse(for: req)
    }
}

/// Series as CSV for Excel: `;` separated, decimal comma, a UTF-8 byte order mark so Excel reads æøå.
enum EvaluationCSV {
    /// Values to four decimals: enough for a percentage, stable across databases.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    static func text(query: EvaluationQuery, points: [EvaluationPoint]) -> String {
        var lines = ["periode;\(query.indicator.name);enhet"]
        for point in points {
            let value = point.value.map { String(rounded($0)).replacingOccurrences(of: ".", with: ",") } ?? (point.suppressed ? "skjult" : "")
            lines.append("\(point.period.description);\(value);\(query.indicator.unit.rawValue)")
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func response(query: EvaluationQuery, points: [EvaluationPoint]) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(query.indicator.name)-\(query.granularity.rawValue).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text(query: query, points: points)))
    }
}

enum EvaluationAPIDocs {
    static let seriesQuery: [(String, String, Bool)] = [
        ("indicator", "The indicator's name (see /api/v1/evaluation/indicators)", true),
        ("granularity", "month (default), quarter or year; periods are Europe/Oslo calendar periods", false),
        ("from", "First day, yyyy-mm-dd (default 2009-06-01, the scheme's start)", false),
        ("to", "Last day, yyyy-mm-dd (default today)", false),
        ("centre", "A call centre's organisation number: that centre's figures", false),
        ("client", "A client's organisation number: that client's figures", false),
        ("format", "csv for Excel-friendly CSV (also with Accept: text/csv)", false),
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            "get", "/api/v1/evaluation/indicators", "The evaluation's indicators with unit and definition",
            response: OpenAPISchemas.ref("EvaluationIndicatorList")),
        APIOperation(
            "get", "/api/v1/evaluation/series",
            "An indicator as a time series (association, board and authority keys: every scope; a centre or client: its own, and the industry with figures below the minimum count suppressed as null)",
            response: OpenAPISchemas.ref("EvaluationSeries"), query: seriesQuery),
    ]

    static let schemas: [(String, JSONValue)] = [
        (
            "EvaluationIndicatorList",
            [
                "type": "object", "required": ["items"],
                "properties": [
                    "items": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["name", "unit", "definition"],
                            "properties": [
                                "name": ["type": "string"],
                                "unit": ["type": "string", "enum": ["count", "percent", "per_1000", "hours"]],
                                "definition": ["type": "string"],
                            ],
                        ],
                    ]
                ],
            ]
        ),
        (
            "EvaluationSeries",
            [
                "type": "object", "required": ["indicator", "unit", "points"],
                "properties": [
                    "indicator": ["type": "string"], "unit": ["type": "string"],
                    "points": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["period", "value"],
                            "properties": [
                                "period": ["type": "string", "description": "2024-03, 2024-Q1 or 2024"],
                                "value": ["type": ["number", "null"], "description": "null: nothing to divide by, or suppressed"],
                            ],
                        ],
                    ],
                ],
            ]
        ),
    ]
}
