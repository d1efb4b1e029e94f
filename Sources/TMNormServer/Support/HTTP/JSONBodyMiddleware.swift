import Vapor

/// The JSON API accepts JSON bodies only: anything else is 415 before a handler sees it.
struct JSONBodyMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH].contains(req.method), req.headers.contentType != nil || req.body.data?.readableBytes ?? 0 > 0 {
            guard let type = req.headers.contentType, type.type == "application", type.subType == "json" || type.subType.hasSuffix("+json") else {
                throw AppError(
                    .unsupportedMediaType, code: "unsupported-media-type",
                    Phrase(nb: "Send innholdet som application/json.", en: "Send the body as application/json."))
            }
        }
        return try await next.respond(to: req)
    }
}

/// Wash uploads accept CSV (or untyped bytes): a JSON body there is a mistake worth naming.
struct CSVBodyMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .POST, let type = req.headers.contentType {
            let accepted =
                (type.type == "text" && ["csv", "plain"].contains(type.subType))
                || (type.type == "application" && ["octet-stream", "csv", "vnd.ms-excel"].contains(type.subType))
            guard accepted else {
                throw AppError(
                    .unsupportedMediaType, code: "unsupported-media-type",
                    Phrase(nb: "Send listen som text/csv.", en: "Send the list as text/csv."))
            }
        }
        return try await next.respond(to: req)
    }
}
