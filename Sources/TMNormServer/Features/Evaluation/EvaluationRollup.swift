import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// Builds the daily rollup rows from the raw records: one grouped query per log and day, so a day of a
/// million decisions comes back as a few hundred groups. Rebuilding a day replaces its rows (idempotent).
enum EvaluationRollup {
    /// Counts keyed by (metric, centre, client) for one day.
    struct Key: Hashable {
        let metric: String
        let centre: UUID?
        let client: UUID?
    }

    /// The nightly job: yesterday and the days before it within `trailingDays` are rebuilt, so records
    /// that change after their day (an offer expires, a complaint is confirmed) are counted too.
    static let trailingDays = 7

    static let job = JobDefinition(
        name: "evaluation-rollup",
        summary: Phrase(
            nb: "Oppdaterer evalueringens dagstall (de siste sju dagene) fra loggene.",
            en: "Updates the evaluation's daily figures (the last seven days) from the logs."),
        schedule: .daily(at: LocalTime(secondsSinceMidnight: 2 * 3600 + 15 * 60))
    ) { context in
        let today = OsloTime.localDate(of: context.now)
        let written = try await rebuild(from: today.adding(days: -trailingDays), to: today, on: context.app.db)
        return "\(written) rows"
    }

    /// Rebuilds every day from `from` to `to` (inclusive); returns how many rollup rows were written.
    /// Generated (demo) rows are left alone.
    @discardableResult
    static func rebuild(from: LocalDate, to: LocalDate, on db: any Database) async throws -> Int {
        guard from <= to else { return 0 }
        let records = try await AuthorizationRecordModel.query(on: db).all()
        var authorization: [(UUID?, AuthorizationCentreRecord)] = []
        for model in records {
            if let record = try? model.record() { authorization.append((model.$organisation.id, record)) }
        }
        var written = 0
        var day = from
        while day <= to {
            let counts = try await count(day: day, authorization: authorization, on: db)
            written += try await store(day: day, counts: counts, on: db)
            day = day.next
        }
        return written
    }

    /// The counters of one day from the raw logs.
    static func count(day: LocalDate, authorization: [(UUID?, AuthorizationCentreRecord)], on db: any Database) async throws -> [Key: Int64] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        let start = OsloTime.startOfDay(day)
        let end = OsloTime.startOfDay(day.next)
        var counts: [Key: Int64] = [:]
        func add(_ metric: String, _ centre: UUID?, _ client: UUID?, _ value: Int64) {
            guard value != 0 else { return }
            counts[Key(metric: metric, centre: centre, client: client), default: 0] += value
        }

        // Washes.
        for row in try await sql.raw(
            """
            SELECT organisation_id, client_id, COUNT(*) AS n, CAST(SUM(\(ident: "rows")) AS BIGINT) AS r, CAST(SUM(rejected) AS BIGINT) AS x
            FROM washes WHERE washed_at >= \(bind: start) AND washed_at < \(bind: end) GROUP BY organisation_id, client_id
            """
        ).all() {
            let centre = try row.decode(column: "organisation_id", as: UUID.self)
            let client = try row.decode(column: "client_id", as: UUID?.self)
            add(EvaluationMetric.washLists, centre, client, try row.decode(column: "n", as: Int64.self))
            add(EvaluationMetric.washRows, centre, client, try row.decode(column: "r", as: Int64?.self) ?? 0)
            add(EvaluationMetric.washRejected, centre, client, try row.decode(column: "x", as: Int64?.self) ?? 0)
        }

        // May-call decisions: grouped by the reason list, which has few distinct values.
        for row in try await sql.raw(
            """
            SELECT call_centre_id, client_id, allowed, reasons, COUNT(*) AS n FROM may_call_decisions
            WHERE decided_at >= \(bind: start) AND decided_at < \(bind: end) GROUP BY call_centre_id, client_id, allowed, reasons
            """
        ).all() {
            let centre = try row.decode(column: "call_centre_id", as: UUID.self)
            let client = try row.decode(column: "client_id", as: UUID.self)
            let n = try row.decode(column: "n", as: Int64.self)
            add(EvaluationMetric.decisions, centre, client, n)
            guard try !row.decode(column: "allowed", as: Bool.self) else { continue }
            add(EvaluationMetric.decisionsRefused, centre, client, n)
            for group in RefusalGroup.groups(ofReasonList: try row.decode(column: "reasons", as: String.self)) {
                add(EvaluationMetric.decisionsRefused(group), centre, client, n)
            }
        }

