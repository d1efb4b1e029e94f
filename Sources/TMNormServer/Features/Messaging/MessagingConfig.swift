import Foundation

/// How messages leave the machine; read from `TMNORM_SMS_*`, `TMNORM_SMTP_*` and `TMNORM_WORKER*`.
public struct MessagingConfig: Sendable {
    /// The HTTP SMS gateway; nil keeps SMS in the outbox (development default).
    public var smsGateway: SMSGatewaySettings?
    /// The sender shown on SMS (a number consumers can reply to, or an alphanumeric name).
    public var smsFrom: String = "2222"
    /// Key of the HMAC-SHA256 that signs inbound SMS (`X-TMNorm-Signature`).
    public var smsInboundSecret: String = MessagingConfig.developmentSMSSecret
    /// The public development default of TMNORM_SMS_SECRET; `tmnorm serve` refuses it.
    public static let developmentSMSSecret = "development-sms-secret"
    /// SMTP server; nil keeps e-mail in the outbox (development default).
    public var smtp: SMTPSettings?
    /// Whether the outbox worker (and with it the job runner) runs in this process.
    public var workerEnabled: Bool = true
    /// Seconds between worker passes.
    public var workerInterval: Double = 5
    /// Seconds a worker's claim on a message holds; after a crash its messages are sent again once the
    /// lease has run out (longer than any single delivery attempt may take).
    public var outboxLease: Double = 120

    public init() {}

    /// Reads the messaging variables (documented in .env.example).
    public static func fromEnvironment(_ env: [String: String]) -> MessagingConfig {
        var config = MessagingConfig()
        func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        if let url = value("TMNORM_SMS_URL") {
            config.smsGateway = SMSGatewaySettings(url: url, token: value("TMNORM_SMS_TOKEN") ?? "")
        }
        if let from = value("TMNORM_SMS_FROM") { config.smsFrom = from }
        if let secret = value("TMNORM_SMS_SECRET") { config.smsInboundSecret = secret }
        if let host = value("TMNORM_SMTP_HOST") {
            var smtp = SMTPSettings(host: host, fromAddress: value("TMNORM_SMTP_FROM") ?? "noreply@tmnorm.invalid")
            if let port = value("TMNORM_SMTP_PORT").flatMap(Int.init) { smtp.port = port }
            if let mode = value("TMNORM_SMTP_STARTTLS").flatMap(SMTPSettings.TLSMode.init(rawValue:)) { smtp.tls = mode }
            smtp.username = value("TMNORM_SMTP_USERNAME")
            smtp.password = value("TMNORM_SMTP_PASSWORD")
            if let name = value("TMNORM_SMTP_FROM_NAME") { smtp.fromName = name }
            if let seconds = value("TMNORM_SMTP_TIMEOUT").flatMap(Double.init), seconds > 0 { smtp.timeoutSeconds = seconds }
            smtp.trustRootsFile = value("TMNORM_SMTP_CA_FILE")
            config.smtp = smtp
        }
        if let worker = value("TMNORM_WORKER") { config.workerEnabled = !["0", "off", "false", "no"].contains(worker.lowercased()) }
        if let interval = value("TMNORM_WORKER_INTERVAL").flatMap(Double.init), interval > 0 { config.workerInterval = interval }
        if let lease = value("TMNORM_OUTBOX_LEASE").flatMap(Double.init), lease >= 1 { config.outboxLease = lease }
        return config
    }
}

/// `POST $TMNORM_SMS_URL` with a bearer token.
public struct SMSGatewaySettings: Sendable {
    public var url: String
    public var token: String

    public init(url: String, token: String) {
        self.url = url
        self.token = token
    }
}

/// An SMTP relay.
public struct SMTPSettings: Sendable {
    /// When to switch to TLS with STARTTLS.
    public enum TLSMode: String, Sendable {
        /// Refuse to send unless the server offers STARTTLS (default: credentials never go in clear).
        case required
        /// Use STARTTLS when offered.
        case optional
        /// Never (a local relay on loopback).
        case off
    }

    public var host: String
    public var port: Int = 587
    public var tls: TLSMode = .required
    public var username: String?
    public var password: String?
    public var fromAddress: String
    public var fromName: String = "TMNorm"
    /// Name sent in EHLO.
    public var heloName: String = "tmnorm.localhost"
    /// Seconds allowed for connecting and for each reply.
    public var timeoutSeconds: Double = 30
    /// PEM file of extra trusted certificates (a private relay's CA); the system roots otherwise.
    public var trustRootsFile: String?

    public init(host: String, port: Int = 587, tls: TLSMode = .required, fromAddress: String) {
        self.host = host
        self.port = port
        self.tls = tls
        self.fromAddress = fromAddress
    }
}
