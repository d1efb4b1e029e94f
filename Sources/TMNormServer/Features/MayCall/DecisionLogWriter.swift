import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Writes may-call decisions with group commit: requests that arrive while a write is running are
/// written together by the next one, in one multi-row INSERT. Every caller still returns only after its
/// own rows are stored ("an answer that is not on record is never given"), but under load the database
/// sees one statement per burst instead of one per answer.
///
/// No background task: the first waiting request leads a write; when it is done it hands the lead to
/// the oldest request still waiting, which writes everything queued meanwhile.
final class DecisionLogWriter: Sendable {
    private enum Turn { case written, lead }
    private struct Waiter {
        let rows: [DecisionModel]
        let continuation: CheckedContinuation<Turn, any Error>
    }
    private struct State {
        var queue: [Waiter] = []
        var writing = false
    }
    private let state = NIOLockedValueBox(State())
    /// Rows per INSERT statement (bind limits: 11 columns × 500 rows).
    static let rowsPerStatement = 500

    /// Stores `rows`, sharing the write with concurrent callers; throws if the write failed.
    func record(_ rows: [DecisionModel], on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        let leadNow = state.withLockedValue { state -> Bool in
            if state.writing { return false }
            state.writing = true
            return true
        }
        if leadNow {
            try await lead(own: rows, on: db)
            return
        }
        let turn = try await withCheckedThrowingContinuation { continuation in
            let leadInstead = state.withLockedValue { state -> Bool in
                // The writer may have finished between the two locks; then this caller writes itself.
                if !state.writing {
                    state.writing = true
                    return true
                }
                state.queue.append(Waiter(rows: rows, continuation: continuation))
                return false
            }
            if leadInstead { continuation.resume(returning: .lead) }
        }
        if case .lead = turn { try await lead(own: rows, on: db) }
    }

    /// Writes the own rows plus everything queued, then passes the lead on or ends the write.
    private func lead(own rows: [DecisionModel], on db: any Database) async throws {
        let waiters = state.withLockedValue { state -> [Waiter] in
            defer { state.queue.removeAll() }
            return state.queue
        }
        let all = rows + waiters.flatMap(\.rows)
        var failure: (any Error)?
        do {
            for start in stride(from: 0, to: all.count, by: Self.rowsPerStatement) {
                try await Array(all[start..<min(start + Self.rowsPerStatement, all.count)]).create(on: db)
            }
        } catch {
            failure = error
        }
        for waiter in waiters {
            if let failure { waiter.continuation.resume(throwing: failure) } else { waiter.continuation.resume(returning: .written) }
        }
        let next = state.withLockedValue { state -> Waiter? in
            guard !state.queue.isEmpty else {
                state.writing = false
                return nil
            }
            return state.queue.removeFirst()
        }
        // The next leader writes its own rows and whatever queued up behind it.
        next?.continuation.resume(returning: .lead)
        if let failure { throw failure }
    }
}

extension Application {
    private struct DecisionLogWriterKey: StorageKey { typealias Value = DecisionLogWriter }

    /// The process's decision writer (created at boot, before requests arrive).
    var decisionLogWriter: DecisionLogWriter {
        get { storage[DecisionLogWriterKey.self] ?? DecisionLogWriter() }
        set { storage[DecisionLogWriterKey.self] = newValue }
    }
}
