import Foundation
import NIOPosix
import TMNormCore
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// Where a client's webhook may point: an http(s) URL whose host resolves only to public addresses
/// (`NetworkAddressPolicy`), unless the operator allows the host by name (TMNORM_WEBHOOK_ALLOW_HOSTS).
/// Checked when the URL is saved and again before every delivery, since DNS answers change.
enum WebhookTarget {
    /// Why a URL is refused, in both languages.
    struct Refusal: Error, CustomStringConvertible {
        let reason: Phrase
        var description: String { reason.en }
    }

    /// The URL when it may be posted to; the refusal otherwise.
    static func check(_ raw: String, allowedHosts: Set<String>, pool: NIOThreadPool) async throws(Refusal) -> URL {
        guard raw.utf8.count <= 500, let components = URLComponents(string: raw),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host?.lowercased(), !host.isEmpty,
            components.user == nil, components.password == nil, let url = components.url
        else {
            throw Refusal(
                reason: Phrase(
                    nb: "må være en http(s)-adresse uten brukernavn og passord", en: "must be an http(s) URL without user name and password"))
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if allowedHosts.contains(bare) { return url }
        let addresses: [[UInt8]]
        do {
            addresses = try await pool.runIfActive { try resolve(bare) }
        } catch {
            throw Refusal(reason: Phrase(nb: "vertsnavnet «\(bare)» kan ikke slås opp", en: "the host name “\(bare)” cannot be resolved"))
        }
        guard !addresses.isEmpty else {
            throw Refusal(reason: Phrase(nb: "vertsnavnet «\(bare)» kan ikke slås opp", en: "the host name “\(bare)” cannot be resolved"))
        }
        for address in addresses {
            if let why = NetworkAddressPolicy.nonPublicReason(address) {
                throw Refusal(
                    reason: Phrase(
                        nb: "adressen peker til et internt nett (\(why)); bare offentlige adresser er tillatt",
                        en: "the address points into an internal network (\(why)); only public addresses are allowed"))
            }
        }
        return url
    }

    /// Every IPv4 and IPv6 address a host name (or literal) resolves to, as bytes.
    static func resolve(_ host: String) throws -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else {
            throw Refusal(reason: Phrase(nb: "ukjent vert", en: "unknown host"))
        }
        defer { freeaddrinfo(first) }
        var addresses: [[UInt8]] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let address = info.pointee.ai_addr {
                switch info.pointee.ai_family {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin_addr
                        withUnsafeBytes(of: &raw) { addresses.append(Array($0)) }
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin6_addr
                        withUnsafeBytes(of: &raw) { addresses.append(Array($0)) }
                    }
                default:
                    break
                }
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }
}
