import Fluent
import Foundation
import SQLKit

/// One day's count of one evaluation counter for one call centre and client (`EvaluationMetric`). The
/// dashboard reads only these rows, never the raw logs. Industry-wide counters (the register, approved
/// centres) have no centre. Generated demo history is marked `generated` and never rebuilt from raw records.
// Fluent models are reference types mutated by the ORM; Fluent documents them as @unchecked Sendable.
final class EvaluationDailyModel: Model, @unchecked Sendable {
    static let schema = "evaluation_daily"

    @ID(key: .id) var id: UUID?
    /// The Europe/Oslo civil date, "yyyy-mm-dd" (sorts as text on both databases).
    @Field(key: "day") var day: String
    @Field(key: "metric") var metric: String
    @OptionalField(key: "centre_id") var centreID: UUID?
    @OptionalField(key: "client_id") var clientID: UUID?
    @Field(key: "value") var value: Int64
    @Field(key: "generated") var generated: Bool

    init() {}

    init(day: String, metric: String, centreID: UUID?, clientID: UUID?, value: Int64, generated: Bool = false) {
        self.day = day
        self.metric = metric
        self.centreID = centreID
        self.clientID = clientID
        self.value = value
        self.generated = generated
    }
}

/// A target the association has set for an indicator (replaces the built-in default for that indicator).
final class EvaluationTargetModel: Model, @unchecked Sendable {
    static let schema = "evaluation_targets"

    @ID(key: .id) var id: UUID?
    @Field(key: "indicator") var indicator: String
    @Field(key: "direction") var direction: String
    @Field(key: "threshold") var threshold: Double
    @Field(key: "set_by") var setBy: UUID
    @Field(key: "set_at") var setAt: Date

    init() {}
}

/// One value of an imported external series, drawn beside ours (e.g. the consumer authority's monthly
/// complaint counts for telephone sales).
final class ExternalSeriesValueModel: Model, @unchecked Sendable {
    static let schema = "evaluation_external_values"

    @ID(key: .id) var id: UUID?
    /// The indicator it is drawn beside.
    @Field(key: "indicator") var indicator: String
    /// Who published it, as the legend shows it.
    @Field(key: "source_name") var sourceName: String
    @Field(key: "granularity") var granularity: String
    /// "2024-03", "2024-Q1" or "2024".
    @Field(key: "period") var period: String
    @Field(key: "value") var value: Double
    @Field(key: "imported_at") var importedAt: Date

    init() {}
}

/// Creates the evaluation's tables, and indexes on the raw logs' time columns so the nightly rollup of one
/// day reads that day by index instead of scanning each log.
struct CreateEvaluation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EvaluationDailyModel.schema)
            .id()
            .field("day", .string, .required)
            .field("metric", .string, .required)
            .field("centre_id", .uuid)
            .field("client_id", .uuid)
            .field("value", .int64, .required)
            .field("generated", .bool, .required)
            .create()
        try await database.schema(EvaluationTargetModel.schema)
            .id()
            .field("indicator", .string, .required)
            .field("direction", .string, .required)
            .field("threshold", .double, .required)
            .field("set_by", .uuid, .required)
            .field("set_at", .datetime, .required)
            .unique(on: "indicator")
            .create()
        try await database.schema(ExternalSeriesValueModel.schema)
            .id()
            .field("indicator", .string, .required)
            .field("source_name", .string, .required)
            .field("granularity", .string, .required)
            .field("period", .string, .required)
            .field("value", .double, .required)
            .field("imported_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The same statements on SQLite and PostgreSQL.
        for statement in [
            "CREATE INDEX evaluation_daily_metric_day ON evaluation_daily (metric, day)",
            "CREATE INDEX evaluation_daily_centre ON evaluation_daily (centre_id, metric, day)",
            "CREATE INDEX evaluation_daily_client ON evaluation_daily (client_id, metric, day)",
            "CREATE INDEX evaluation_external_indicator ON evaluation_external_values (indicator, period)",
            // The rollup reads one day of each raw log: an index on each log's time column.
            "CREATE INDEX evaluation_src_decisions ON may_call_decisions (decided_at)",
            "CREATE INDEX evaluation_src_washes ON washes (washed_at)",
            "CREATE INDEX evaluation_src_sales ON sales (created_at)",
            "CREATE INDEX evaluation_src_sale_evidence ON sale_evidence (at_ms)",
            "CREATE INDEX evaluation_src_complaints_decided ON complaints (decided_at)",
            "CREATE INDEX evaluation_src_complaints_created ON complaints (created_at)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for index in [
                "evaluation_src_decisions", "evaluation_src_washes", "evaluation_src_sales", "evaluation_src_sale_evidence",
                "evaluation_src_complaints_decided", "evaluation_src_complaints_created",
            ] {
                try await sql.raw(SQLQueryString("DROP INDEX IF EXISTS \(unsafeRaw: index)")).run()
            }
        }
        try await database.schema(ExternalSeriesValueModel.schema).delete()
        try await database.schema(EvaluationTargetModel.schema).delete()
        try await database.schema(EvaluationDailyModel.schema).delete()
    }
}
