import Crypto
import Vapor

/// Double-submit CSRF protection: a random HttpOnly, SameSite=Strict cookie whose value every
/// state-changing form must echo in `_csrf` (or the `X-CSRF-Token` header).
public struct CSRF: AsyncMiddleware {
    public static let cookieName = "tmnorm_csrf"
    public static let formField = "_csrf"
    static let headerName = "X-CSRF-Token"

    let secureCookies: Bool

    public func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The JSON API carries no forms and authenticates with bearer keys: no token, no cookie, no check.
        if req.url.path.hasPrefix("/api/") { return try await next.respond(to: req) }
        let cookie = req.cookies[Self.cookieName]?.string
        let existing = cookie?.count == 64 ? cookie : nil
        let token = existing ?? req.application.tokens.hex(bytes: 32)
        req.storage[TokenKey.self] = token

        if Self.needsCheck(req) {
            let sent = req.headers.first(name: Self.headerName)
                ?? (try? req.content.get(String.self, at: Self.formField))
            guard let existing, let sent, Self.constantTimeEqual(sent, existing) else {
                throw AppError.csrf
            }
        }
        let response = try await next.respond(to: req)
        // Only pages carry forms; API and health responses need no cookie.
        if existing == nil, response.headers.contentType?.subType == "html" {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// Unsafe methods on browser routes; the JSON API authenticates with bearer keys, not cookies.
    static func needsCheck(_ req: Request) -> Bool {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return false }
        return !req.url.path.hasPrefix("/api/")
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    struct TokenKey: StorageKey { typealias Value = String }
}

extension Request {
    /// The CSRF token to embed in forms rendered for this request.
    public var csrfToken: String { storage[CSRF.TokenKey.self] ?? "" }
}
