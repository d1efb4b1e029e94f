import Crypto
import Foundation

/// A stream of input bytes (a call list, a register delivery); it also hashes what it delivers (SHA-256).
/// Core reads only through this protocol: files are TMNormIO's `FileByteSource`, uploads `DataByteSource`.
public protocol ByteSource {
    /// Fills up to `buffer.count` bytes; returns 0 only at the end of the input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteIOError) -> Int
    /// Lower-case hex SHA-256 of every byte delivered; call once, after `read` returned 0.
    mutating func finishSHA256() -> String
    /// Total size when known in advance (for progress), else nil.
    var expectedByteCount: Int? { get }
}

/// A destination for output bytes (e.g. callable or rejected rows). Files are TMNormIO's `FileByteSink`.
public protocol ByteSink {
    /// Appends the bytes.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ByteIOError)
    /// Pushes buffered bytes to their destination.
    mutating func flush() throws(ByteIOError)
}

/// Why bytes could not be read or written.
public struct ByteIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path or name of what failed.
    public let target: String
    /// The operating system's explanation.
    public let detail: String

    public init(target: String, detail: String) {
        self.target = target
        self.detail = detail
    }

    public var description: String { "\(target): \(detail)" }
    /// The same in Norwegian bokmål.
    public var norwegian: String { "\(target): \(detail) (lese-/skrivefeil)" }
}

/// In-memory input (server uploads, tests); hashes as it goes.
public struct DataByteSource: ByteSource {
    private let data: Data
    private var offset = 0
    private var hasher = SHA256()

    public init(_ data: Data) { self.data = data }
    public init(_ bytes: [UInt8]) { self.data = Data(bytes) }

    public var expectedByteCount: Int? { data.count }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteIOError) -> Int {
        let n = min(buffer.count, data.count - offset)
        guard n > 0 else { return 0 }
        let range = offset..<(offset + n)
        data.withUnsafeBytes { raw in
            let slice = UnsafeRawBufferPointer(rebasing: raw[range])
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]).copyMemory(from: slice)
            hasher.update(bufferPointer: slice)
        }
        offset += n
        return n
    }

    public mutating func finishSHA256() -> String { Hex.encode(hasher.finalize()) }
}

/// In-memory output; `bytes` holds everything written.
public struct DataByteSink: ByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ByteIOError) {
        self.bytes.append(contentsOf: bytes)
    }

    public mutating func flush() throws(ByteIOError) {}
}

extension ByteSink {
    /// Writes an array's bytes.
    mutating func write(bytes: [UInt8]) throws(ByteIOError) {
        let result: ByteIOError? = bytes.withUnsafeBytes { raw in
            do throws(ByteIOError) { try write(raw) } catch { return error }
            return nil
        }
        if let result { throw result }
    }
}
