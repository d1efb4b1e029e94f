/// Raw memory owned by a class so that value types holding its pointer stay cheap to copy.
final class RawMemory {
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int

    init(count: Int) {
        self.count = count
        bytes = .allocate(capacity: count)
    }

    deinit { bytes.deallocate() }
}

/// A fixed-size byte buffer over a source: unconsumed bytes are moved to the front and the rest refilled,
/// so memory stays bounded whatever the input size. A struct (not a class) so the hot loop's accesses
/// need no dynamic exclusivity checks.
struct ByteWindow<Source: ByteSource> {
    var source: Source
    let capacity: Int
    private let memory: RawMemory
    let base: UnsafeMutablePointer<UInt8>
    /// First byte not yet consumed.
    var start = 0
    /// One past the last valid byte.
    private(set) var end = 0
    /// The source has no more bytes.
    private(set) var atEOF = false
    /// Bytes delivered by the source so far.
    private(set) var bytesRead = 0

    init(source: Source, capacity: Int) {
        self.source = source
        self.capacity = capacity
        memory = RawMemory(count: capacity)
        base = memory.bytes
    }

    /// Moves the unconsumed bytes to the front and reads once; false when nothing new arrived (end of input
    /// or no room).
    @discardableResult
    mutating func refill() throws(ByteIOError) -> Bool {
        if start > 0 {
            let count = end - start
            if count > 0 { base.update(from: base + start, count: count) }
            start = 0
            end = count
        }
        guard !atEOF, end < capacity else { return false }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(start: base + end, count: capacity - end))
        if n == 0 {
            atEOF = true
            return false
        }
        end += n
        bytesRead += n
        return true
    }

    /// Fills the window as far as the source allows (for sniffing the start of a file).
    mutating func fillCompletely() throws(ByteIOError) {
        while end < capacity, try refill() {}
    }

    /// The valid, unconsumed bytes.
    var unconsumed: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + start, count: end - start) }
}
