import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// Whose figures a series shows.
enum EvaluationScope: Sendable, Hashable {
    /// The whole industry.
    case industry
    /// One call centre (its organisation id).
    case centre(UUID)
    /// One client.
    case client(UUID)
}

/// The period, granularity and scope of a request, parsed and checked: the API, the CSV, the chart and
/// the pages share it. Bad values are 422 with the field named.
struct EvaluationFilter: Sendable {
    let granularity: EvaluationGranularity
    let from: LocalDate
    let to: LocalDate
    let scope: EvaluationScope
    /// The organisation number and name the scope was asked by, nil for the industry.
    let scopeOrgnr: String?
    let scopeName: String?

    /// Reads `granularity` (default `defaultGranularity`), `from` (default 1 June 2009), `to` (default
    /// today), and `centre` or `client` (organisation numbers).
    static func parse(_ req: Request, defaultGranularity: EvaluationGranularity = .month, problems: inout [FieldProblem]) async throws
        -> EvaluationFilter
    {
        let granularityText = req.query[String.self, at: "granularity"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultGranularity.rawValue
        let granularity = EvaluationGranularity(rawValue: granularityText)
        if granularity == nil {
            problems.append(
                FieldProblem(
                    field: "granularity", reason: "must be month, quarter or year",
                    message: Phrase(nb: "Velg måned, kvartal eller år.", en: "Choose month, quarter or year.")))
        }
        let today = OsloTime.localDate(of: req.now)
        var dateProblems: [FieldProblem] = []
        func date(_ field: String, _ fallback: LocalDate) -> LocalDate {
            guard let raw = req.query[String.self, at: field], !raw.isEmpty else { return fallback }
            if let parsed = try? LocalDate(parsing: raw) { return parsed }
            dateProblems.append(
                FieldProblem(
                    field: field, reason: "must be a date written yyyy-mm-dd",
                    message: Phrase(nb: "Datoen må skrives åååå-mm-dd.", en: "Write the date as yyyy-mm-dd.")))
            return fallback
        }
        let from = date("from", EvaluationMilestone.schemeStart)
        let to = date("to", today)
        problems += dateProblems
        if from > to {
            problems.append(
                FieldProblem(
                    field: "to", reason: "must not be before from",
                    message: Phrase(nb: "Til-datoen kan ikke være før fra-datoen.", en: "The end date cannot be before the start date.")))
        }
        var scope = EvaluationScope.industry
        var scopeOrgnr: String?
        var scopeName: String?
        for (field, kind) in [("centre", OrganisationKind.callCentre), ("client", OrganisationKind.client)] {
            guard let raw = req.query[String.self, at: field], !raw.isEmpty else { continue }
            // An organisation number (spaces allowed), or the organisation's id (links made by programs).
            let digits = String(decoding: raw.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, as: UTF8.self)
            var found: OrganisationModel?
            if let uuid = UUID(uuidString: raw) {
                found = try await OrganisationModel.find(uuid, on: req.db)
            } else if digits.utf8.count == 9 {
                found = try await OrganisationModel.query(on: req.db).filter(\.$orgnr == digits).first()
            }
            guard let organisation = found, organisation.kindRaw == kind.rawValue, let id = organisation.id else {
                problems.append(
                    FieldProblem(
                        field: field, reason: "no \(kind == .callCentre ? "call centre" : "client") has this organisation number",
                        message: Phrase(nb: "Fant ingen med dette organisasjonsnummeret.", en: "No organisation has this number.")))
                continue
            }
            scope = kind == .callCentre ? .centre(id) : .client(id)
            scopeOrgnr = organisation.orgnr
            scopeName = organisation.name
        }
        let g = granularity ?? defaultGranularity
        // Five years of months is 60 points; a century of months would be a mistake, not a question.
        if problems.isEmpty, EvaluationPeriod.range(from: from, to: to, granularity: g).count > 1200 {
            problems.append(FieldProblem(field: "from", reason: "the range has more than 1 200 periods"))
        }
        return EvaluationFilter(granularity: g, from: from, to: to, scope: scope, scopeOrgnr: scopeOrgnr, scopeName: scopeName)
    }
}

/// A series request: an indicator and a filter.
struct EvaluationQuery: Sendable {
    let indicator: EvaluationIndicator
    let filter: EvaluationFilter

    var granularity: EvaluationGranularity { filter.granularity }
    var from: LocalDate { filter.from }
    var to: LocalDate { filter.to }
    var scope: EvaluationScope { filter.scope }

    /// Reads `indicator` (or takes `indicatorName` from the path) and the filter.
    static func parse(_ req: Request, indicatorName: String? = nil) async throws -> EvaluationQuery {
        var problems: [FieldProblem] = []
        let name = indicatorName ?? req.query[String.self, at: "indicator"] ?? ""
        let indicator = EvaluationIndicator.named(name)
        if indicator == nil {
            problems.append(
                FieldProblem(
                    field: "indicator",
                    reason: name.isEmpty ? "missing" : "unknown indicator; GET /api/v1/evaluation/indicators lists them",
                    message: Phrase(nb: "Ukjent eller manglende indikator.", en: "Unknown or missing indicator.")))
        }
        let filter = try await EvaluationFilter.parse(req, problems: &problems)
        guard problems.isEmpty, let indicator else { throw AppError.invalid(problems) }
        return EvaluationQuery(indicator: indicator, filter: filter)
    }
}

/// Who may see which scope, and whether suppression applies (issue 17 § 6).
enum EvaluationAccess {
    /// The association, the board and the consumer authority see every figure in full.
    static func isOverseer(_ kind: OrganisationKind) -> Bool { kind == .association || kind == .board || kind == .authority }

