import Foundation
import TMNormCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the POSIX calls the file I/O needs.
enum POSIXFile {
    static func errorText() -> String { String(cString: strerror(errno)) }

    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, target: String) throws(ByteIOError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = write(fd, base + done, bytes.count - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                throw ByteIOError(target: target, detail: errorText())
            }
        }
    }
}
