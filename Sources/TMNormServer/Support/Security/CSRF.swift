import Crypto
import TMNormCore
import Vapor

/// CSRF protection for browser routes. Signed in, the token is bound to the session: an HMAC of the session
/// cookie under the server secret, so a token seen in one session is worthless in another. Signed out (log-in,
/// consumer pages), it is the double-submit cookie: a random HttpOnly, SameSite=Strict cookie whose value
/// every state-changing form echoes in `_csrf` (or the `X-CSRF-Token` header).
struct CSRF: AsyncMiddleware {
    static let cookieName = "tmnorm_csrf"
    static let formField = "_csrf"
    static let headerName = "X-CSRF-Token"
    /// `Route.userInfo` key: the most bytes a route's form body may have (set by `RoutesBuilder.upload`).
    static let maxBodyKey = "tmnorm.max-body"

    let secureCookies: Bool
    /// The signed-in session's cookie value, or nil when nobody is signed in (the accounts feature knows).
    let sessionToken: @Sendable (Request) -> String?

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The JSON API carries no forms and authenticates with bearer keys: no token, no cookie, no check.
        if req.url.path.hasPrefix("/api/") { return try await next.respond(to: req) }
        let cookie = req.cookies[Self.cookieName]?.string
        let existing = cookie?.count == 64 ? cookie : nil
        let cookieToken = existing ?? req.application.tokens.hex(bytes: 32)
        let sessionToken = sessionToken(req)
        let expected = sessionToken.map { Self.boundToken(session: $0, keys: req.application.serverKeys) } ?? existing
        req.storage[TokenKey.self] = sessionToken.map { Self.boundToken(session: $0, keys: req.application.serverKeys) } ?? cookieToken

        if Self.needsCheck(req) {
            var sent = req.headers.first(name: Self.headerName)
            if sent == nil {
                // A browser upload arrives in many chunks: the form field can only be read once the whole
                // body is here, up to the route's own limit (the route would collect it next anyway). Only a
                // request that could pass is worth collecting: with no token to compare against, or a large
                // upload from someone not signed in, nobody gets to make the server buffer 100 MB.
                guard expected != nil else { throw AppError.csrf }
                if req.route?.userInfo[Self.maxBodyKey] != nil, sessionToken == nil { throw AppError.csrf }
                if req.body.data == nil {
                    let limit = (req.route?.userInfo[Self.maxBodyKey] as? Int) ?? req.application.routes.defaultMaxBodySize.value
                    _ = try await req.eventLoop.flatSubmit { req.body.collect(max: limit) }.get()
                }
                sent = Self.multipartToken(req) ?? (try? req.content.get(String.self, at: Self.formField))
            }
            guard let expected, let sent, Self.constantTimeEqual(sent, expected) else {
                throw AppError.csrf
            }
        }
        let response = try await next.respond(to: req)
        // Only pages carry forms; API and health responses need no cookie.
        if existing == nil, response.headers.contentType?.subType == "html" {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: cookieToken, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// The token from the start of a multipart body, without decoding the (possibly 100 MB) upload twice.
    static func multipartToken(_ req: Request) -> String? {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], let buffer = req.body.data
        else { return nil }
        let head = buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, 64 << 10)) ?? []
        return MultipartFieldScanner.value(of: formField, boundary: boundary, in: head)
    }

    /// The token of a signed-in session: hex HMAC-SHA256 of the session cookie under the "csrf" key.
    static func boundToken(session: String, keys: ServerKeys) -> String {
        keys.mac(session, purpose: "csrf")
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
    var csrfToken: String { storage[CSRF.TokenKey.self] ?? "" }
}

extension RoutesBuilder {
    /// A form route that accepts uploads of up to `maxSize`: the body is collected (by the CSRF check, which
    /// must read the form field, or by the route) up to that limit.
    @discardableResult
    func upload(
        _ path: [PathComponent], maxSize: ByteCount,
        use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: maxSize), use: closure)
        route.userInfo[CSRF.maxBodyKey] = maxSize.value
        return route
    }
}