        // Sales registered.
        for row in try await sql.raw(
            """
            SELECT call_centre_id, client_id, COUNT(*) AS n FROM sales
            WHERE created_at >= \(bind: start) AND created_at < \(bind: end) GROUP BY call_centre_id, client_id
            """
        ).all() {
            add(
                EvaluationMetric.salesRegistered, try row.decode(column: "call_centre_id", as: UUID.self),
                try row.decode(column: "client_id", as: UUID.self), try row.decode(column: "n", as: Int64.self))
        }

        // Offer events from the sales' evidence logs.
        let startMS = Int64((start.timeIntervalSince1970 * 1000).rounded())
        let endMS = Int64((end.timeIntervalSince1970 * 1000).rounded())
        let eventMetrics: [String: String] = [
            "sent": EvaluationMetric.offersSent, "accepted": EvaluationMetric.offersAccepted,
            "declined": EvaluationMetric.offersDeclined, "expired": EvaluationMetric.offersExpired,
            "withdrawn": EvaluationMetric.withdrawals,
        ]
        for row in try await sql.raw(
            """
            SELECT s.call_centre_id AS centre, s.client_id AS client, e.event AS event, COUNT(*) AS n
            FROM sale_evidence e JOIN sales s ON s.id = e.sale_id
            WHERE e.at_ms >= \(bind: startMS) AND e.at_ms < \(bind: endMS)
            AND e.event IN ('sent', 'accepted', 'declined', 'expired', 'withdrawn')
            GROUP BY s.call_centre_id, s.client_id, e.event
            """
        ).all() {
            guard let metric = eventMetrics[try row.decode(column: "event", as: String.self)] else { continue }
            add(
                metric, try row.decode(column: "centre", as: UUID.self), try row.decode(column: "client", as: UUID.self),
                try row.decode(column: "n", as: Int64.self))
        }
        // Time to accept: one row per offer accepted that day, with its first "sent".
        for row in try await sql.raw(
            """
            SELECT s.call_centre_id AS centre, s.client_id AS client, e.at_ms AS accepted_ms,
            (SELECT MIN(x.at_ms) FROM sale_evidence x WHERE x.sale_id = e.sale_id AND x.event = 'sent') AS sent_ms
            FROM sale_evidence e JOIN sales s ON s.id = e.sale_id
            WHERE e.at_ms >= \(bind: startMS) AND e.at_ms < \(bind: endMS) AND e.event = 'accepted'
            """
        ).all() {
            guard let sent = try row.decode(column: "sent_ms", as: Int64?.self) else { continue }
            let hours = Double(try row.decode(column: "accepted_ms", as: Int64.self) - sent) / 3_600_000
            add(
                EvaluationMetric.acceptTimeBucket(AcceptTimeHistogram.bucket(hours: hours)),
                try row.decode(column: "centre", as: UUID.self), try row.decode(column: "client", as: UUID.self), 1)
        }

