import NIOConcurrencyHelpers

/// Group commit: callers that arrive while a write is running are written together by the next one.
/// Every caller still returns only after its own item is stored, with its own result, but under load the
/// database sees one write per burst instead of one per caller.
///
/// No background task: the first caller leads a write; when it is done it hands the lead to the oldest
/// caller still waiting, which writes everything queued meanwhile.
final class GroupCommit<Item: Sendable, Output: Sendable>: Sendable {
    /// Writes a batch; returns one result per item, in order.
    typealias Write = @Sendable ([Item]) async throws -> [Result<Output, any Error>]

    private enum Turn: Sendable {
        case done(Result<Output, any Error>)
        case lead
    }
    private struct Waiter: Sendable {
        let item: Item
        let continuation: CheckedContinuation<Turn, Never>
    }
    private struct State: Sendable {
        var queue: [Waiter] = []
        var writing = false
    }
    private let state = NIOLockedValueBox(State())

    /// Stores `item`, sharing the write with concurrent callers. The leader's `write` writes the batch.
    func submit(_ item: Item, write: Write) async throws -> Output {
        let leadNow = state.withLockedValue { state -> Bool in
            if state.writing { return false }
            state.writing = true
            return true
        }
        if leadNow { return try await lead(own: item, write: write).get() }
        let turn = await withCheckedContinuation { continuation in
            let leadInstead = state.withLockedValue { state -> Bool in
                // The writer may have finished between the two locks; then this caller writes itself.
                if !state.writing {
                    state.writing = true
                    return true
                }
                state.queue.append(Waiter(item: item, continuation: continuation))
                return false
            }
            if leadInstead { continuation.resume(returning: .lead) }
        }
        switch turn {
        case .done(let result): return try result.get()
        case .lead: return try await lead(own: item, write: write).get()
        }
    }

    /// Writes the own item plus everything queued, answers the waiters, then passes the lead on.
    private func lead(own item: Item, write: Write) async -> Result<Output, any Error> {
        let waiters = state.withLockedValue { state -> [Waiter] in
            defer { state.queue.removeAll() }
            return state.queue
        }
        let items = [item] + waiters.map(\.item)
        var results: [Result<Output, any Error>]
        do {
            results = try await write(items)
            if results.count != items.count { results = items.map { _ in .failure(GroupCommitError.resultCountMismatch) } }
        } catch {
            results = items.map { _ in .failure(error) }
        }
        for (waiter, result) in zip(waiters, results.dropFirst()) {
            waiter.continuation.resume(returning: .done(result))
        }
        let next = state.withLockedValue { state -> Waiter? in
            guard !state.queue.isEmpty else {
                state.writing = false
                return nil
            }
            return state.queue.removeFirst()
        }
        // The next leader writes its own item and whatever queued up behind it.
        next?.continuation.resume(returning: .lead)
        return results[0]
    }
}

enum GroupCommitError: Error {
    case resultCountMismatch
}
