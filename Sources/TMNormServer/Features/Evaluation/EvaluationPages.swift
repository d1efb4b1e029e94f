import Fluent
import Foundation
import SQLKit
import TMNormCore

/// One indicator as a page shows it: its points, the figure for the whole range, the goal and any
/// external series beside it.
struct EvaluationIndicatorBlock: Sendable {
    let indicator: EvaluationIndicator
    let points: [EvaluationPoint]
    let total: EvaluationPoint?
    let goal: EvaluationGoal?
    let external: [String: [String: Double]]

    var light: TrafficLight? { goal.map { $0.light(for: total?.value) } }
}

/// A centre's scorecard: its goal indicators over the range, and its authorization follow-up years.
struct EvaluationScorecard: Sendable {
    let name: String
    let orgnr: String
    let rows: [(indicator: EvaluationIndicator, goal: EvaluationGoal, value: EvaluationPoint?)]
    /// Year 1 and year 2 of the running approval: the follow-up reports use the same scorecard.
    let followUps: [(year: Int, from: LocalDate, to: LocalDate)]
    /// The small-multiple chart of the key indicator for this centre.
    let miniChart: String
}

/// Data sources and how far the rollups cover them, for the report.
struct EvaluationCoverage: Sendable {
    let source: String
    var label: Phrase = Phrase(nb: "", en: "")
    let firstDay: String?
    let lastDay: String?
    let days: Int
    let generatedDays: Int
}

/// The dashboard, scorecards and report models.
struct EvaluationDashboardModel: Sendable {
    let filter: EvaluationFilter
    let full: Bool
    let minimumCount: Int
    let centres: [(orgnr: String, name: String)]
    let blocks: [EvaluationIndicatorBlock]
    let refusalTotals: [(EvaluationIndicator, EvaluationPoint?)]
    let complaintReasons: [(reason: ComplaintReason, count: Int64)]
    /// The first and last day of generated (demo) history in the range, if any.
    let generated: (from: String, to: String)?
    let canManage: Bool
}

struct EvaluationScorecardsModel: Sendable {
    let filter: EvaluationFilter
    let cards: [EvaluationScorecard]
    let goals: [EvaluationGoal]
    let canManage: Bool
}

struct EvaluationReportModel: Sendable {
    let filter: EvaluationFilter
    let full: Bool
    let minimumCount: Int
    let blocks: [EvaluationIndicatorBlock]
    let coverage: [EvaluationCoverage]
    let generated: (from: String, to: String)?
    let producedAt: Date
}

enum EvaluationPages {
    /// The indicator blocks for a filter: one rollup query per indicator.
    static func blocks(
        _ indicators: [EvaluationIndicator], filter: EvaluationFilter, full: Bool, minimumCount: Int, goals: [String: EvaluationGoal],
        on db: any Database
    ) async throws -> [EvaluationIndicatorBlock] {
        let rule = EvaluationSuppression(minimumCount: minimumCount)
        var blocks: [EvaluationIndicatorBlock] = []
        for indicator in indicators {
            let counts = try await EvaluationStore.counts(for: indicator, scope: filter.scope, from: filter.from, to: filter.to, on: db)
            let points = EvaluationCalculator.series(indicator, counts: counts, from: filter.from, to: filter.to, granularity: filter.granularity)
            let total = EvaluationCalculator.total(indicator, counts: counts, from: filter.from, to: filter.to)
            let external = try await EvaluationStore.external(indicator: indicator.name, granularity: filter.granularity, on: db)
            blocks.append(
                EvaluationIndicatorBlock(
                    indicator: indicator, points: rule.apply(points, viewerIsSubject: full),
                    total: total.flatMap { rule.apply([$0], viewerIsSubject: full).first }, goal: goals[indicator.name], external: external))
        }
        return blocks
    }

    static func centreChoices(user: CurrentUser, on db: any Database) async throws -> [(orgnr: String, name: String)] {
        if EvaluationAccess.isOverseer(user.organisationKind) {
            return try await OrganisationModel.query(on: db).filter(\.$kindRaw == OrganisationKind.callCentre.rawValue).sort(\.$name).all()
                .map { (orgnr: $0.orgnr, name: $0.name) }
        }
        guard user.organisationKind == .callCentre, let own = try await OrganisationModel.find(user.organisationID, on: db) else { return [] }
        return [(orgnr: own.orgnr, name: own.name)]
    }

