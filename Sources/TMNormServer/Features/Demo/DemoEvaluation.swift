import Fluent
import Foundation
import SQLKit
import TMNormCore
import Vapor

/// Generated evaluation history from June 2009 to today, so every chart shows the scheme's years. It is
/// written straight into the rollup table, one row per month, centre and counter, marked `generated` (the
/// pages say so, and `tmnorm rollups rebuild` never touches it); the demo's real records are rolled up on
/// top. Deterministic: the same figures every time. Some 40 000 rows, written in large batches so the demo
/// starts in a second or two.
enum DemoEvaluation {
    /// A centre's first month in the scheme and its relative size.
    static let centres: [(key: String, joined: (Int, Int), size: Double)] = [
        ("unicall", (2009, 6), 1.3), ("proffcom", (2009, 6), 1.0), ("aktivpartner", (2009, 9), 0.8),
        ("one2one", (2010, 3), 0.6), ("smart1", (2011, 1), 0.5), ("teleperformance", (2012, 5), 1.5),
    ]

    static func seed(_ app: Application, organisations: [String: UUID]) async throws {
        guard let sql = app.db as? any SQLDatabase else { return }
        let today = OsloTime.localDate(of: app.clock.now())
        let rows = generate(until: today, organisations: organisations)
        var index = 0
        while index < rows.count {
            let end = min(rows.count, index + 400)
            var insert = sql.insert(into: EvaluationDailyModel.schema)
                .columns("id", "day", "metric", "centre_id", "client_id", "value", "generated")
            for row in rows[index..<end] {
                insert = insert.values(
                    SQLBind(UUID()), SQLBind(row.day), SQLBind(row.metric), SQLBind(row.centre), SQLBind(UUID?.none), SQLBind(row.value),
                    SQLBind(true))
            }
            try await insert.run()
            index = end
        }
        // The demo's real records, rolled up on top of the generated months.
        try await EvaluationRollup.rebuild(from: today.adding(days: -EvaluationRollup.trailingDays), to: today, on: app.db)
        // The demo's register copy holds a handful of test persons: as the register's size it would read as the
        // register collapsing in the last month, so the generated series stands for it.
        try await EvaluationDailyModel.query(on: app.db).filter(\.$metric == EvaluationMetric.registerPersons)
            .filter(\.$generated == false).delete()
    }

    struct Row: Sendable {
        let day: String
        let metric: String
        let centre: UUID?
        let value: Int64
    }

