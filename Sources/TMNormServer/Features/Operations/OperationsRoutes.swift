import Fluent
import SQLKit
import TMNormCore
import Vapor

/// `/healthz`, `/metrics`, `/api/openapi.json`, `/static/app.css`.
struct OperationsRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.healthz, use: health)
        routes.get(.metrics, use: metrics)
        routes.get(.openAPI, use: openAPI)
        routes.get(.stylesheet, use: stylesheet)
        routes.get(.script, use: script)
    }

    /// 200 when the database answers a trivial query, 503 otherwise.
    func health(req: Request) async throws -> Response {
        var healthy = false
        if let sql = req.db as? any SQLDatabase {
            healthy = (try? await sql.raw("SELECT 1 AS ok").first()) != nil
        }
        let body = healthy ? #"{"status":"ok","database":"ok"}"# : #"{"status":"unavailable","database":"unreachable"}"#
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: healthy ? .ok : .serviceUnavailable, headers: headers, body: .init(string: body))
    }

    /// Operators only: the bearer token TMNORM_METRICS_TOKEN, or a peer address in TMNORM_METRICS_ALLOW (the
    /// socket's peer, never a forwarded header). Nothing is allowed by default.
    func metrics(req: Request) async throws -> Response {
        let config = req.application.config
        let peer = req.remoteAddress?.ipAddress ?? ""
        let tokenOK =
            config.metricsToken.map { expected in
                req.headers.bearerAuthorization.map { CSRF.constantTimeEqual($0.token, expected) } ?? false
            } ?? false
        guard tokenOK || config.metricsAllowedAddresses.contains(peer) else {
            throw AppError(
                .forbidden, code: "metrics-forbidden",
                Phrase(
                    nb: "Metrikkene krever en nøkkel (TMNORM_METRICS_TOKEN) eller en tillatt adresse (TMNORM_METRICS_ALLOW).",
                    en: "Metrics need a token (TMNORM_METRICS_TOKEN) or an allowed address (TMNORM_METRICS_ALLOW)."))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: req.application.metricsRegistry.render()))
    }

    func openAPI(req: Request) async throws -> Response {
        let document = OpenAPIDocument.build(serverURL: req.application.config.publicBaseURL)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(document)))
    }

    func script(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/javascript; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(
            status: .ok, headers: headers, body: .init(string: Script.js + Script.menu + Script.suggest + Script.columnPreview + Script.liveCount))
    }

    func stylesheet(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(
            status: .ok, headers: headers,
            body: .init(string: Stylesheet.css + Stylesheet.verdicts + Stylesheet.offer + Stylesheet.evaluation + Stylesheet.events))
    }
}
