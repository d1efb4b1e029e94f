import Foundation
import Testing

/// Real servers on loopback for end-to-end tests, run by one Python process: an SMTP server
/// (aiosmtpd, with AUTH and optionally STARTTLS), an HTTP sink (SMS gateway and webhook receiver:
/// `/status/NNN/...` answers NNN, `/slowevery/N/...` holds every N-th answer for a second after recording
/// it, everything else 200) and a silent TCP port that never answers.
/// Everything heard is written as JSON files to a temporary directory.
final class LocalSinks: @unchecked Sendable {
    // Written once in `start`, read afterwards from the test's task only.
    let directory: URL
    let smtpPort: Int
    let httpPort: Int
    let silentPort: Int
    let certificateFile: String?
    private let process: Process
    private let stdin: Pipe

    static let smtpUser = "tmnorm"
    static let smtpPassword = "s3cret-pw"

    /// Whether python3 with aiosmtpd can run here. CI installs it (.ci/run); locally the tests that
    /// need it are skipped with a message naming the fix.
    static let available: Bool = ServerProcess.pythonHas("aiosmtpd")

    /// In CI (`CI` set) a missing aiosmtpd is a failure, not a skip.
    static var enabled: Bool { available || ProcessInfo.processInfo.environment["CI"] != nil }
    static let skipMessage: Comment = "needs python3 with aiosmtpd (python3 -m pip install aiosmtpd; .ci/run installs it)"

    static let script = #"""
        import email, email.policy, json, os, socket, ssl, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        outdir, mode = sys.argv[1], sys.argv[2]
        lock = threading.Lock()
        counter = [0]

        def save(kind, obj):
            with lock:
                counter[0] += 1
                n = counter[0]
            path = os.path.join(outdir, "%s-%05d.json" % (kind, n))
            with open(path + ".tmp", "w") as f:
                json.dump(obj, f)
            os.rename(path + ".tmp", path)
            return n

        class Sink(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode("utf-8")
                status = 200
                parts = self.path.split("/")
                if len(parts) > 2 and parts[1] == "status":
                    status = int(parts[2])
                n = save("http", {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body, "status": status})
                if len(parts) > 2 and parts[1] == "slowevery" and n % int(parts[2]) == 0:
                    time.sleep(1.0)  # heard but not yet acknowledged: a crash now leaves the sender unsure
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
            def log_message(self, *args):
                pass

        class Mail:
            async def handle_DATA(self, server, session, envelope):
                raw = envelope.original_content
                msg = email.message_from_bytes(raw, policy=email.policy.default)
                save("smtp", {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "subject": str(msg["subject"]),
                              "body": msg.get_content(), "raw": raw.decode("utf-8", "replace"),
                              "tls": getattr(session, "ssl", None) is not None, "authenticated": bool(getattr(session, "authenticated", False))})
                return "250 OK queued"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"tmnorm" and auth_data.password == b"s3cret-pw"
            return AuthResult(success=ok)

        def free_port():
            s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

        http = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
        threading.Thread(target=http.serve_forever, daemon=True).start()
        silent = socket.socket(); silent.bind(("127.0.0.1", 0)); silent.listen(8)
        kwargs = dict(hostname="127.0.0.1", port=free_port(), authenticator=authenticator, auth_required=True,
                      auth_require_tls=(mode == "starttls"))
        if mode == "starttls":
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(sys.argv[3], sys.argv[4])
            kwargs.update(tls_context=ctx, require_starttls=True)
        controller = Controller(Mail(), **kwargs)
        controller.start()
        print("READY %d %d %d" % (controller.port, http.server_address[1], silent.getsockname()[1]), flush=True)
        sys.stdin.read()
        controller.stop()
        """#

    init(starttls: Bool = false) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmnorm-sinks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        let scriptFile = directory.appendingPathComponent("sinks.py")
        try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
        var arguments = ["python3", scriptFile.path, directory.path, starttls ? "starttls" : "plain"]
        if starttls {
            let cert = directory.appendingPathComponent("cert.pem").path
            let key = directory.appendingPathComponent("key.pem").path
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ]
            openssl.standardOutput = FileHandle.nullDevice
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            arguments += [cert, key]
            certificateFile = cert
        } else {
            certificateFile = nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        // aiosmtpd warns about AUTH without TLS in the plain mode the tests use on purpose.
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        self.stdin = stdin
        var line = Data()
        let deadline = Date().addingTimeInterval(20)
        while !line.contains(UInt8(ascii: "\n")) && Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 4, words[0] == "READY", let smtp = Int(words[1]), let http = Int(words[2]), let silent = Int(words[3]) else {
            process.terminate()
            throw SinkError.didNotStart(String(decoding: line, as: UTF8.self))
        }
        smtpPort = smtp
        httpPort = http
        silentPort = silent
    }

    enum SinkError: Error { case didNotStart(String) }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Everything heard of one kind ("http", "smtp"), oldest first.
    func received(_ kind: String) -> [[String: Any]] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasPrefix(kind + "-") && $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
    }

    /// Waits until at least `count` of a kind arrived (SMTP hands over asynchronously).
    func waitFor(_ kind: String, count: Int, seconds: Double = 10) async throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let items = received(kind)
            if items.count >= count { return items }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return received(kind)
    }

    /// Runs `body` with fresh sinks and always stops them.
    static func with<T>(starttls: Bool = false, _ body: (LocalSinks) async throws -> T) async throws -> T {
        let sinks = try LocalSinks(starttls: starttls)
        do {
            let result = try await body(sinks)
            sinks.stop()
            return result
        } catch {
            sinks.stop()
            throw error
        }
    }
}
