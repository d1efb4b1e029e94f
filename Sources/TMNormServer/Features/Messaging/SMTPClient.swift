import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import TMNormCore

/// A complete SMTP reply: the code and every line's text (multi-line replies joined by the client).
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var text: String { lines.joined(separator: " ") }
}

/// Why an SMTP conversation failed; 5xx replies are permanent, everything else may be retried.
enum SMTPError: Error, Sendable, CustomStringConvertible {
    case timeout(stage: String)
    case connectionClosed(stage: String)
    case malformedReply(String)
    case unexpectedReply(stage: String, SMTPReply)
    case startTLSNotOffered
    case authenticationNotOffered
    case invalidAddress(String)

    var isPermanent: Bool {
        switch self {
        case .unexpectedReply(let stage, let reply): reply.code >= 500 && stage != "AUTH" && stage != "greeting"
        case .invalidAddress: true
        default: false
        }
    }

    var description: String {
        switch self {
        case .timeout(let stage): "SMTP timeout waiting for the reply to \(stage)"
        case .connectionClosed(let stage): "SMTP connection closed during \(stage)"
        case .malformedReply(let line): "malformed SMTP reply line '\(line.prefix(80))'"
        case .unexpectedReply(let stage, let reply): "SMTP \(stage) answered \(reply.code) \(reply.text.prefix(200))"
        case .startTLSNotOffered: "the SMTP server does not offer STARTTLS, which the configuration requires"
        case .authenticationNotOffered: "the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN"
        case .invalidAddress(let address): "'\(address.prefix(80))' cannot be used as an SMTP address"
        }
    }
}

/// One e-mail to send: plain text, UTF-8.
struct SMTPMail: Sendable {
    var fromAddress: String
    var fromName: String
    var to: [String]
    var subject: String
    var text: String
    /// Message-ID left part; the same message retried keeps the same id.
    var messageID: String
    var date: Date
    /// Sent as a second MIME part (multipart/mixed) when present.
    var attachment: MessageAttachment?

    init(
        fromAddress: String, fromName: String, to: [String], subject: String, text: String, messageID: String, date: Date,
        attachment: MessageAttachment? = nil
    ) {
        self.attachment = attachment
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.messageID = messageID
        self.date = date
    }
}

/// Collects complete replies from the line handler and hands them to the conversation in order.
final class SMTPReplyQueue: Sendable {
    private struct State {
        var replies: [SMTPReply] = []
        var waiter: CheckedContinuation<SMTPReply, any Error>?
        var failure: (any Error)?
    }

    private let state = NIOLockedValueBox(State())

    func push(_ reply: SMTPReply) {
        let waiter: CheckedContinuation<SMTPReply, any Error>? = state.withLockedValue { state in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.replies.append(reply)
            return nil
        }
        waiter?.resume(returning: reply)
    }

    /// Fails the waiting and every later read (the connection is unusable after it).
    func fail(_ error: any Error) {
        let waiter: CheckedContinuation<SMTPReply, any Error>? = state.withLockedValue { state in
            if state.failure == nil { state.failure = error }
            let waiter = state.waiter
            state.waiter = nil
            return waiter
        }
        waiter?.resume(throwing: error)
    }

    func next() async throws -> SMTPReply {
        try await withCheckedThrowingContinuation { continuation in
            let result: Result<SMTPReply, any Error>? = state.withLockedValue { state in
                if !state.replies.isEmpty { return .success(state.replies.removeFirst()) }
                if let failure = state.failure { return .failure(failure) }
                state.waiter = continuation
                return nil
            }
            if let result { continuation.resume(with: result) }
        }
    }
}

