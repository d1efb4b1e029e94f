import Vapor

/// The JSON API accepts JSON bodies only: anything else is 415 before a handler sees it.
struct JSONBodyMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH].contains(req.method), req.headers.contentType != nil || req.body.data?.readableBytes ?? 0 > 0 {
            guard let type = req.headers.contentType, type.type == "application", type.subType == "json" || type.subType.hasSuffix("+json") else {
                throw AppError(.unsupportedMediaType, code: "unsupported-media-type",
                               Phrase(nb: "Send innholdet som application/json.", en: "Send the body as application/json."))
            }
        }
        return try await next.respond(to: req)
    }
}
