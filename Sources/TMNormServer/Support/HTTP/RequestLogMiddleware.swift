import TMNormCore
import Vapor

/// Logs one structured line per request: request id, method, route pattern, status, duration.
/// The concrete path is never logged because it can carry tokens or phone numbers.
struct RequestLogMiddleware: AsyncMiddleware {
    let metrics: MetricsRegistry

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let requestID = req.headers.first(name: "X-Request-ID").flatMap(Self.sanitised) ?? UUID().uuidString
        req.logger[metadataKey: "request-id"] = .string(requestID)
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch {
            // The error middleware sits inside this one, so this only sees failures it could not render.
            record(req, status: 500, start: start)
            throw error
        }
        response.headers.replaceOrAdd(name: "X-Request-ID", value: requestID)
        record(req, status: Int(response.status.code), start: start)
        return response
    }

    private func record(_ req: Request, status: Int, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = Self.pattern(req)
        metrics.recordRequest(method: req.method.rawValue, route: route, status: status, seconds: seconds)
        req.logger.info(
            "request",
            metadata: [
                "method": .string(req.method.rawValue), "route": .string(route),
                "status": .stringConvertible(status), "ms": .string(String(format: "%.2f", seconds * 1000)),
            ])
    }

    /// "/organisations/:id" rather than the concrete path.
    static func pattern(_ req: Request) -> String {
        guard let route = req.route else { return "unmatched" }
        return "/" + route.path.map { $0.description }.joined(separator: "/")
    }

    /// Accepts a caller's request id only when it is short and plain.
    static func sanitised(_ value: String) -> String? {
        guard value.utf8.count <= 64, value.utf8.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return nil }
        return value
    }
}