    static func dashboard(filter: EvaluationFilter, full: Bool, user: CurrentUser, minimumCount: Int, on db: any Database) async throws
        -> EvaluationDashboardModel
    {
        let goals = try await EvaluationStore.goals(on: db)
        let shown = EvaluationIndicator.all.filter { !EvaluationIndicator.refusalShares.contains($0) }
        let blocks = try await blocks(shown, filter: filter, full: full, minimumCount: minimumCount, goals: goals, on: db)
        let refusal = try await Self.blocks(
            EvaluationIndicator.refusalShares, filter: filter, full: full, minimumCount: minimumCount, goals: goals, on: db)
        // Complaints by reason over the whole range.
        let reasonMetrics = ComplaintReason.allCases.map { EvaluationMetric.complaints(reason: $0.rawValue) }
        let reasonCounts = try await EvaluationStore.dailyCounts(
            metrics: reasonMetrics, scope: filter.scope, from: filter.from, to: filter.to, on: db)
        let rule = EvaluationSuppression(minimumCount: minimumCount)
        let reasons: [(reason: ComplaintReason, count: Int64)] = ComplaintReason.allCases.map { reason in
            let metric = EvaluationMetric.complaints(reason: reason.rawValue)
            let total = reasonCounts.filter { $0.metric == metric }.reduce(Int64(0)) { $0 + $1.value }
            return (reason, rule.suppresses(basis: total, viewerIsSubject: full) ? -1 : total)
        }
        return EvaluationDashboardModel(
            filter: filter, full: full, minimumCount: minimumCount, centres: try await centreChoices(user: user, on: db), blocks: blocks,
            refusalTotals: refusal.map { ($0.indicator, $0.total) }, complaintReasons: reasons,
            generated: try await generatedRange(from: filter.from, to: filter.to, on: db), canManage: user.role == .associationAdmin)
    }

    static func scorecards(filter: EvaluationFilter, user: CurrentUser, minimumCount: Int, now: Date, on db: any Database) async throws
        -> EvaluationScorecardsModel
    {
        let goals = try await EvaluationStore.goals(on: db)
        let goalList = EvaluationIndicator.all.compactMap { goals[$0.name] }
        var centres = try await OrganisationModel.query(on: db).filter(\.$kindRaw == OrganisationKind.callCentre.rawValue).sort(\.$name).all()
        if !EvaluationAccess.isOverseer(user.organisationKind) { centres = centres.filter { $0.id == user.organisationID } }
        if case .centre(let id) = filter.scope { centres = centres.filter { $0.id == id } }
        let records = try await AuthorizationRecordModel.query(on: db).all()
        let today = OsloTime.localDate(of: now)
        let miniIndicator = EvaluationIndicator.named("complaints_per_1000_sales")
        var cards: [EvaluationScorecard] = []
        for centre in centres {
            guard let id = centre.id else { continue }
            let centreFilter = EvaluationFilter(
                granularity: .year, from: filter.from, to: filter.to, scope: .centre(id), scopeOrgnr: centre.orgnr, scopeName: centre.name)
            // The subject and the overseers see a centre's own scorecard in full.
            let blocks = try await blocks(
                goalList.compactMap { EvaluationIndicator.named($0.indicator) }, filter: centreFilter, full: true, minimumCount: minimumCount,
                goals: goals, on: db)
            var followUps: [(year: Int, from: LocalDate, to: LocalDate)] = []
            if let model = records.first(where: { $0.$organisation.id == id }), let record = try? model.record(),
                let approval = record.latestApproval(on: today)
            {
                for year in 1...2 {
                    let start = approval.validFrom.adding(days: 365 * (year - 1))
                    followUps.append((year: year, from: start, to: start.adding(days: 364)))
                }
            }
            var mini = ""
            if let miniIndicator, let block = blocks.first(where: { $0.indicator == miniIndicator }) {
                mini = EvaluationCharts.line(
                    miniIndicator, points: block.points, external: [:], norwegian: true, scopeName: centre.name,
                    idPrefix: "mini-\(centre.orgnr)", width: 360, height: 200)
            }
            cards.append(
                EvaluationScorecard(
                    name: centre.name, orgnr: centre.orgnr,
                    rows: blocks.compactMap { block -> (indicator: EvaluationIndicator, goal: EvaluationGoal, value: EvaluationPoint?)? in
                        block.goal.map { (indicator: block.indicator, goal: $0, value: block.total) }
                    }, followUps: followUps,
                    miniChart: mini))
        }
        return EvaluationScorecardsModel(filter: filter, cards: cards, goals: goalList, canManage: user.role == .associationAdmin)
    }

