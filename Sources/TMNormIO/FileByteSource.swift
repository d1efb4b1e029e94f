import Crypto
import Foundation
import TMNormCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file while a background thread reads ahead and computes its SHA-256.
///
/// Why a thread: SHA-256 runs at ~1.1 GB/s on the reference machine (SHA-NI), i.e. ~0.35 s for the
/// 400 MB benchmark list — a third of the 1 s budget. Hashing on the second core overlaps it with scanning.
public final class FileByteSource: ByteSource {
    private let channel: PrefetchChannel
    private var current: [UInt8] = []
    private var currentCount = 0
    private var currentOffset = 0
    private var atEnd = false
    /// The file's size when opened.
    public let expectedByteCount: Int?

    /// Opens `path` for reading; chunks of `chunkSize` bytes, at most `chunkCount` read ahead.
    public init(path: String, chunkSize: Int = 256 << 10, chunkCount: Int = 3) throws(ByteIOError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ByteIOError(target: path, detail: POSIXFile.errorText()) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw ByteIOError(target: path, detail: "is a directory, not a file")
        }
        expectedByteCount = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        let buffers = (0..<max(2, chunkCount)).map { _ in [UInt8](repeating: 0, count: max(4096, chunkSize)) }
        channel = PrefetchChannel(free: buffers)
        let channel = self.channel
        let thread = Thread { PrefetchChannel.readLoop(fd: fd, path: path, channel: channel) }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { channel.cancel() }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteIOError) -> Int {
        while !atEnd {
            if currentOffset < currentCount {
                let n = min(buffer.count, currentCount - currentOffset)
                let from = currentOffset
                current.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[from..<(from + n)]))
                }
                currentOffset += n
                return n
            }
            let returned = current
            current = []
            let next = try channel.exchange(returning: returned.isEmpty ? nil : returned)
            guard next.count > 0 else {
                atEnd = true
                break
            }
            current = next.bytes
            currentCount = next.count
            currentOffset = 0
        }
        return 0
    }

    public func finishSHA256() -> String { channel.waitForDigest() }
}

/// The hand-over between the read-ahead thread and the reader. Every stored property is touched only
/// while `condition` is locked, which is why `@unchecked Sendable` is sound here.
final class PrefetchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [[UInt8]]
    private var filled: [(bytes: [UInt8], count: Int)] = []
    private var failure: ByteIOError?
    private var digest: String?
    private var cancelled = false

    init(free: [[UInt8]]) { self.free = free }

    /// Gives back a used chunk and waits for the next filled one (count 0 = end of file).
    func exchange(returning used: [UInt8]?) throws(ByteIOError) -> (bytes: [UInt8], count: Int) {
        condition.lock()
        defer { condition.unlock() }
        if let used {
            free.append(used)
            condition.broadcast()
        }
        while filled.isEmpty && failure == nil { condition.wait() }
        if let failure { throw failure }
        return filled.removeFirst()
    }

    func waitForDigest() -> String {
        condition.lock()
        defer { condition.unlock() }
        while digest == nil && failure == nil && !cancelled { condition.wait() }
        return digest ?? ""
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs on the read-ahead thread: read a chunk, hash it, hand it over; closes `fd` when done.
    static func readLoop(fd: Int32, path: String, channel: PrefetchChannel) {
        defer { close(fd) }
        var hasher = SHA256()
        while true {
            guard var chunk = channel.takeFree() else { return }
            var count = 0
            var error: ByteIOError?
            chunk.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                while count < raw.count {
                    let n = read(fd, base + count, raw.count - count)
                    if n > 0 {
                        count += n
                    } else if n == 0 {
                        break
                    } else if errno != EINTR {
                        error = ByteIOError(target: path, detail: POSIXFile.errorText())
                        break
                    }
                }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[0..<count]))
            }
            let isLast = count == 0 || error != nil
            channel.deliver(chunk, count: count, failure: error, digest: isLast ? Hex.encode(hasher.finalize()) : nil)
            if isLast { return }
        }
    }

    private func takeFree() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !cancelled { condition.wait() }
        return cancelled ? nil : free.removeLast()
    }

    private func deliver(_ chunk: [UInt8], count: Int, failure: ByteIOError?, digest: String?) {
        condition.lock()
        if let failure { self.failure = failure }
        filled.append((chunk, count))
        if let digest { self.digest = digest }
        condition.broadcast()
        condition.unlock()
    }
}