/// Splits the byte stream into lines and lines into replies ("250-first", "250 last").
final class SMTPLineHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let queue: SMTPReplyQueue
    private var buffer = ByteBuffer()
    private var lines: [String] = []
    private var code: Int?
    /// A server that never ends a line cannot make the client buffer without bound.
    static let maximumLineBytes = 4096

    init(queue: SMTPReplyQueue) { self.queue = queue }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - buffer.readerIndex + 1
            guard var bytes = buffer.readBytes(length: length) else { break }
            // Byte level: in Swift strings "\r\n" is one Character, so hasSuffix("\n") would miss it.
            while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
            if !handle(line: String(decoding: bytes, as: UTF8.self), context: context) { return }
        }
        if buffer.readableBytes > Self.maximumLineBytes {
            queue.fail(SMTPError.malformedReply("line longer than \(Self.maximumLineBytes) bytes"))
            context.close(promise: nil)
        }
        buffer.discardReadBytes()
    }

    /// Returns false when the line was malformed and the connection is closed.
    private func handle(line: String, context: ChannelHandlerContext) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let lineCode = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
            code == nil || code == lineCode
        else {
            queue.fail(SMTPError.malformedReply(line))
            context.close(promise: nil)
            return false
        }
        code = lineCode
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") {
            queue.push(SMTPReply(code: lineCode, lines: lines))
            lines = []
            code = nil
        }
        return true
    }

    func channelInactive(context: ChannelHandlerContext) {
        queue.fail(SMTPError.connectionClosed(stage: "read"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        queue.fail(error)
        context.close(promise: nil)
    }
}

/// A small, real SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL, RCPT,
/// DATA with dot-stuffing, QUIT; every reply waited for with a timeout.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let eventLoopGroup: any EventLoopGroup

    init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup) {
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
    }

    /// Sends one mail; throws `SMTPError` (or a connection/TLS error) when it was not accepted.
    func send(_ mail: SMTPMail) async throws {
        for address in [mail.fromAddress] + mail.to where !Self.isSafeAddress(address) {
            throw SMTPError.invalidAddress(address)
        }
        let timeout = TimeAmount.milliseconds(Int64(settings.timeoutSeconds * 1000))
        let queue = SMTPReplyQueue()
        let channel = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPLineHandler(queue: queue))
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        let conversation = Conversation(channel: channel, queue: queue, timeout: timeout)
        do {
            try await run(mail, conversation)
            channel.close(promise: nil)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    private func run(_ mail: SMTPMail, _ c: Conversation) async throws {
        try await c.expect(220, stage: "greeting")
        var capabilities = try await c.command("EHLO \(settings.heloName)", expect: [250], stage: "EHLO").lines.dropFirst().map { $0.uppercased() }
        let offersTLS = capabilities.contains { $0 == "STARTTLS" || $0.hasPrefix("STARTTLS ") }
        if settings.tls == .required && !offersTLS { throw SMTPError.startTLSNotOffered }
        if settings.tls != .off && offersTLS {
            try await c.command("STARTTLS", expect: [220], stage: "STARTTLS")
            try await startTLS(on: c.channel)
            capabilities = try await c.command("EHLO \(settings.heloName)", expect: [250], stage: "EHLO").lines.dropFirst().map { $0.uppercased() }
        }
        if let username = settings.username {
            let password = settings.password ?? ""
            let mechanisms = Set(
                capabilities.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
                    .flatMap { $0.dropFirst(5).split(separator: " ").map(String.init) })
            if mechanisms.contains("PLAIN") {
                let credentials = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                try await c.command("AUTH PLAIN \(credentials)", expect: [235], stage: "AUTH", secret: true)
            } else if mechanisms.contains("LOGIN") {
                try await c.command("AUTH LOGIN", expect: [334], stage: "AUTH")
                try await c.command(Data(username.utf8).base64EncodedString(), expect: [334], stage: "AUTH", secret: true)
                try await c.command(Data(password.utf8).base64EncodedString(), expect: [235], stage: "AUTH", secret: true)
            } else {
                throw SMTPError.authenticationNotOffered
            }
        }
        try await c.command("MAIL FROM:<\(mail.fromAddress)>", expect: [250], stage: "MAIL FROM")
        for recipient in mail.to {
            try await c.command("RCPT TO:<\(recipient)>", expect: [250, 251], stage: "RCPT TO")
        }
        try await c.command("DATA", expect: [354], stage: "DATA")
        try await c.write(Self.dotStuffed(MailFormatter.message(mail, host: settings.heloName)) + ".\r\n")
        try await c.expect(250, stage: "end of DATA")
        // The mail is accepted; a failing QUIT changes nothing.
        _ = try? await c.command("QUIT", expect: [221], stage: "QUIT")
    }

    private func startTLS(on channel: any Channel) async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustRootsFile {
            configuration.additionalTrustRoots = [.file(file)]
        }
        let context = try NIOSSLContext(configuration: configuration)
        let serverName = Self.isIPAddress(settings.host) ? nil : settings.host
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName), position: .first)
        }.get()
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// Addresses go into commands: no spaces, angle brackets or line breaks.
    static func isSafeAddress(_ address: String) -> Bool {
        !address.isEmpty && address.utf8.count <= 254 && address.contains("@")
            && !address.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0.value == 0x7F }
    }

    /// CRLF line ends; a line starting with "." gets a second one (RFC 5321 §4.5.2); ends with CRLF.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }

    /// One SMTP conversation: commands and replies with a timeout each.
    struct Conversation {
        let channel: any Channel
        let queue: SMTPReplyQueue
        let timeout: TimeAmount

        func write(_ text: String) async throws {
            try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        }

        @discardableResult
        func expect(_ code: Int, stage: String) async throws -> SMTPReply {
            try await expect([code], stage: stage)
        }

        @discardableResult
        func expect(_ codes: [Int], stage: String) async throws -> SMTPReply {
            let queue = self.queue
            let timer = channel.eventLoop.scheduleTask(in: timeout) { queue.fail(SMTPError.timeout(stage: stage)) }
            defer { timer.cancel() }
            let reply: SMTPReply
            do {
                reply = try await queue.next()
            } catch SMTPError.connectionClosed {
                throw SMTPError.connectionClosed(stage: stage)
            }
            guard codes.contains(reply.code) else { throw SMTPError.unexpectedReply(stage: stage, reply) }
            return reply
        }

        @discardableResult
        func command(_ line: String, expect codes: [Int], stage: String, secret: Bool = false) async throws -> SMTPReply {
            try await write(line + "\r\n")
            return try await expect(codes, stage: stage)
        }
    }
}