    /// The generated rows: pure arithmetic on the month and a seeded generator.
    static func generate(until today: LocalDate, organisations: [String: UUID]) -> [Row] {
        var random = SeededGenerator(seed: 2009)
        var rows: [Row] = []
        var period = EvaluationPeriod(containing: EvaluationMilestone.schemeStart, granularity: .month)
        let last = EvaluationPeriod(containing: today, granularity: .month)
        while period <= last {
            let day = period.firstDay.iso8601
            // Years since the start, for the trends.
            let t = Double(period.year - 2009) + Double(period.index - 6) / 12
            let afterCallerID = period.firstDay >= (try? LocalDate(year: 2018, month: 1, day: 1)) ?? period.firstDay
            let afterRevision = period.firstDay >= (try? LocalDate(year: 2024, month: 2, day: 13)) ?? period.firstDay
            for centre in centres {
                guard (period.year, period.index) >= centre.joined, let id = organisations[centre.key] else { continue }
                func noise() -> Double { 0.9 + 0.2 * random.nextUnit() }
                func add(_ metric: String, _ value: Double) {
                    let rounded = Int64(max(0, value.rounded()))
                    if rounded > 0 { rows.append(Row(day: day, metric: metric, centre: id, value: rounded)) }
                }
                let season = 1 + 0.15 * sin(Double(period.index) / 12 * 2 * .pi)
                let size = centre.size * season * noise()
                // Washing: lists grow, the rejected share falls as the register is washed more often.
                let washRows = 180_000 * size * (1 + 0.04 * t)
                add(EvaluationMetric.washLists, 40 * size)
                add(EvaluationMetric.washRows, washRows)
                add(EvaluationMetric.washRejected, washRows * max(0.18, 0.32 - 0.008 * t) * noise())
                // May-call decisions (the check came into use gradually).
                let decisions = 30_000 * size * (1 + 0.12 * t)
                let registerShare = max(0.08, 0.16 - 0.005 * t) * noise()
                let callingShare = (afterCallerID ? 0.008 : 0.03) * noise()
                let blockShare = 0.04 * noise()
                let washShare = max(0.005, 0.035 - 0.002 * t) * noise()
                let otherShare = 0.01 * noise()
                add(EvaluationMetric.decisions, decisions)
                add(EvaluationMetric.decisionsRefused, decisions * (registerShare + callingShare + blockShare + washShare + otherShare) * 0.97)
                add(EvaluationMetric.decisionsRefused(.register), decisions * registerShare)
                add(EvaluationMetric.decisionsRefused(.callingTime), decisions * callingShare)
                add(EvaluationMetric.decisionsRefused(.blockList), decisions * blockShare)
                add(EvaluationMetric.decisionsRefused(.noValidWash), decisions * washShare)
                add(EvaluationMetric.decisionsRefused(.other), decisions * otherShare)
                // Sales and the written offers.
                let sales = 1_800 * size * (1 + 0.03 * t)
                let sent = sales * 0.93
                let acceptance = min(0.78, 0.52 + 0.012 * t + (afterRevision ? 0.03 : 0)) * noise()
                let accepted = sent * min(0.9, acceptance)
                let declined = sent * 0.08 * noise()
                add(EvaluationMetric.salesRegistered, sales)
                add(EvaluationMetric.offersSent, sent)
                add(EvaluationMetric.offersAccepted, accepted)
                add(EvaluationMetric.offersDeclined, declined)
                add(EvaluationMetric.offersExpired, max(0, sent - accepted - declined))
                add(EvaluationMetric.withdrawals, accepted * 0.03 * noise())
                // Time to accept: faster over the years (the median falls from about a day to a few hours).
                let shift = min(4, Int(t / 4))
                let shape: [Double] = [0.08, 0.1, 0.12, 0.14, 0.12, 0.16, 0.12, 0.08, 0.05, 0.03]
                for bucket in 0..<AcceptTimeHistogram.bucketCount {
                    let source = min(AcceptTimeHistogram.bucketCount - 1, bucket + shift)
                    let weight = bucket == 0 ? shape[0..<(shift + 1)].reduce(0, +) : (source < shape.count ? shape[source] : 0)
                    add(EvaluationMetric.acceptTimeBucket(bucket), accepted * weight)
                }
                // Complaints per 1 000 sales fall from about 4 to under 2; the 2018 caller-ID rules add a bump.
                let rate = max(1.2, 4.2 - 0.22 * t) + (afterCallerID && period.year == 2018 ? 0.8 : 0)
                let complaints = sales * rate / 1000 * noise()
                add(EvaluationMetric.complaints, complaints)
                let reasons: [(ComplaintReason, Double)] = [
                    (.reserved, 0.35), (.callingHours, afterCallerID ? 0.1 : 0.2), (.callerID, afterCallerID ? 0.2 : 0.05),
                    (.noWrittenAcceptance, 0.2), (.withdrawalRefused, 0.08), (.pressure, 0.07), (.other, 0.05),
                ]
                for (reason, share) in reasons { add(EvaluationMetric.complaints(reason: reason.rawValue), complaints * share) }
                add(EvaluationMetric.complaintsDecided, complaints * 0.9)
                add(EvaluationMetric.complaintsUpheld, complaints * 0.9 * max(0.25, 0.5 - 0.015 * t))
                add(EvaluationMetric.approvedCentres, 1)
                if random.nextUnit() < 0.012 { add(EvaluationMetric.warnings, 1) }
            }
            if period.year == 2014 && period.index == 3, let id = organisations["smart1"] {
                rows.append(Row(day: day, metric: EvaluationMetric.suspensions, centre: id, value: 1))
            }
            // The register grows from 1.2 million reserved persons towards 2.4 million.
            let persons = 1_200_000 + 1_200_000 * (1 - exp(-t / 7)) + 5_000 * random.nextUnit()
            rows.append(Row(day: day, metric: EvaluationMetric.registerPersons, centre: nil, value: Int64(persons)))
            period = period.next
        }
        return rows
    }
}

/// A small deterministic generator (SplitMix64), so the demo's history is the same on every start.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
