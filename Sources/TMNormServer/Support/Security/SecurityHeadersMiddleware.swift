import Vapor

/// Adds CSP, frame-ancestors, nosniff, referrer policy, and HSTS when served behind TLS.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let hsts: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "img-src 'self' data:", "style-src 'self'", "script-src 'self'",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        let headers = response.headers
        if !headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        if !headers.contains(name: "X-Frame-Options") {
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        }
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()")
        let forwardedTLS = req.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
        if hsts || forwardedTLS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return response
    }
}
