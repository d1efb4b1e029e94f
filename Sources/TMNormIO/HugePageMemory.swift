import TMNormCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Zeroed anonymous memory, 2 MB-aligned and (on Linux) advised to use transparent huge pages.
///
/// Why: random lookups in a 12.5 MB bitset with 4 KB pages miss the TLB on almost every row; with 2 MB
/// pages seven TLB entries cover it.
public final class HugePageMemory: ZeroedMemory {
    private static let hugePage = 2 << 20
    public let base: UnsafeMutableRawPointer
    private let mapping: UnsafeMutableRawPointer?
    private let mappingLength: Int

    /// Maps `byteCount` bytes (rounded up to whole huge pages); plain heap memory if the mapping fails.
    public init(byteCount: Int) {
        let length = (byteCount + Self.hugePage - 1) / Self.hugePage * Self.hugePage + Self.hugePage
        let address = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if let address, address != MAP_FAILED {
            mapping = address
            mappingLength = length
            let aligned = (Int(bitPattern: address) + Self.hugePage - 1) & ~(Self.hugePage - 1)
            base = UnsafeMutableRawPointer(bitPattern: aligned) ?? address
            #if os(Linux)
                _ = madvise(base, length - Self.hugePage, 14)  // MADV_HUGEPAGE; a hint, failure is harmless
            #endif
        } else {
            mapping = nil
            mappingLength = 0
            base = UnsafeMutableRawPointer.allocate(byteCount: max(1, byteCount), alignment: 64)
            base.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        }
    }

    deinit {
        if let mapping { munmap(mapping, mappingLength) } else { base.deallocate() }
    }
}

/// Hands washers huge-page memory (`Washer(register:policy:memory:)`); the server and the command line use it.
public struct HugePageAllocator: ZeroedMemoryAllocator {
    public init() {}

    public func zeroedMemory(byteCount: Int) -> any ZeroedMemory { HugePageMemory(byteCount: byteCount) }
}
