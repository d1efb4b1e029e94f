import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the POSIX calls the file I/O needs.
enum WashPOSIX {
    static func errorText() -> String { String(cString: strerror(errno)) }

    static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, target: String) throws(WashIOError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = write(fd, base + done, bytes.count - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                throw WashIOError(target: target, detail: errorText())
            }
        }
    }
}
