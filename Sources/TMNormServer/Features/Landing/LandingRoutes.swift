import Vapor

/// `/`: the consumers' landing page for visitors, the start page for people who are logged in.
struct LandingRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: home)
    }

    func home(req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: .dashboard) }
        return .html(LandingView.render(context: req.pageContext))
    }
}
