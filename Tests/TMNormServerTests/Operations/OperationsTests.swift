import Foundation
import TMNormCore
import Testing
import Vapor
import VaporTesting

@testable import TMNormServer

@Suite("Operations: health, metrics, OpenAPI")
struct OperationsTests {
    @Test("/healthz answers 200 when the database answers")
    func healthy() async throws {
        try await withTestApp { app in
            let response = try await app.get("/healthz", as: .anonymous)
            #expect(response.status == .ok)
            #expect(response.text.contains("\"ok\""))
        }
    }

    @Test("/healthz answers 503 when the database cannot be reached")
    func unhealthy() async throws {
        try await withTestApp(migrate: false, database: .sqlite(path: "/nonexistent-dir-\(UUID())/db.sqlite")) { app in
            let response = try await app.get("/healthz", as: .anonymous)
            #expect(response.status == .serviceUnavailable)
        }
    }

    @Test("/metrics speaks the Prometheus text format and counts requests by route pattern")
    func metrics() async throws {
        try await withTestApp { app in
            let world = try await TestWorld.make(app)
            _ = try await app.get("/organisations/\(world.client.id.uuidString.lowercased())", as: world.browser(.agent))
            // Closed by default (issue 11, finding 12): no token, no allowed address.
            #expect(try await app.get("/metrics", as: .anonymous).status == .forbidden)
            app.config.metricsToken = "metrics-token-for-the-test"
            #expect(try await app.get("/metrics", as: .anonymous, headers: ["Authorization": "Bearer wrong-token"]).status == .forbidden)
            let response = try await app.get("/metrics", as: .anonymous, headers: ["Authorization": "Bearer metrics-token-for-the-test"])
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(response.text.contains("# TYPE tmnorm_http_requests_total counter"))
            #expect(response.text.contains(#"route="/organisations/:id""#))
            #expect(!response.text.contains(world.client.id.uuidString.lowercased()))
        }
    }

    @Test("every registered /api/v1 route is described in the OpenAPI document")
    func openAPICoversRoutes() async throws {
        try await withTestApp { app in
            let response = try await app.get("/api/openapi.json", as: .anonymous)
            #expect(response.status == .ok)
            let document = try response.json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let registered = app.routes.all.filter { $0.path.first?.description == "api" && $0.path.dropFirst().first?.description == "v1" }
            #expect(!registered.isEmpty)
            for route in registered {
                let template =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                let methods = paths[template]
                #expect(methods?[route.method.rawValue.lowercased()] != nil, "\(route.method.rawValue) \(template) is missing from /api/openapi.json")
            }
        }
    }

    @Test("pages carry CSP, frame-ancestors, nosniff; HSTS only behind TLS")
    func securityHeaders() async throws {
        try await withTestApp { app in
            let response = try await app.get("/login", as: .anonymous)
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(csp.contains("default-src 'self'"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            var headers = HTTPHeaders()
            headers.add(name: "X-Forwarded-Proto", value: "https")
            let tls = try await app.get("/login", as: .anonymous, headers: headers)
            #expect(tls.headers.first(name: "Strict-Transport-Security") != nil)
        }
    }

    @Test("responses carry a request id, and a caller's plain id is echoed")
    func requestID() async throws {
        try await withTestApp { app in
            var headers = HTTPHeaders()
            headers.add(name: "X-Request-ID", value: "abc-123")
            let response = try await app.get("/healthz", as: .anonymous, headers: headers)
            #expect(response.headers.first(name: "X-Request-ID") == "abc-123")
            headers.replaceOrAdd(name: "X-Request-ID", value: "<script>")
            let sanitised = try await app.get("/healthz", as: .anonymous, headers: headers)
            #expect(sanitised.headers.first(name: "X-Request-ID") != "<script>")
            // Letters and digits outside ASCII are not "plain": they would reach the log as they came.
            #expect(RequestLogMiddleware.sanitised("abc-ø1") == nil)
            #expect(RequestLogMiddleware.sanitised("abc-1\u{301}") == nil)
            #expect(RequestLogMiddleware.sanitised("abc_DEF-123") == "abc_DEF-123")
        }
    }
}
