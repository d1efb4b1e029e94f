import Dispatch
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// A counter per scope (say, one organisation's block list) that every write to the scope bumps in the
/// same transaction. A process that keeps the scope's rows in memory reads the counter now and then
/// instead of the rows, and reloads the rows only when the counter moved: several processes on one
/// database see each other's writes within `GenerationCache.recheckAfter`, the writing process at once.
enum ChangeGenerations {
    static let schema = "change_generations"

    /// Bumps the counters of `scopes`; call it inside the transaction that writes the scopes' rows.
    static func bump(_ scopes: [String], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw ChangeGenerationError.noSQLDatabase }
        for scope in Set(scopes) {
            try await sql.raw(
                """
                INSERT INTO change_generations (scope, generation) VALUES (\(bind: scope), 1)
                ON CONFLICT (scope) DO UPDATE SET generation = change_generations.generation + 1
                """
            ).run()
        }
    }

    /// The counters of `scopes` (0 for a scope never written).
    static func read(_ scopes: [String], on db: any Database) async throws -> [String: Int64] {
        guard !scopes.isEmpty else { return [:] }
        guard let sql = db as? any SQLDatabase else { throw ChangeGenerationError.noSQLDatabase }
        var found: [String: Int64] = [:]
        for row in try await sql.raw("SELECT scope, generation FROM change_generations WHERE scope IN (\(binds: scopes))").all() {
            found[try row.decode(column: "scope", as: String.self)] = try row.decode(column: "generation", as: Int64.self)
        }
        return Dictionary(uniqueKeysWithValues: scopes.map { ($0, found[$0] ?? 0) })
    }
}

enum ChangeGenerationError: Error {
    case noSQLDatabase
}

/// Creates `change_generations`.
struct CreateChangeGenerations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ChangeGenerations.schema)
            .field("scope", .string, .identifier(auto: false))
            .field("generation", .int64, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ChangeGenerations.schema).delete()
    }
}

/// Values loaded per scope and kept while the scope's counter stands still. A value is used without a
/// look at the database for `recheckAfter`; then one reader compares the counter (one small query) while
/// the others keep using the value, and the rows are reloaded only if the counter moved. A scope this
/// process wrote (`invalidate`) is checked on every use for a while, so the writer's own requests never
/// see the old rows: the write may commit a moment after `invalidate` runs.
///
/// Freshness is measured on the monotonic clock, not the application's clock (which tests and
/// benchmarks may fix or shift).
final class GenerationCache<Value: Sendable>: Sendable {
    /// How long a value is used before its counter is read again: the most another process's write can
    /// go unseen.
    static var recheckAfter: UInt64 { 250_000_000 }
    /// How long a locally written scope is checked on every use.
    static var writeWindow: UInt64 { 2_000_000_000 }

    private struct Entry: Sendable {
        var value: Value
        var generation: Int64
        var checkedAt: UInt64
    }

    private enum Plan { case use(Value), check(Entry?, leading: Bool) }

    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        var checking: Set<String> = []
        /// Scopes written by this process, until when they are checked on every use.
        var written: [String: UInt64] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// The value of `scope`, loading it with `load` when it is missing or its counter moved.
    func value(_ scope: String, on db: any Database, load: @Sendable (any Database) async throws -> Value) async throws -> Value {
        let now = DispatchTime.now().uptimeNanoseconds
        let plan = state.withLockedValue { state -> Plan in
            let recent = state.written[scope].map { now < $0 } ?? false
            if !recent { state.written[scope] = nil }
            if let entry = state.entries[scope], !recent {
                if now &- entry.checkedAt < Self.recheckAfter { return .use(entry.value) }
                if state.checking.contains(scope), now &- entry.checkedAt < 2 * Self.recheckAfter { return .use(entry.value) }
            }
            return .check(state.entries[scope], leading: state.checking.insert(scope).inserted)
        }
        switch plan {
        case .use(let value):
            return value
        case .check(let entry, let leading):
            defer { if leading { state.withLockedValue { _ = $0.checking.remove(scope) } } }
            let generation = try await ChangeGenerations.read([scope], on: db)[scope] ?? 0
            if let entry, entry.generation == generation {
                state.withLockedValue { $0.entries[scope]?.checkedAt = now }
                return entry.value
            }
            let value = try await load(db)
            state.withLockedValue { state in
                // A newer load (a later generation) already stored wins over this one.
                if let stored = state.entries[scope], stored.generation > generation { return }
                state.entries[scope] = Entry(value: value, generation: generation, checkedAt: now)
            }
            return value
        }
    }

    /// This process wrote `scope`: drop its value and check the counter on every use for a while.
    func invalidate(_ scope: String) {
        let until = DispatchTime.now().uptimeNanoseconds + Self.writeWindow
        state.withLockedValue { state in
            state.entries[scope] = nil
            state.written[scope] = until
        }
    }
}
