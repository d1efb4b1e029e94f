import Foundation
import TMNormCore
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
@testable import TMNormServer

#if canImport(Glibc)
    import Glibc
#endif

/// The real `tmnorm` executable, started as its own process for fault tests (kill -9 and restart).
final class ServerProcess: @unchecked Sendable {
    // Set once in `start`; used from the test's task only.
    private let process: Process
    let port: Int

    /// The `tmnorm` built next to the test bundle (`swift build` / `swift test` build it), if present.
    static let binary: URL? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory.appendingPathComponent("tmnorm"), directory.deletingLastPathComponent().appendingPathComponent("tmnorm")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return nil
    }()

    /// A free loopback port (bound and released; the server binds it right after).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ServerProcessError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Arguments and environment that point a server process at the test app's database (its SQLite file,
    /// or its PostgreSQL schema) and data directory, plus `extra` variables.
    static func sharing(_ config: AppConfig, extra: [String: String]) -> (arguments: [String], environment: [String: String]) {
        // `serve` refuses the public development secrets, so a process gets secrets of its own.
        let secrets = [
            "TMNORM_SECRET": "test-process-secret-4f1c9a7e2b8d6035a1e9c7b3", "TMNORM_SMS_SECRET": "test-process-sms-secret-81d2",
            "TMNORM_EVIDENCE_KEY": NoteSigner(name: "tmnorm.test/evidence", seed: Array(repeating: 0x5A, count: 32))?.encoded ?? "",
        ]
        var environment = extra.merging(["LOG_LEVEL": "error", "TMNORM_DATA_DIR": config.dataDirectory].merging(secrets) { a, _ in a }) { mine, _ in
            mine
        }
        switch config.database {
        case .sqlite(let path):
            return (["--database", path], environment)
        case .postgres(let url):
            environment["DATABASE_URL"] = url
            environment["TMNORM_DATABASE_SCHEMA"] = config.postgresSchema ?? ""
            return ([], environment)
        }
    }

    /// Whether `python3 -c "import MODULE"` works here.
    static func pythonHas(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Starts `tmnorm serve` and waits until `/healthz` answers.
    init(arguments: [String], environment: [String: String], port: Int) async throws {
        guard let binary = Self.binary else { throw ServerProcessError.noBinary }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", String(port)] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.port = port
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if await Self.healthy(port: port) { return }
            guard process.isRunning else { throw ServerProcessError.exited(process.terminationStatus) }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        kill9()
        throw ServerProcessError.notHealthy
    }

    static func healthy(port: Int) async -> Bool {
        guard let url = URL(string: "http://127.0.0.1:\(port)/healthz") else { return false }
        var request = URLRequest(url: url)
        request.timeoutInterval = 1
        return await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: request) { _, response, _ in
                continuation.resume(returning: (response as? HTTPURLResponse)?.statusCode == 200)
            }.resume()
        }
    }

    /// SIGKILL: no shutdown handlers, no flushing, exactly like a crash.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    enum ServerProcessError: Error {
        case noBinary, noFreePort, notHealthy
        case exited(Int32)
    }
}
