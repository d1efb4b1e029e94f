import Foundation
import TMNormCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to a temporary file next to `path`, moved into place by `commit()` so a failed run never
/// leaves a half-written file under the final name. Full buffers are written by a background thread.
///
/// Why a thread: writing the ~450 MB of output of the benchmark list costs ~0.5 s of kernel time;
/// off the scanning thread it overlaps with scanning.
public struct FileByteSink: ByteSink {
    private let path: String
    private let temporaryPath: String
    private let channel: WriteBehindChannel
    private var buffer: WriteBuffer
    private var used = 0

    /// Creates (truncates) the temporary file.
    public init(path: String, bufferSize: Int = 256 << 10, bufferCount: Int = 3) throws(ByteIOError) {
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ByteIOError(target: path, detail: POSIXFile.errorText()) }
        self.path = path
        let size = max(4096, bufferSize)
        buffer = WriteBuffer(count: size)
        channel = WriteBehindChannel(
            fd: fd, path: path, free: (1..<max(2, bufferCount)).map { _ in WriteBuffer(count: size) })
        let channel = self.channel
        let thread = Thread { channel.writeLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ByteIOError) {
        guard let source = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            if used == buffer.count { try flush() }
            let n = min(bytes.count - offset, buffer.count - used)
            UnsafeMutableRawPointer(buffer.bytes + used).copyMemory(from: source + offset, byteCount: n)
            used += n
            offset += n
        }
    }

    /// Hands the current buffer to the writer thread.
    public mutating func flush() throws(ByteIOError) {
        guard used > 0 else { return }
        buffer = try channel.submit(buffer, count: used)
        used = 0
    }

    /// Writes everything, closes and renames the temporary file to the final path.
    public mutating func commit() throws(ByteIOError) {
        try flush()
        if let failure = channel.finish() {
            unlink(temporaryPath)
            throw failure
        }
        guard rename(temporaryPath, path) == 0 else {
            let detail = POSIXFile.errorText()
            unlink(temporaryPath)
            throw ByteIOError(target: path, detail: detail)
        }
    }

    /// Stops writing and deletes the temporary file (after a failure).
    public mutating func discard() {
        _ = channel.finish()
        unlink(temporaryPath)
    }
}

/// Buffers between the producer and the writer thread. Every stored property is touched only while
/// `condition` is locked, which is why `@unchecked Sendable` is sound here.
final class WriteBehindChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let fd: Int32
    private let path: String
    private var free: [WriteBuffer]
    private var filled: [(WriteBuffer, Int)] = []
    private var failure: ByteIOError?
    private var closing = false
    private var closed = false

    init(fd: Int32, path: String, free: [WriteBuffer]) {
        self.fd = fd
        self.path = path
        self.free = free
    }

    /// Queues a full buffer and returns an empty one (waiting while the writer is behind).
    func submit(_ buffer: WriteBuffer, count: Int) throws(ByteIOError) -> WriteBuffer {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        filled.append((buffer, count))
        condition.broadcast()
        while free.isEmpty && failure == nil { condition.wait() }
        if let failure { throw failure }
        return free.removeLast()
    }

    /// Waits until everything queued is written and the file is closed; the first error, if any.
    func finish() -> ByteIOError? {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !closed { condition.wait() }
        return failure
    }

    /// Runs on the writer thread until `finish`.
    func writeLoop() {
        while true {
            condition.lock()
            while filled.isEmpty && !closing { condition.wait() }
            if filled.isEmpty {
                close(fd)
                closed = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let (buffer, count) = filled.removeFirst()
            let skip = failure != nil
            condition.unlock()
            var error: ByteIOError?
            if !skip {
                do throws(ByteIOError) {
                    try POSIXFile.writeAll(fd: fd, UnsafeRawBufferPointer(start: buffer.bytes, count: count), target: path)
                } catch let e {
                    error = e
                }
            }
            condition.lock()
            if let error, failure == nil { failure = error }
            free.append(buffer)
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// A buffer of raw memory, owned by a class so handing it between threads moves no bytes.
final class WriteBuffer {
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int

    init(count: Int) {
        self.count = count
        bytes = .allocate(capacity: count)
    }

    deinit { bytes.deallocate() }
}