    /// Whether a viewer (nil: the public) may see `scope` at all, and if so whether figures are shown in
    /// full (the viewer is the subject or an overseer) or suppressed below the minimum count.
    static func decide(viewer: (kind: OrganisationKind, id: UUID)?, scope: EvaluationScope) -> (allowed: Bool, full: Bool) {
        guard let viewer else { return (scope == .industry, false) }
        if isOverseer(viewer.kind) { return (true, true) }
        switch scope {
        case .industry: return (true, false)
        case .centre(let id), .client(let id): return (id == viewer.id, id == viewer.id)
        }
    }

    /// The viewer behind a request, if any (a person or an API key).
    static func viewer(_ req: Request) -> (kind: OrganisationKind, id: UUID)? {
        if let user = req.auth.get(CurrentUser.self) { return (user.organisationKind, user.organisationID) }
        if let client = req.auth.get(APIClient.self) { return (client.organisationKind, client.organisationID) }
        return nil
    }
}

/// Reads the rollups: the only lookup the evaluation offers other features is `series`.
enum EvaluationStore {
    /// The totals of `metrics` in the scope and range, summed over the scope's rows. Event counters come back
    /// one row per month (dated the month's first day, or `from` if later): every granularity is made of
    /// whole months, and it reads 30 times fewer rows. Gauges come back per day (their last day counts).
    static func dailyCounts(metrics: [String], scope: EvaluationScope, from: LocalDate, to: LocalDate, on db: any Database) async throws
        -> [EvaluationDailyCount]
    {
        guard let sql = db as? any SQLDatabase, !metrics.isEmpty else { return [] }
        var out: [EvaluationDailyCount] = []
        let gauges = metrics.filter(EvaluationMetric.isGauge)
        let events = metrics.filter { !EvaluationMetric.isGauge($0) }
        for (group, monthly) in [(events, true), (gauges, false)] where !group.isEmpty {
            let dayExpression = monthly ? "SUBSTR(day, 1, 7)" : "day"
            var query = SQLQueryString(
                "SELECT \(unsafeRaw: dayExpression) AS d, metric, CAST(SUM(value) AS BIGINT) AS total FROM evaluation_daily WHERE day >= ")
            query.appendInterpolation(bind: from.iso8601)
            query.appendLiteral(" AND day <= ")
            query.appendInterpolation(bind: to.iso8601)
            query.appendLiteral(" AND metric IN (")
            for (index, metric) in group.enumerated() {
                if index > 0 { query.appendLiteral(", ") }
                query.appendInterpolation(bind: metric)
            }
            query.appendLiteral(")")
            switch scope {
            case .industry: break
            case .centre(let id):
                query.appendLiteral(" AND centre_id = ")
                query.appendInterpolation(bind: id)
            case .client(let id):
                query.appendLiteral(" AND client_id = ")
                query.appendInterpolation(bind: id)
            }
            query.appendInterpolation(unsafeRaw: " GROUP BY \(dayExpression), metric")
            for row in try await sql.raw(query).all() {
                let text = try row.decode(column: "d", as: String.self)
                guard let parsed = try? LocalDate(parsing: monthly ? text + "-01" : text) else { continue }
                out.append(
                    EvaluationDailyCount(
                        day: max(parsed, from), metric: try row.decode(column: "metric", as: String.self),
                        value: try row.decode(column: "total", as: Int64?.self) ?? 0))
            }
        }
        return out
    }

    /// The counts an indicator needs.
    static func counts(for indicator: EvaluationIndicator, scope: EvaluationScope, from: LocalDate, to: LocalDate, on db: any Database)
        async throws -> [EvaluationDailyCount]
    {
        let formula = indicator.formula
        let metrics = Array(Set(formula.metrics + [formula.basisMetric].compactMap { $0 })).sorted()
        return try await dailyCounts(metrics: metrics, scope: formula.isIndustryGauge ? .industry : scope, from: from, to: to, on: db)
    }

    /// The indicator's points for the query, with suppression applied unless `full`. Gauges of the whole
    /// industry (the register's size) are read industry-wide whatever the scope.
    static func series(_ query: EvaluationQuery, full: Bool, minimumCount: Int, on db: any Database) async throws -> [EvaluationPoint] {
        let counts = try await counts(for: query.indicator, scope: query.scope, from: query.from, to: query.to, on: db)
        let points = EvaluationCalculator.series(query.indicator, counts: counts, from: query.from, to: query.to, granularity: query.granularity)
        return EvaluationSuppression(minimumCount: minimumCount).apply(points, viewerIsSubject: full)
    }

    /// The external series imported for an indicator, by source name, at `granularity`.
    static func external(indicator: String, granularity: EvaluationGranularity, on db: any Database) async throws -> [String: [String: Double]] {
        let rows = try await ExternalSeriesValueModel.query(on: db).filter(\.$indicator == indicator)
            .filter(\.$granularity == granularity.rawValue).all()
        var out: [String: [String: Double]] = [:]
        for row in rows { out[row.sourceName, default: [:]][row.period] = row.value }
        return out
    }

    /// The association's targets, falling back to the built-in defaults.
    static func goals(on db: any Database) async throws -> [String: EvaluationGoal] {
        var goals = Dictionary(EvaluationGoal.defaults.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        for row in try await EvaluationTargetModel.query(on: db).all() {
            guard let direction = EvaluationGoal.Direction(rawValue: row.direction) else { continue }
            goals[row.indicator] = EvaluationGoal(indicator: row.indicator, direction: direction, threshold: row.threshold)
        }
        return goals
    }
}

extension EvaluationFormula {
    /// Gauges describe the industry (the register, the approved centres), not one centre's traffic.
    var isIndustryGauge: Bool {
        if case .gauge(let metric) = self { return metric == EvaluationMetric.registerPersons }
        return false
    }
}