        // Complaints received (not those still waiting for the consumer's code), with their reasons.
        for row in try await sql.raw(
            """
            SELECT call_centre_id, client_id, reasons, COUNT(*) AS n FROM complaints
            WHERE created_at >= \(bind: start) AND created_at < \(bind: end) AND state <> 'unverified'
            GROUP BY call_centre_id, client_id, reasons
            """
        ).all() {
            let centre = try row.decode(column: "call_centre_id", as: UUID?.self)
            let client = try row.decode(column: "client_id", as: UUID?.self)
            let n = try row.decode(column: "n", as: Int64.self)
            add(EvaluationMetric.complaints, centre, client, n)
            for reason in Set(try row.decode(column: "reasons", as: String.self).split(separator: ",").map(String.init)) where !reason.isEmpty {
                add(EvaluationMetric.complaints(reason: reason), centre, client, n)
            }
        }
        // Complaint outcomes, by the day decided.
        for row in try await sql.raw(
            """
            SELECT call_centre_id, client_id, outcome, COUNT(*) AS n FROM complaints
            WHERE decided_at >= \(bind: start) AND decided_at < \(bind: end) AND outcome IS NOT NULL
            GROUP BY call_centre_id, client_id, outcome
            """
        ).all() {
            let centre = try row.decode(column: "call_centre_id", as: UUID?.self)
            let client = try row.decode(column: "client_id", as: UUID?.self)
            let n = try row.decode(column: "n", as: Int64.self)
            add(EvaluationMetric.complaintsDecided, centre, client, n)
            if try row.decode(column: "outcome", as: String.self) != ComplaintOutcome.dismissed.rawValue {
                add(EvaluationMetric.complaintsUpheld, centre, client, n)
            }
        }

        // The register's size: the last copy imported by the end of the day (a gauge, industry-wide).
        if let row = try await sql.raw(
            """
            SELECT persons FROM register_snapshots WHERE imported_at < \(bind: end) AND status <> 'failed'
            ORDER BY imported_at DESC LIMIT 1
            """
        ).first() {
            add(EvaluationMetric.registerPersons, nil, nil, try row.decode(column: "persons", as: Int64.self))
        }

        // Authorization: approvals running that day, and sanctions taking effect that day.
        for (centre, record) in authorization {
            if record.approval(runningOn: day) != nil { add(EvaluationMetric.approvedCentres, centre, nil, 1) }
            for sanction in record.sanctions where sanction.effectiveFrom == day {
                switch sanction.kind {
                case .warning: add(EvaluationMetric.warnings, centre, nil, 1)
                case .suspension: add(EvaluationMetric.suspensions, centre, nil, 1)
                case .revocation: add(EvaluationMetric.revocations, centre, nil, 1)
                case .reinstatement: break
                }
            }
        }
        return counts
    }

    /// Replaces one day's rolled-up rows (never the generated ones) with `counts`.
    static func store(day: LocalDate, counts: [Key: Int64], on db: any Database) async throws -> Int {
        let dayText = day.iso8601
        let rows = counts.map { key, value in
            EvaluationDailyModel(day: dayText, metric: key.metric, centreID: key.centre, clientID: key.client, value: value)
        }
        try await db.writeTransaction { tx in
            try await EvaluationDailyModel.query(on: tx).filter(\.$day == dayText).filter(\.$generated == false).delete()
            // Batches keep each INSERT under SQLite's bound-parameter limit.
            var index = 0
            while index < rows.count {
                let batch = Array(rows[index..<min(rows.count, index + 100)])
                try await batch.create(on: tx)
                index += 100
            }
        }
        return rows.count
    }
}

/// `tmnorm rollups rebuild [--from DATE] [--to DATE]`: the command line's entry into the rollups.
public enum EvaluationRollupCommands {
    /// Rebuilds the rollups from `from` (default 1 June 2009, or the first raw record) to `to` (default
    /// today); returns a line saying what was done.
    public static func rebuild(_ app: Application, from: String?, to: String?) async throws -> String {
        let today = OsloTime.localDate(of: app.clock.now())
        let start: LocalDate
        let end: LocalDate
        do {
            start = try from.map { try LocalDate(parsing: $0) } ?? EvaluationMilestone.schemeStart
            end = try to.map { try LocalDate(parsing: $0) } ?? today
        } catch {
            throw CommandLineError("dates are written yyyy-mm-dd, e.g. --from 2024-01-01")
        }
        guard start <= end else { throw CommandLineError("--from must not be after --to") }
        let clock = ContinuousClock()
        let began = clock.now
        let rows = try await EvaluationRollup.rebuild(from: start, to: end, on: app.db)
        let elapsed = clock.now - began
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return
            "Rebuilt \(end.daysSinceEpoch - start.daysSinceEpoch + 1) days (\(start.iso8601) to \(end.iso8601)): \(rows) rollup rows in \(String(format: "%.2f", seconds)) s."
    }
}