    static func report(filter: EvaluationFilter, full: Bool, user: CurrentUser, minimumCount: Int, now: Date, on db: any Database)
        async throws -> EvaluationReportModel
    {
        let goals = try await EvaluationStore.goals(on: db)
        let blocks = try await blocks(EvaluationIndicator.all, filter: filter, full: full, minimumCount: minimumCount, goals: goals, on: db)
        var coverage: [EvaluationCoverage] = []
        let sources: [(String, Phrase, [String])] = [
            ("washes", Phrase(nb: "Vaskeloggen (vaskesertifikater)", en: "The wash log (wash certificates)"), [EvaluationMetric.washLists]),
            (
                "may_call_decisions", Phrase(nb: "Beslutningsloggen («kan jeg ringe?»)", en: "The decision log (may I call?)"),
                [EvaluationMetric.decisions]
            ),
            (
                "sales, sale_evidence", Phrase(nb: "Salg og salgenes bevislogg", en: "Sales and their evidence logs"),
                [EvaluationMetric.salesRegistered, EvaluationMetric.offersSent]
            ),
            ("complaints", Phrase(nb: "Klagesakene", en: "The complaint cases"), [EvaluationMetric.complaints, EvaluationMetric.complaintsDecided]),
            ("authorization_records", Phrase(nb: "Godkjenningsregisteret", en: "The authorization records"), [EvaluationMetric.approvedCentres]),
            (
                "register_snapshots", Phrase(nb: "Innleste kopier av reservasjonsregisteret", en: "Imported copies of the reservation register"),
                [EvaluationMetric.registerPersons]
            ),
        ]
        for (source, label, metrics) in sources {
            var row = try await self.coverage(source: source, metrics: metrics, from: filter.from, to: filter.to, on: db)
            row.label = label
            coverage.append(row)
        }
        return EvaluationReportModel(
            filter: filter, full: full, minimumCount: minimumCount, blocks: blocks, coverage: coverage,
            generated: try await generatedRange(from: filter.from, to: filter.to, on: db), producedAt: now)
    }

    static func coverage(source: String, metrics: [String], from: LocalDate, to: LocalDate, on db: any Database) async throws -> EvaluationCoverage {
        guard let sql = db as? any SQLDatabase else {
            return EvaluationCoverage(source: source, firstDay: nil, lastDay: nil, days: 0, generatedDays: 0)
        }
        var query = SQLQueryString("SELECT MIN(day) AS first_day, MAX(day) AS last_day, COUNT(DISTINCT day) AS days, ")
        query.appendLiteral("COUNT(DISTINCT CASE WHEN generated THEN day END) AS generated_days FROM evaluation_daily WHERE day >= ")
        query.appendInterpolation(bind: from.iso8601)
        query.appendLiteral(" AND day <= ")
        query.appendInterpolation(bind: to.iso8601)
        query.appendLiteral(" AND metric IN (")
        for (index, metric) in metrics.enumerated() {
            if index > 0 { query.appendLiteral(", ") }
            query.appendInterpolation(bind: metric)
        }
        query.appendLiteral(")")
        guard let row = try await sql.raw(query).first() else {
            return EvaluationCoverage(source: source, firstDay: nil, lastDay: nil, days: 0, generatedDays: 0)
        }
        return EvaluationCoverage(
            source: source, firstDay: try row.decode(column: "first_day", as: String?.self),
            lastDay: try row.decode(column: "last_day", as: String?.self),
            days: Int(try row.decode(column: "days", as: Int64.self)), generatedDays: Int(try row.decode(column: "generated_days", as: Int64.self)))
    }

    /// The span of generated (demo) rows in the range, if any.
    static func generatedRange(from: LocalDate, to: LocalDate, on db: any Database) async throws -> (from: String, to: String)? {
        let query = EvaluationDailyModel.query(on: db).filter(\.$generated == true).filter(\.$day >= from.iso8601).filter(\.$day <= to.iso8601)
        guard let first = try await query.copy().sort(\.$day).first(), let last = try await query.copy().sort(\.$day, .descending).first() else {
            return nil
        }
        return (first.day, last.day)
    }
}
