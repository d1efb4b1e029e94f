import Foundation

/// Washes call lists against a register snapshot and a `WashPolicy`: streams the list once, writes every
/// row unchanged to the callable output or, with a `reason` column, to the rejected output.
///
/// Checks, in order (the first that applies decides): blank row, malformed row, missing phone, invalid /
/// foreign / special number, duplicate, internal block list (number, then person), national register
/// (number, then person) unless an exemption covers the row. See docs/washing.md.
public struct Washer: Sendable {
    /// How many malformed rows a summary lists by line number (all are counted).
    public static let maxListedMalformedRows = 100

    public let register: RegisterSnapshot
    public let policy: WashPolicy
    /// Where a wash's scratch memory comes from (the server and the command line pass huge pages).
    public let memory: any ZeroedMemoryAllocator
    let classifier: PhoneFieldClassifier
    let blockedNumbers: WashKeySet<UInt32>
    let blockedPersons: WashKeySet<UInt64>
    let exemptNumbers: WashKeySet<UInt32>
    let exemptPersons: WashKeySet<UInt64>

    public init(register: RegisterSnapshot, policy: WashPolicy = WashPolicy(), memory: any ZeroedMemoryAllocator = HeapMemoryAllocator()) {
        self.register = register
        self.policy = policy
        self.memory = memory
        classifier = PhoneFieldClassifier.forTable(policy.phoneTable)
        blockedNumbers = WashKeySet(policy.blockLists.flatMap(\.numberKeys))
        blockedPersons = WashKeySet(policy.blockLists.flatMap(\.personKeys))
        exemptNumbers = WashKeySet(policy.exemptions.numberKeys)
        exemptPersons = WashKeySet(policy.exemptions.personKeys)
    }

    /// Washes `source` into the two sinks (flushed at the end).
    public func wash<Source: ByteSource, Callable: ByteSink, Rejected: ByteSink>(
        source: Source, callable: inout Callable, rejected: inout Rejected,
        progress: (WashProgress) -> Void = { _ in }
    ) throws(WashError) -> WashSummary {
        try WashRun.run(washer: self, source: source, callable: &callable, rejected: &rejected, progress: progress).summary
    }

    /// Like `wash(source:callable:rejected:)`, and also the phone keys of the callable rows.
    public func washWithKeys<Source: ByteSource, Callable: ByteSink, Rejected: ByteSink>(
        source: Source, callable: inout Callable, rejected: inout Rejected,
        progress: (WashProgress) -> Void = { _ in }
    ) throws(WashError) -> (summary: WashSummary, callableKeys: WashCallableKeys) {
        let (summary, keys) = try WashRun.run(washer: self, source: source, callable: &callable, rejected: &rejected, progress: progress)
        return (summary, WashCallableKeys(keys))
    }

    /// Washes a list held in memory (an upload); returns both outputs and the summary.
    public func wash(data: Data) throws(WashError) -> WashedList {
        var callable = DataByteSink()
        var rejected = DataByteSink()
        let summary = try wash(source: DataByteSource(data), callable: &callable, rejected: &rejected)
        return WashedList(callable: callable.bytes, rejected: rejected.bytes, summary: summary)
    }
}

/// Both outputs of an in-memory wash.
public struct WashedList: Sendable {
    /// Callable rows (with the header), byte for byte as in the input.
    public var callable: [UInt8]
    /// Rejected rows (with the header), each with a `reason` column appended.
    public var rejected: [UInt8]
    public var summary: WashSummary
}
