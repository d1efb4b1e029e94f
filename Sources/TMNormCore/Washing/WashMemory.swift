/// Zeroed, writable memory that stays valid while the object lives.
public protocol ZeroedMemory: AnyObject {
    /// The first byte, at least 64-byte aligned.
    var base: UnsafeMutableRawPointer { get }
}

/// Supplies a wash's scratch memory (the 12.5 MB duplicate bitset). Core allocates from the heap; the edge
/// may do better without Core doing I/O: TMNormIO's `HugePageAllocator` maps 2 MB pages, which the bitset's
/// random lookups need (Sources/TMNormIO/HugePageMemory.swift says why).
public protocol ZeroedMemoryAllocator: Sendable {
    /// At least `byteCount` zeroed bytes.
    func zeroedMemory(byteCount: Int) -> any ZeroedMemory
}

/// Heap memory, zeroed when allocated: a washer's default.
public struct HeapMemoryAllocator: ZeroedMemoryAllocator {
    public init() {}

    public func zeroedMemory(byteCount: Int) -> any ZeroedMemory { HeapZeroedMemory(byteCount: byteCount) }
}

/// Heap memory owned by a class, freed with it.
final class HeapZeroedMemory: ZeroedMemory {
    let base: UnsafeMutableRawPointer

    init(byteCount: Int) {
        base = .allocate(byteCount: max(1, byteCount), alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
    }

    deinit { base.deallocate() }
}