/// Formats a plain-text UTF-8 message (RFC 5322 headers, quoted-printable body, lines ≤ 76).
enum MailFormatter {
    static func message(_ mail: SMTPMail, host: String) -> String {
        var headers = [
            "From: \(encodedWord(mail.fromName)) <\(mail.fromAddress)>",
            "To: \(mail.to.joined(separator: ", "))",
            "Subject: \(encodedWord(mail.subject))",
            "Date: \(rfc5322Date(mail.date))",
            "Message-ID: <\(mail.messageID)@\(host)>",
            "MIME-Version: 1.0",
        ]
        guard let attachment = mail.attachment else {
            headers += ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", ""]
            return headers.joined(separator: "\r\n") + "\r\n" + quotedPrintable(mail.text)
        }
        // The boundary is derived from the message id, so a retry sends the same bytes.
        let boundary = "=_tmnorm_" + ASCII.filtered(mail.messageID, keeping: [UInt8(ascii: "-")]).prefix(40)
        let name = ASCII.filtered(attachment.fileName, keeping: [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_")])
        let type = attachment.contentType.filter { $0 != "\r" && $0 != "\n" }
        headers += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", ""]
        var body = headers.joined(separator: "\r\n") + "\r\n"
        body += "--\(boundary)\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        body += quotedPrintable(mail.text)
        body += "--\(boundary)\r\nContent-Type: \(type); name=\"\(name)\"\r\nContent-Disposition: attachment; filename=\"\(name)\"\r\n"
        body += "Content-Transfer-Encoding: base64\r\n\r\n"
        body += base64Lines(Data(attachment.content.utf8))
        body += "--\(boundary)--\r\n"
        return body
    }

    /// Base64 in lines of 76 characters (RFC 2045), CRLF after each.
    static func base64Lines(_ data: Data) -> String {
        let encoded = Array(data.base64EncodedString().utf8)
        var out = ""
        var index = 0
        while index < encoded.count {
            let end = min(index + 76, encoded.count)
            out += String(decoding: encoded[index..<end], as: UTF8.self) + "\r\n"
            index = end
        }
        return out
    }

    /// RFC 2047 B-encoding when the text is not plain printable ASCII.
    static func encodedWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plain { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss +0000"
        return formatter.string(from: date)
    }

    /// Quoted-printable (RFC 2045 §6.7) with CRLF hard breaks and soft breaks before 76 characters.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [String] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            let bytes = Array(line.utf8)
            var encoded = ""
            var current = ""
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !isLast)
                let piece =
                    literal
                    ? String(UnicodeScalar(byte))
                    : "=" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
                if current.utf8.count + piece.utf8.count > 75 {
                    encoded += current + "=\r\n"
                    current = ""
                }
                current += piece
            }
            encoded += current
            out.append(encoded)
        }
        return out.joined(separator: "\r\n") + "\r\n"
    }
}
