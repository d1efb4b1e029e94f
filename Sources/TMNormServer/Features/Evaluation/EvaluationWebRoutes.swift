import Fluent
import Foundation
import TMNormCore
import Vapor

/// `/evaluering`: the evaluation dashboard, the charts as SVG, the per-centre scorecards, the printable
/// report; the association sets targets and imports external series here.
struct EvaluationWebRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.evaluation, use: dashboard)
        routes.get(.evaluationChart, use: chart)
        routes.get(.evaluationScorecards, use: scorecards)
        routes.get(.evaluationReport, use: report)
        routes.post(.evaluationTargets, use: setTarget)
        routes.upload(.evaluationExternal, maxSize: "2mb", use: importExternal)
    }

    /// Who may open the evaluation pages: everyone signed in except agents (their centre's figures are
    /// the administrators' to read).
    private func requireViewer(_ req: Request) throws -> CurrentUser {
        let user = try req.requireUser()
        guard user.role != .agent else { throw AppError.forbidden() }
        return user
    }

    private func scopedFilter(_ req: Request, user: CurrentUser, defaultGranularity: EvaluationGranularity) async throws -> (EvaluationFilter, Bool) {
        var problems: [FieldProblem] = []
        let filter = try await EvaluationFilter.parse(req, defaultGranularity: defaultGranularity, problems: &problems)
        guard problems.isEmpty else { throw AppError.invalid(problems) }
        let access = EvaluationAccess.decide(viewer: (user.organisationKind, user.organisationID), scope: filter.scope)
        guard access.allowed else { throw AppError.forbidden() }
        return (filter, access.full)
    }

    func dashboard(req: Request) async throws -> Response {
        let user = try requireViewer(req)
        // One series as CSV for the signed-in (the API serves it to keys).
        if req.query[String.self, at: "format"] == "csv" {
            let query = try await EvaluationQuery.parse(req)
            let access = EvaluationAccess.decide(viewer: (user.organisationKind, user.organisationID), scope: query.scope)
            guard access.allowed else { throw AppError.forbidden() }
            let points = try await EvaluationStore.series(
                query, full: access.full, minimumCount: req.application.config.evaluationMinimumCount, on: req.db)
            return EvaluationCSV.response(query: query, points: points)
        }
        let (filter, full) = try await scopedFilter(req, user: user, defaultGranularity: .year)
        let model = try await EvaluationPages.dashboard(
            filter: filter, full: full, user: user, minimumCount: req.application.config.evaluationMinimumCount, on: req.db)
        return .html(EvaluationViews.dashboard(model, context: req.pageContext))
    }

    /// `GET /evaluering/charts/NAME.svg`: the public may see the industry's charts (small figures
    /// suppressed); signed-in viewers as on the API.
    func chart(req: Request) async throws -> Response {
        guard let raw = req.parameters.get("chart"), raw.hasSuffix(".svg") else { throw AppError.notFound() }
        let name = String(raw.dropLast(4))
        guard EvaluationIndicator.named(name) != nil else { throw AppError.notFound() }
        let query = try await EvaluationQuery.parse(req, indicatorName: name)
        let access = EvaluationAccess.decide(viewer: EvaluationAccess.viewer(req), scope: query.scope)
        guard access.allowed else { throw AppError.forbidden() }
        let points = try await EvaluationStore.series(
            query, full: access.full, minimumCount: req.application.config.evaluationMinimumCount, on: req.db)
        let external = try await EvaluationStore.external(indicator: name, granularity: query.granularity, on: req.db)
        let norwegian = req.pageContext.language == .nb
        let svg = EvaluationCharts.line(
            query.indicator, points: points, external: external, norwegian: norwegian, scopeName: query.filter.scopeName, idPrefix: "chart")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "image/svg+xml; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }

    func scorecards(req: Request) async throws -> Response {
        let user = try requireViewer(req)
        let (filter, _) = try await scopedFilter(req, user: user, defaultGranularity: .year)
        let model = try await EvaluationPages.scorecards(
            filter: filter, user: user, minimumCount: req.application.config.evaluationMinimumCount, now: req.now, on: req.db)
        return .html(EvaluationViews.scorecards(model, context: req.pageContext))
    }

    func report(req: Request) async throws -> Response {
        let user = try requireViewer(req)
        var problems: [FieldProblem] = []
        var filter = try await EvaluationFilter.parse(req, defaultGranularity: .year, problems: &problems)
        guard problems.isEmpty else { throw AppError.invalid(problems) }
        let access = EvaluationAccess.decide(viewer: (user.organisationKind, user.organisationID), scope: filter.scope)
        guard access.allowed else { throw AppError.forbidden() }
        // A short report reads better by quarter; the granularity can still be chosen.
        if req.query[String.self, at: "granularity"] == nil,
            EvaluationPeriod.range(from: filter.from, to: filter.to, granularity: .year).count <= 3
        {
            filter = EvaluationFilter(
                granularity: .quarter, from: filter.from, to: filter.to, scope: filter.scope, scopeOrgnr: filter.scopeOrgnr,
                scopeName: filter.scopeName)
        }
        let model = try await EvaluationPages.report(
            filter: filter, full: access.full, user: user, minimumCount: req.application.config.evaluationMinimumCount, now: req.now,
            on: req.db)
        return .html(EvaluationViews.report(model, context: req.pageContext))
    }

    struct TargetInput: Content {
        var indicator: String?
        var direction: String?
        var threshold: String?
    }

    /// The association's administrators set a target per indicator.
    func setTarget(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .associationAdmin else { throw AppError.forbidden() }
        let input = try req.content.decode(TargetInput.self)
        var problems: [FieldProblem] = []
        let indicator = EvaluationIndicator.named(input.indicator ?? "")
        if indicator == nil {
            problems.append(FieldProblem(field: "indicator", Phrase(nb: "velg en indikator", en: "choose an indicator")))
        }
        let direction = EvaluationGoal.Direction(rawValue: input.direction ?? "")
        if direction == nil {
            problems.append(FieldProblem(field: "direction", Phrase(nb: "velg høyst eller minst", en: "choose at most or at least")))
        }
        let threshold = ExternalSeriesParser.parseNumber(Array((input.threshold ?? "").utf8))
        if threshold == nil {
            problems.append(FieldProblem(field: "threshold", Phrase(nb: "skriv et tall, f.eks. 2 eller 60,5", en: "enter a number, e.g. 2 or 60.5")))
        }
        guard problems.isEmpty, let indicator, let direction, let threshold else { throw AppError.invalid(problems) }
        let name = indicator.name
        let now = req.now
        try await req.db.writeTransaction { tx in
            let row = try await EvaluationTargetModel.query(on: tx).filter(\.$indicator == name).first() ?? EvaluationTargetModel()
            row.indicator = name
            row.direction = direction.rawValue
            row.threshold = threshold
            row.setBy = user.id
            row.setAt = now
            try await row.save(on: tx)
        }
        return req.redirect(to: .evaluationScorecards, query: ["saved": "1"])
    }

    struct ExternalInput: Content {
        var indicator: String?
        var source_name: String?
        var file: File?
    }

    /// The association's administrators import an external series from CSV; it replaces the values of the
    /// same source, indicator and granularity.
    func importExternal(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.role == .associationAdmin else { throw AppError.forbidden() }
        let input = try req.content.decode(ExternalInput.self)
        guard let indicator = EvaluationIndicator.named(input.indicator ?? "") else {
            throw AppError.invalid([FieldProblem(field: "indicator", Phrase(nb: "velg en indikator", en: "choose an indicator"))])
        }
        let sourceName = (input.source_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !sourceName.isEmpty, sourceName.count <= 80 else {
            throw AppError.invalid([
                FieldProblem(
                    field: "source_name",
                    Phrase(nb: "skriv hvem tallene kommer fra (høyst 80 tegn)", en: "say who published the figures (at most 80 characters)"))
            ])
        }
        guard let file = input.file, file.data.readableBytes > 0 else {
            throw AppError.invalid([FieldProblem(field: "file", Phrase(nb: "velg en CSV-fil", en: "choose a CSV file"))])
        }
        let values: [ExternalSeriesValue]
        switch ExternalSeriesParser.parse(Array(file.data.readableBytesView)) {
        case .success(let parsed): values = parsed
        case .failure(let problem):
            throw AppError.invalid([
                FieldProblem(
                    field: "file", reason: "line \(problem.line): \(problem.field): \(problem.reason.rawValue)",
                    message: Phrase(nb: problem.message.nb, en: problem.message.en))
            ])
        }
        let granularity = values[0].period.granularity.rawValue
        let now = req.now
        try await req.db.writeTransaction { tx in
            try await ExternalSeriesValueModel.query(on: tx).filter(\.$indicator == indicator.name).filter(\.$sourceName == sourceName)
                .filter(\.$granularity == granularity).delete()
            let rows = values.map { value in
                let row = ExternalSeriesValueModel()
                row.indicator = indicator.name
                row.sourceName = sourceName
                row.granularity = granularity
                row.period = value.period.description
                row.value = value.value
                row.importedAt = now
                return row
            }
            var index = 0
            while index < rows.count {
                try await Array(rows[index..<min(rows.count, index + 100)]).create(on: tx)
                index += 100
            }
        }
        let query: KeyValuePairs<String, String> = ["imported": String(values.count), "granularity": granularity]
        return req.redirect(to: .evaluation, query: query)
    }
}
